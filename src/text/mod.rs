//! Every visible string of the components, replaceable by the host.
//!
//! Give a [`CreditsText`] to [`crate::CreditsProvider`] to translate or reword;
//! start from `CreditsText::default()` (English) and replace what you need.
//! Numbers inside the strings are formatted with the browser's `Intl`.

mod breakdown;
mod catalogue;
mod errors;
mod fill;
mod format;
mod labels;
mod load;
mod pairs;
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
pub use prompts::PromptText;
pub use requests::RequestsText;
pub use states::{grant_pick, payment_pick, status_pick, usage_pick};
pub use subscription::SubscriptionText;
pub use words::{fill_word, plan_name, word, Pick, PickPlural};

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

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

impl CreditsText {
    /// The English words, every one borrowed from the binary: what
    /// `default()` gives. Built at compile time, so a provider starts with
    /// a copy instead of code that builds each field.
    pub const ENGLISH: CreditsText = CreditsText {
        credits: PluralText::fixed("{n} credit", "{n} credits"),
        free: Cow::Borrowed("Free"),
        estimating: Cow::Borrowed("Estimating…"),
        cost_label: Cow::Borrowed("Cost:"),
        cost_over_balance: Cow::Borrowed("more than your balance"),
        error_offline: Cow::Borrowed("Can't reach the credits service"),
        error_generic: Cow::Borrowed("Couldn't get the cost"),
        error_timed_out: Cow::Borrowed("The credits service is taking too long"),
        error_unauthorized: Cow::Borrowed("Sign in again to see costs"),
        retry: Cow::Borrowed("Retry"),
        buying: Cow::Borrowed("Working on it…"),
        purchase_failed: Cow::Borrowed(
            "That did not go through ({reason}). Nothing more was charged; try again.",
        ),
        purchase_not_allowed: Cow::Borrowed("only an owner or admin can buy"),
        purchase_error: Cow::Borrowed("the checkout could not complete it"),
        needs_plan: Cow::Borrowed("Needs {plan}"),
        generate: Cow::Borrowed("Generate"),
        estimate_title: Cow::Borrowed("Cost estimate"),
        balance_now: Cow::Borrowed("Balance now"),
        balance_after: Cow::Borrowed("After this"),
        balance_stale: Cow::Borrowed("May be out of date"),
        refresh: Cow::Borrowed("Refresh"),
        shortfall: PluralText::fixed(
            "You need {n} more credit than you have.",
            "You need {n} more credits than you have.",
        ),
        get_more_credits: Cow::Borrowed("Get more credits"),
        options_title: Cow::Borrowed("Other settings"),
        current_option: Cow::Borrowed("Current"),
        quality_draft: Cow::Borrowed("Draft quality"),
        quality_standard: Cow::Borrowed("Standard quality"),
        quality_high: Cow::Borrowed("High quality"),
        image_count: PluralText::fixed("{n} image", "{n} images"),
        video_seconds: PluralText::fixed("{n} second", "{n} seconds"),
        video_resolution: Cow::Borrowed("{resolution}"),
        train_steps: PluralText::fixed("{n} step", "{n} steps"),
        train_images: PluralText::fixed("{n} training image", "{n} training images"),
        draft_preview: Cow::Borrowed("Draft preview"),
        draft_plan: Cow::Borrowed("draft {draft} + final {finish} = {total}"),
        finish_at: Cow::Borrowed("Finish at {quality}"),
        hint_draft_preview: Cow::Borrowed("A draft preview costs {preview} instead of {current}."),
        hint_fits: Cow::Borrowed("{option} fits your balance: {credits}."),
        hint_lower_quality: Cow::Borrowed("{option} costs {credits} instead of {current}."),
        plan_free: Cow::Borrowed("Free"),
        plan_basic: Cow::Borrowed("Basic"),
        plan_pro: Cow::Borrowed("Pro"),
        plan_enterprise: Cow::Borrowed("Enterprise"),
        plan_other: Cow::Borrowed("another plan"),
        actions: Cow::Borrowed(&[
            (Cow::Borrowed("asset.download"), Cow::Borrowed("Download")),
            (Cow::Borrowed("asset.upload"), Cow::Borrowed("Upload")),
            (Cow::Borrowed("asset.view"), Cow::Borrowed("View")),
            (Cow::Borrowed("edit.expand"), Cow::Borrowed("Expand")),
            (Cow::Borrowed("edit.inpaint"), Cow::Borrowed("Inpaint")),
            (Cow::Borrowed("edit.relight"), Cow::Borrowed("Relight")),
            (
                Cow::Borrowed("edit.remove_background"),
                Cow::Borrowed("Remove background"),
            ),
            (Cow::Borrowed("edit.upscale"), Cow::Borrowed("Upscale")),
            (
                Cow::Borrowed("image.generate"),
                Cow::Borrowed("Image generation"),
            ),
            (
                Cow::Borrowed("model.train"),
                Cow::Borrowed("Model training"),
            ),
            (
                Cow::Borrowed("video.generate"),
                Cow::Borrowed("Video generation"),
            ),
        ]),
        subscription: SubscriptionText::ENGLISH,
        prompts: PromptText::ENGLISH,
        requests: RequestsText::ENGLISH,
        breakdown: BreakdownText::ENGLISH,
    };
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
