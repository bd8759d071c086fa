//! The demo's language switch: English, Deutsch, العربية. A language is the
//! page's `lang` and `dir`, the provider's locale and its catalogue; the
//! components' words come from the catalogue, the demo's chrome stays English
//! (marked `lang="en"`) except the switch itself and the words the demo hands
//! to the components (the editing tools' button labels).

use leptos::prelude::*;
use leptos_credits::primitives::effect;
use leptos_credits::{locales, CreditsText};

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

    /// The components' catalogue; a file that does not load leaves English
    /// (said in the console), never a blank.
    pub fn text(self) -> CreditsText {
        let json = match self {
            Language::English => return CreditsText::default(),
            Language::German => locales::GERMAN,
            Language::Arabic => locales::ARABIC,
        };
        CreditsText::from_json(json).unwrap_or_else(|e| {
            leptos::logging::warn!("the {} catalogue did not load: {e}", self.tag());
            CreditsText::default()
        })
    }
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
                        language.set(picked);
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
