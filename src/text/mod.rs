//! Every visible string of the components, replaceable by the host.
//!
//! Give a [`CreditsText`] to [`crate::CreditsProvider`] to translate or reword;
//! start from `CreditsText::default()` (English) and replace what you need.
//! Numbers inside the strings are formatted with the browser's `Intl`.

use std::borrow::Cow;

/// A message that depends on a count, chosen by the browser's `Intl.PluralRules`
/// category for the locale. `{n}` stands for the formatted number.
/// Categories the host leaves empty fall back to `other`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluralText {
    pub zero: Option<Cow<'static, str>>,
    pub one: Option<Cow<'static, str>>,
    pub two: Option<Cow<'static, str>>,
    pub few: Option<Cow<'static, str>>,
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
        template.replace("{n}", formatted)
    }
}

/// The components' words. Each field is shown as text, never as HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditsText {
    /// A credit amount, e.g. "16 credits".
    pub credits: PluralText,
    /// Shown instead of a number for actions that cost nothing.
    pub free: Cow<'static, str>,
    /// Shown while a cost is being fetched.
    pub estimating: Cow<'static, str>,
    /// Accessible name prefix of a cost badge: "Cost: 16 credits".
    pub cost_label: Cow<'static, str>,
    /// The cost could not be fetched because the service is unreachable.
    pub error_offline: Cow<'static, str>,
    /// The service refused the request or answered something unreadable.
    pub error_generic: Cow<'static, str>,
    /// The member's token was refused.
    pub error_unauthorized: Cow<'static, str>,
    /// The retry button.
    pub retry: Cow<'static, str>,
    /// The action needs another plan; `{plan}` is the plan's id.
    pub needs_plan: Cow<'static, str>,
}

impl Default for CreditsText {
    fn default() -> Self {
        CreditsText {
            credits: PluralText::one_other("{n} credit", "{n} credits"),
            free: "Free".into(),
            estimating: "Estimating…".into(),
            cost_label: "Cost".into(),
            error_offline: "Can't reach the credits service".into(),
            error_generic: "Couldn't get the cost".into(),
            error_unauthorized: "Sign in again to see costs".into(),
            retry: "Retry".into(),
            needs_plan: "Needs {plan}".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_falls_back_to_other() {
        let t = CreditsText::default().credits;
        assert_eq!(t.render("one", "1"), "1 credit");
        assert_eq!(t.render("other", "1,600"), "1,600 credits");
        assert_eq!(t.render("few", "3"), "3 credits");
    }
}
