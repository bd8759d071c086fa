//! Every visible string of the components, replaceable by the host.
//!
//! Give a [`CreditsText`] to [`crate::CreditsProvider`] to translate or reword;
//! start from `CreditsText::default()` (English) and replace what you need.
//! Numbers inside the strings are formatted with the browser's `Intl`.

mod breakdown;
mod catalogue;
mod english;
mod errors;
mod fill;
mod format;
mod labels;
mod load;
mod pairs;
mod plural;
mod prompts;
mod requests;
mod states;
mod subscription;
mod words;

pub use breakdown::BreakdownText;
pub use catalogue::{CatalogueError, CatalogueProblem};
pub use errors::error_message;
pub(crate) use fill::fill;
pub(crate) use labels::{change, credits, locale};
pub use plural::PluralText;
pub use prompts::PromptText;
pub use requests::RequestsText;
pub use states::{grant_pick, payment_pick, status_pick, usage_pick};
pub use subscription::SubscriptionText;
pub use words::{fill_word, plan_name, word, Pick, PickPlural};

use std::borrow::Cow;

use serde::Serialize;

/// The components' words. Each field is shown as text, never as HTML.
///
/// Loadable from JSON ([`CreditsText::from_json`], or serde's `Deserialize`):
/// a key the JSON lacks keeps its English word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditsText {
    /// A credit amount, e.g. "16 credits".
    pub credits: PluralText,
    /// Shown instead of a number for actions that cost nothing.
    pub free: Cow<'static, str>,
    /// Shown while a cost is being fetched.
    pub estimating: Cow<'static, str>,
    /// Accessible name prefix of a cost badge, punctuation included: "Cost:"
    /// (read as "Cost: 16 credits").
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
    /// A custom element was given a setting of the wrong shape (the
    /// details go to the `credits-error` event and `data-detail`).
    pub setting_invalid: Cow<'static, str>,
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
    /// Plan names, by plan id.
    pub plan_free: Cow<'static, str>,
    pub plan_basic: Cow<'static, str>,
    pub plan_pro: Cow<'static, str>,
    pub plan_enterprise: Cow<'static, str>,
    /// A plan a newer server adds, which this catalogue cannot name.
    pub plan_other: Cow<'static, str>,
    /// Action ids and their names, sorted by id; an id missing here is named by English,
    /// else shown as sent.
    #[serde(serialize_with = "pairs::serialize")]
    pub actions: Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>,
    /// The words of the subscription view, the usage history and the plan comparison.
    pub subscription: SubscriptionText,
    /// The out-of-credits prompt's and the low-balance banner's words.
    pub prompts: PromptText,
    /// The words of credit requests ("Ask an admin", the requests list).
    pub requests: RequestsText,
    /// The words of a quote's breakdown lines ("4 images × 4 credits").
    pub breakdown: BreakdownText,
}

impl Default for CreditsText {
    fn default() -> Self {
        Self::ENGLISH
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
