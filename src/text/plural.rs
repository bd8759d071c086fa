//! Counted phrases: one template per plural category of `Intl.PluralRules`.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::fill;

/// A message that depends on a count, chosen by the browser's `Intl.PluralRules`
/// category for the locale. `{n}` stands for the formatted number.
/// Categories the host leaves empty fall back to `other`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluralText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero: Option<Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one: Option<Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub two: Option<Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub few: Option<Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub many: Option<Cow<'static, str>>,
    pub other: Cow<'static, str>,
}

impl PluralText {
    /// English-style: one form for 1, another for the rest.
    pub fn one_other(
        one: impl Into<Cow<'static, str>>,
        other: impl Into<Cow<'static, str>>,
    ) -> Self {
        PluralText {
            zero: None,
            one: Some(one.into()),
            two: None,
            few: None,
            many: None,
            other: other.into(),
        }
    }

    /// [`PluralText::one_other`] of two literals, usable in a `const`.
    pub const fn fixed(one: &'static str, other: &'static str) -> Self {
        PluralText {
            zero: None,
            one: Some(Cow::Borrowed(one)),
            two: None,
            few: None,
            many: None,
            other: Cow::Borrowed(other),
        }
    }

    /// The message for a plural `category` (`zero`, `one`, `two`, `few`, `many`, `other`)
    /// with `{n}` replaced by the already formatted number.
    pub fn render(&self, category: &str, formatted: &str) -> String {
        let template = match category {
            "zero" => self.zero.as_ref(),
            "one" => self.one.as_ref(),
            "two" => self.two.as_ref(),
            "few" => self.few.as_ref(),
            "many" => self.many.as_ref(),
            _ => None,
        }
        .unwrap_or(&self.other);
        fill(template, &[("n", formatted)])
    }
}
