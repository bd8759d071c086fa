//! The words for ladder entries and hints, from the host's text.

use credits_core::estimate::{Change, Hint};
use credits_core::Quality;

use crate::text::fill;
use crate::CreditsContext;

pub fn quality(ctx: &CreditsContext, q: Quality) -> String {
    ctx.quality(q)
}

pub fn change(ctx: &CreditsContext, change: Change) -> String {
    match change {
        Change::Quality(q) => quality(ctx, q),
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

pub fn hint(ctx: &CreditsContext, hint: Hint) -> String {
    match hint {
        Hint::DraftPreview { preview, current } => fill(
            ctx.word(|t| &t.hint_draft_preview),
            &[
                ("preview", &ctx.credits(preview)),
                ("current", &ctx.credits(current)),
            ],
        ),
        Hint::Fits { change: c, credits } => fill(
            ctx.word(|t| &t.hint_fits),
            &[
                ("option", &change(ctx, c)),
                ("credits", &ctx.credits(credits)),
            ],
        ),
        Hint::LowerQuality {
            quality: q,
            credits,
            current,
        } => fill(
            ctx.word(|t| &t.hint_lower_quality),
            &[
                ("option", &quality(ctx, q)),
                ("credits", &ctx.credits(credits)),
                ("current", &ctx.credits(current)),
            ],
        ),
    }
}
