//! The words for ladder entries and hints, from the host's text.

use credits_core::estimate::Hint;
use credits_core::Quality;

pub(crate) use crate::text::change;
use crate::text::fill;
use crate::CreditsContext;

pub fn quality(ctx: &CreditsContext, q: Quality) -> String {
    ctx.quality(q)
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
