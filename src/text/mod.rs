//! Every visible string of the components, replaceable by the host.
//!
//! Give a [`CreditsText`] to [`crate::CreditsProvider`] to translate or reword;
//! start from `CreditsText::default()` (English) and replace what you need.
//! Numbers inside the strings are formatted with the browser's `Intl`.

mod errors;
mod fill;
mod format;

pub use errors::{error_message, plan_name};
pub(crate) use fill::fill;

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
        fill(template, &[("n", formatted)])
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
    /// The text alternative of the cost badge's warning icon when the cost is
    /// above the balance, so the shortfall is not marked by colour alone.
    pub cost_over_balance: Cow<'static, str>,
    /// The cost could not be fetched because the service is unreachable.
    pub error_offline: Cow<'static, str>,
    /// The service refused the request or answered something unreadable.
    pub error_generic: Cow<'static, str>,
    /// The service did not answer in time.
    pub error_timed_out: Cow<'static, str>,
    /// The member's token was refused.
    pub error_unauthorized: Cow<'static, str>,
    /// The retry button.
    pub retry: Cow<'static, str>,
    /// On the button of a purchase under way (the checkout of any surface).
    pub buying: Cow<'static, str>,
    /// `{reason}`: why a purchase did not go through.
    pub purchase_failed: Cow<'static, str>,
    /// The `{reason}` when the checkout refused a member.
    pub purchase_not_allowed: Cow<'static, str>,
    /// The `{reason}` for any other refusal or failure.
    pub purchase_error: Cow<'static, str>,
    /// The action needs another plan; `{plan}` is the plan's name.
    pub needs_plan: Cow<'static, str>,
    /// The Generate button's words.
    pub generate: Cow<'static, str>,
    /// Accessible name of the estimator's trigger and title of its popover.
    pub estimate_title: Cow<'static, str>,
    pub balance_now: Cow<'static, str>,
    pub balance_after: Cow<'static, str>,
    /// Beside a balance whose last refresh failed.
    pub balance_stale: Cow<'static, str>,
    /// Asks for the balance again.
    pub refresh: Cow<'static, str>,
    /// The cost is above the balance; `{n}` is the missing amount.
    pub shortfall: PluralText,
    /// The way out of a shortfall (a link or button).
    pub get_more_credits: Cow<'static, str>,
    /// The estimator's heading over the alternatives.
    pub options_title: Cow<'static, str>,
    /// Marks the alternative that matches the current settings.
    pub current_option: Cow<'static, str>,
    pub quality_draft: Cow<'static, str>,
    pub quality_standard: Cow<'static, str>,
    pub quality_high: Cow<'static, str>,
    /// An alternative with another number of images.
    pub image_count: PluralText,
    /// An alternative with another video length, in seconds.
    pub video_seconds: PluralText,
    /// An alternative at another video resolution; `{resolution}` is e.g. `720p`.
    pub video_resolution: Cow<'static, str>,
    /// An alternative training with another number of steps.
    pub train_steps: PluralText,
    /// An alternative training on another number of images.
    pub train_images: PluralText,
    /// A single draft-quality result first.
    pub draft_preview: Cow<'static, str>,
    /// Both costs of drafting first, then finishing: `{draft}` and `{finish}`
    /// are numbers ("1", "16"), `{total}` a credit amount ("17 credits").
    pub draft_plan: Cow<'static, str>,
    /// The button that finishes after a draft; `{quality}` is the quality tier ("High quality").
    pub finish_at: Cow<'static, str>,
    /// `{preview}` and `{current}` are credit amounts ("1 credit", "16 credits").
    pub hint_draft_preview: Cow<'static, str>,
    /// `{option}` is an alternative's label, `{credits}` its cost.
    pub hint_fits: Cow<'static, str>,
    /// `{option}` is a lower quality tier, `{credits}` its cost, `{current}` the current cost.
    pub hint_lower_quality: Cow<'static, str>,
    /// The words of the subscription view, the usage history and the plan comparison.
    pub subscription: crate::subscription::SubscriptionText,
    /// The out-of-credits prompt's and the low-balance banner's words.
    pub prompts: crate::out_of_credits::PromptText,
}

impl Default for CreditsText {
    fn default() -> Self {
        CreditsText {
            credits: PluralText::one_other("{n} credit", "{n} credits"),
            free: "Free".into(),
            estimating: "Estimating…".into(),
            cost_label: "Cost".into(),
            cost_over_balance: "more than your balance".into(),
            error_offline: "Can't reach the credits service".into(),
            error_generic: "Couldn't get the cost".into(),
            error_timed_out: "The credits service is taking too long".into(),
            error_unauthorized: "Sign in again to see costs".into(),
            retry: "Retry".into(),
            buying: "Working on it…".into(),
            purchase_failed:
                "That did not go through ({reason}). Nothing more was charged; try again.".into(),
            purchase_not_allowed: "only an owner or admin can buy".into(),
            purchase_error: "the checkout could not complete it".into(),
            needs_plan: "Needs {plan}".into(),
            generate: "Generate".into(),
            estimate_title: "Cost estimate".into(),
            balance_now: "Balance now".into(),
            balance_after: "After this".into(),
            balance_stale: "May be out of date".into(),
            refresh: "Refresh".into(),
            shortfall: PluralText::one_other(
                "You need {n} more credit than you have.",
                "You need {n} more credits than you have.",
            ),
            get_more_credits: "Get more credits".into(),
            options_title: "Other settings".into(),
            current_option: "Current".into(),
            quality_draft: "Draft quality".into(),
            quality_standard: "Standard quality".into(),
            quality_high: "High quality".into(),
            image_count: PluralText::one_other("{n} image", "{n} images"),
            video_seconds: PluralText::one_other("{n} second", "{n} seconds"),
            video_resolution: "{resolution}".into(),
            train_steps: PluralText::one_other("{n} step", "{n} steps"),
            train_images: PluralText::one_other("{n} training image", "{n} training images"),
            draft_preview: "Draft preview".into(),
            draft_plan: "draft {draft} + final {finish} = {total}".into(),
            finish_at: "Finish at {quality}".into(),
            hint_draft_preview: "A draft preview costs {preview} instead of {current}.".into(),
            hint_fits: "{option} fits your balance: {credits}.".into(),
            hint_lower_quality: "{option} costs {credits} instead of {current}.".into(),
            subscription: crate::subscription::SubscriptionText::default(),
            prompts: Default::default(),
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
