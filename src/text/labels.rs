//! Words any surface puts together from the catalogue: how an alternative
//! setting differs, a credit amount, and the locale numbers and dates are
//! written in, with or without a provider.

use credits_core::estimate::Change;
use leptos::prelude::*;

use super::fill;
use crate::intl::{format_count, plural_category};
use crate::{CreditsContext, CreditsText};

/// How an alternative differs from the current settings: "Draft quality", "8 images".
pub fn change(ctx: &CreditsContext, change: Change) -> String {
    match change {
        Change::Quality(q) => ctx.quality(q),
        Change::Count(n) => ctx.counted(|t| &t.image_count, n.into()),
        Change::Duration(s) => ctx.counted(|t| &t.video_seconds, s.into()),
        Change::Resolution(r) => fill(
            ctx.word(|t| &t.video_resolution),
            &[("resolution", r.as_str())],
        ),
        Change::Steps(n) => ctx.counted(|t| &t.train_steps, n.into()),
        Change::TrainingImages(n) => ctx.counted(|t| &t.train_images, n.into()),
        Change::DraftPreview => ctx.word(|t| &t.draft_preview),
    }
}

/// "16 credits" from the provider's catalogue and locale, or in English outside one.
pub fn credits(ctx: Option<CreditsContext>, n: u64) -> String {
    match ctx {
        Some(c) => c.credits(n),
        None => {
            let english = Some("en");
            let category = plural_category(n, english);
            CreditsText::ENGLISH
                .credits
                .render(&category, &format_count(n, english))
        }
    }
}

/// The provider's locale (tracked, so words follow a language switch); `None`
/// outside a provider or when the host names none (the browser's default).
pub fn locale(ctx: Option<CreditsContext>) -> Option<String> {
    ctx.and_then(|c| c.locale.get())
}
