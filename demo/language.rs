//! The demo's language switch: English, Deutsch, العربية. A language is the
//! page's `lang` and `dir`, the provider's locale and its catalogue; the
//! components' words come from the catalogue, the demo's chrome stays English
//! (marked `lang="en"`) except the switch itself and the words the demo hands
//! to the components (the editing tools' button labels).

use leptos::prelude::*;
use leptos_credits::primitives::effect;
use std::cell::RefCell;

use leptos::task::spawn_local;
use leptos_credits::CreditsText;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    #[default]
    English,
    German,
    Arabic,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::English, Language::German, Language::Arabic];

    /// The page's `lang` tag, also the switch's option value.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::Arabic => "ar",
        }
    }

    /// The provider's locale, for numbers, dates, currency and plural forms.
    pub fn locale(self) -> &'static str {
        match self {
            Language::English => "en-US",
            Language::German => "de-DE",
            Language::Arabic => "ar",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Language::Arabic => "rtl",
            _ => "ltr",
        }
    }

    /// The language's name in itself, as the switch offers it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "Deutsch",
            Language::Arabic => "العربية",
        }
    }

    /// The switch's label, in the language the page shows.
    fn switch_label(self) -> &'static str {
        match self {
            Language::English => "Language",
            Language::German => "Sprache",
            Language::Arabic => "اللغة",
        }
    }

    fn from_tag(tag: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The components' catalogue, once [`load`] has fetched it (English until then).
    pub fn text(self) -> CreditsText {
        LOADED.with(|l| {
            l.borrow()
                .iter()
                .find(|(lang, _)| *lang == self)
                .map(|(_, text)| text.clone())
                .unwrap_or_default()
        })
    }
}

thread_local! {
    static LOADED: RefCell<Vec<(Language, CreditsText)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches `lang`'s catalogue (`locales/<tag>.json`, copied beside the page
/// by Trunk) the first time it is chosen, so the first screen does not carry
/// every language.
async fn load(lang: Language) -> Result<(), String> {
    if lang == Language::English || LOADED.with(|l| l.borrow().iter().any(|(l, _)| *l == lang)) {
        return Ok(());
    }
    let window = web_sys::window().ok_or("no window")?;
    let url = format!("locales/{}.json", lang.tag());
    let answer = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: Response = answer.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let body = response.text().map_err(|e| format!("{e:?}"))?;
    let json = JsFuture::from(body).await.map_err(|e| format!("{e:?}"))?;
    let text =
        CreditsText::from_json(&json.as_string().unwrap_or_default()).map_err(|e| e.to_string())?;
    LOADED.with(|l| l.borrow_mut().push((lang, text)));
    Ok(())
}

/// The labelled `<select>` of the demo's header; the page's `lang` and `dir`
/// follow `language`, with no reload.
#[component]
pub fn LanguageSwitch(language: RwSignal<Language>) -> impl IntoView {
    effect(move || {
        let now = language.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", now.tag());
            let _ = html.set_attribute("dir", now.dir());
        }
    });
    view! {
        <label class="demo-field demo-language">
            <span>{move || language.get().switch_label()}</span>
            <select
                prop:value=move || language.get().tag()
                on:change=move |ev| {
                    if let Some(picked) = Language::from_tag(&event_target_value(&ev)) {
                        // The page keeps its language until the new one's words have arrived.
                        spawn_local(async move {
                            match load(picked).await {
                                Ok(()) => language.set(picked),
                                Err(e) => leptos::logging::warn!("the {} catalogue did not load: {e}", picked.tag()),
                            }
                        });
                    }
                }
            >
                {Language::ALL
                    .map(|l| view! { <option value=l.tag() lang=l.tag()>{l.own_name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
