//! Surfaces in another language: the shipped catalogues, mounting under
//! them, and the check that no English word is left on the page.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_credits::{locales, CreditsClient, CreditsProvider, CreditsText, PluralText};
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::{is_hidden, mount, Mounted};

pub struct Lang {
    pub tag: &'static str,
    pub json: &'static str,
    pub rtl: bool,
}

pub const GERMAN: Lang = Lang {
    tag: "de-DE",
    json: locales::GERMAN,
    rtl: false,
};
pub const ARABIC: Lang = Lang {
    tag: "ar",
    json: locales::ARABIC,
    rtl: true,
};

impl Lang {
    pub fn text(&self) -> CreditsText {
        CreditsText::from_json(self.json).expect("the shipped catalogue reads")
    }

    /// `n` as this locale writes it, straight from the browser's `Intl`.
    pub fn number(&self, n: u64) -> String {
        let locales = js_sys::Array::of1(&self.tag.into());
        js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new())
            .format()
            .call1(&wasm_bindgen::JsValue::NULL, &(n as f64).into())
            .ok()
            .and_then(|v| v.as_string())
            .expect("Intl.NumberFormat formats")
    }

    /// This locale's plural category of `n`, straight from `Intl.PluralRules`.
    pub fn category(&self, n: u64) -> String {
        let locales = js_sys::Array::of1(&self.tag.into());
        js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new())
            .select(n as f64)
            .as_string()
            .expect("Intl.PluralRules selects")
    }

    /// A counted phrase of this catalogue for `n`, as it must read.
    pub fn counted(&self, phrase: &PluralText, n: u64) -> String {
        phrase.render(&self.category(n), &self.number(n))
    }

    pub fn credits(&self, n: u64) -> String {
        self.counted(&self.text().credits, n)
    }
}

/// `view` under a provider speaking `lang`, in a container whose `dir` is the
/// language's, as a host's page would be.
pub fn mount_in<N: IntoView + 'static>(
    lang: &'static Lang,
    client: CreditsClient,
    workspace: impl Into<String>,
    view: impl FnOnce() -> N + Send + 'static,
) -> Mounted {
    let workspace = workspace.into();
    let text = lang.text();
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace=workspace locale=lang.tag text=text>
                {view()}
            </CreditsProvider>
        }
    });
    let _ = m.root.set_attribute("lang", lang.tag);
    let _ = m
        .root
        .set_attribute("dir", if lang.rtl { "rtl" } else { "ltr" });
    m
}

/// Every text a person or a screen reader meets under `root`: text nodes
/// outside hidden parts, and accessible names and hints in attributes.
pub fn shown_texts(root: &Element) -> Vec<String> {
    let mut out = Vec::new();
    collect(root.as_ref(), &mut out);
    out.retain(|t| !t.trim().is_empty());
    out
}

fn collect(node: &Node, out: &mut Vec<String>) {
    if let Some(el) = node.dyn_ref::<Element>() {
        if is_hidden(el) || matches!(el.tag_name().as_str(), "STYLE" | "SCRIPT" | "TEMPLATE") {
            return;
        }
        for attr in [
            "aria-label",
            "title",
            "placeholder",
            "alt",
            "aria-valuetext",
        ] {
            out.extend(el.get_attribute(attr));
        }
    } else if node.node_type() == Node::TEXT_NODE {
        out.extend(node.text_content());
        return;
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            collect(&child, out);
        }
    }
}

/// Fails when a text under `root` holds a word of the English catalogue that
/// `lang`'s catalogue does not use, once `data` (names the server sends) is
/// taken out. In a right-to-left language no Latin letter may remain at all
/// (digits may: `Intl` writes Arabic numbers with Latin digits in Chromium).
pub fn assert_no_english(root: &Element, lang: &Lang, data: &[&str]) {
    let english =
        words_of(&serde_json::to_value(CreditsText::ENGLISH).expect("English serialises"));
    let theirs = words_of(&serde_json::from_str(lang.json).expect("the catalogue is JSON"));
    let foreign: BTreeSet<&String> = english.difference(&theirs).collect();
    let texts = shown_texts(root);
    assert!(texts.len() > 3, "the surface shows text: {texts:?}");
    for shown in texts {
        let mut rest = shown.clone();
        for d in data {
            rest = rest.replace(d, " ");
        }
        let left: Vec<String> = tokens(&rest).filter(|w| foreign.contains(w)).collect();
        assert!(
            left.is_empty(),
            "English words {left:?} in {shown:?} ({})",
            lang.tag
        );
        if lang.rtl {
            assert!(
                !rest.chars().any(|c| c.is_ascii_alphabetic()),
                "Latin letters in {shown:?} ({})",
                lang.tag
            );
        }
    }
}

fn words_of(v: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |s: &str| out.extend(tokens(&strip_placeholders(s)));
    walk(v, &mut add);
    out
}

fn walk(v: &Value, add: &mut impl FnMut(&str)) {
    match v {
        Value::String(s) => add(s),
        Value::Object(o) => o.values().for_each(|v| walk(v, add)),
        Value::Array(a) => a.iter().for_each(|v| walk(v, add)),
        _ => {}
    }
}

fn strip_placeholders(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close + 1..],
            None => rest = "",
        }
        out.push(' ');
    }
    out.push_str(rest);
    out
}

fn tokens(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
}
