//! The English words of [`CreditsText`]: `CreditsText::ENGLISH`, its `Default`.

use std::borrow::Cow;

use super::{BreakdownText, CreditsText, PluralText, PromptText, RequestsText, SubscriptionText};

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
        setting_invalid: Cow::Borrowed("This can't be shown: one of its settings isn't valid"),
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
