//! Words with numbers in them, in the provider's locale.

use std::borrow::Cow;

use leptos::prelude::*;

use crate::intl::{format_count, plural_category};
use crate::{CreditsContext, CreditsText, PluralText};

impl CreditsContext {
    /// A fixed word of the host's text, e.g. `ctx.word(|t| &t.retry)`.
    pub fn word(&self, pick: fn(&CreditsText) -> &Cow<'static, str>) -> String {
        self.text.with_value(|t| pick(t).to_string())
    }

    /// A counted phrase of the host's text ("4 images"), number and plural form from `Intl`.
    pub fn counted(&self, pick: fn(&CreditsText) -> &PluralText, n: u64) -> String {
        let locale = self.locale.get();
        let formatted = format_count(n, locale.as_deref());
        let category = plural_category(n, locale.as_deref());
        self.text
            .with_value(|t| pick(t).render(&category, &formatted))
    }
}
