//! What the cost estimator shows beside a cost: the alternatives worth
//! quoting, whether the balance covers the cost, and saving hints drawn from
//! the quoted numbers. Pure rules: the server quotes, these only compare.

use crate::{Action, EditCount, ImageGenerate, Quality, Resolution, VideoGenerate};

/// How an alternative differs from the current action; the estimator words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// The same action at another quality tier.
    Quality(Quality),
    /// The same images, this many of them.
    Count(u32),
    /// The same video, this many seconds long.
    Duration(u32),
    /// The same video at another resolution.
    Resolution(Resolution),
    /// One draft-quality result to check the prompt before paying for the rest.
    DraftPreview,
}

/// An action the person could pick instead, and how it differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    pub change: Change,
    pub action: Action,
}

/// The alternatives worth quoting for `action`, in ladder order: each quality
/// tier (cheapest first, the current one included so the ladder is whole),
/// then fewer and more images or shorter and longer video, then a draft
/// preview. Actions without settings that change cost have none.
pub fn alternatives(action: &Action) -> Vec<Alternative> {
    let mut out = Vec::new();
    match action {
        Action::ImageGenerate(img) => {
            for q in Quality::ALL {
                push(&mut out, Change::Quality(q), image(img, q, img.count));
            }
            let fewer = (img.count / 2).max(1);
            if fewer < img.count {
                push(
                    &mut out,
                    Change::Count(fewer),
                    image(img, img.quality, fewer),
                );
            }
            let more = (img.count * 2).min(MAX_IMAGES);
            if more > img.count {
                push(&mut out, Change::Count(more), image(img, img.quality, more));
            }
            if img.quality != Quality::Draft || img.count > 1 {
                push(
                    &mut out,
                    Change::DraftPreview,
                    image(img, Quality::Draft, 1),
                );
            }
        }
        Action::VideoGenerate(v) => {
            for q in Quality::ALL {
                push(
                    &mut out,
                    Change::Quality(q),
                    video(v, q, v.duration_s, v.resolution),
                );
            }
            let shorter = (v.duration_s / 2).max(1);
            if shorter < v.duration_s {
                push(
                    &mut out,
                    Change::Duration(shorter),
                    video(v, v.quality, shorter, v.resolution),
                );
            }
            let longer = (v.duration_s * 2).min(MAX_VIDEO_S);
            if longer > v.duration_s {
                push(
                    &mut out,
                    Change::Duration(longer),
                    video(v, v.quality, longer, v.resolution),
                );
            }
            for r in Resolution::ALL {
                if r != v.resolution {
                    push(
                        &mut out,
                        Change::Resolution(r),
                        video(v, v.quality, v.duration_s, r),
                    );
                }
            }
            let preview = video(
                v,
                Quality::Draft,
                v.duration_s.min(PREVIEW_S),
                Resolution::P480,
            );
            push(&mut out, Change::DraftPreview, preview);
        }
        Action::RemoveBackground(e) => counts(&mut out, e, Action::RemoveBackground),
        Action::Inpaint(e) => counts(&mut out, e, Action::Inpaint),
        Action::Expand(e) => counts(&mut out, e, Action::Expand),
        Action::Relight(e) => counts(&mut out, e, Action::Relight),
        _ => {}
    }
    // A ladder entry equal to the current action is kept only as its quality tier.
    out.retain(|a| matches!(a.change, Change::Quality(_)) || &a.action != action);
    out
}

const MAX_IMAGES: u32 = 16;
const MAX_VIDEO_S: u32 = 60;
const PREVIEW_S: u32 = 4;

fn push(out: &mut Vec<Alternative>, change: Change, action: Action) {
    if !out.iter().any(|a| a.action == action) {
        out.push(Alternative { change, action });
    }
}

fn image(img: &ImageGenerate, quality: Quality, count: u32) -> Action {
    Action::ImageGenerate(ImageGenerate {
        quality,
        count,
        ..img.clone()
    })
}

fn video(v: &VideoGenerate, quality: Quality, duration_s: u32, resolution: Resolution) -> Action {
    Action::VideoGenerate(VideoGenerate {
        quality,
        duration_s,
        resolution,
        ..v.clone()
    })
}

fn counts(out: &mut Vec<Alternative>, e: &EditCount, make: fn(EditCount) -> Action) {
    let count = e.count.unwrap_or(1);
    if count > 1 {
        push(out, Change::Count(1), make(EditCount { count: Some(1) }));
    }
}

/// Whether a balance covers a cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affordability {
    /// Enough credits; `after` is the balance once it is spent.
    Affordable { after: u64 },
    /// Not enough: `shortfall` more credits are needed.
    Short { shortfall: u64 },
}

/// `cost` against `balance`: exactly enough is affordable, with 0 left.
pub fn affordability(cost: u64, balance: u64) -> Affordability {
    match balance.checked_sub(cost) {
        Some(after) => Affordability::Affordable { after },
        None => Affordability::Short {
            shortfall: cost - balance,
        },
    }
}

/// A saving the quoted numbers show, worded by the estimator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// A draft preview costs `preview` instead of `current`.
    DraftPreview { preview: u64, current: u64 },
    /// `change` costs `credits`, which the balance covers, while the current action does not fit.
    Fits { change: Change, credits: u64 },
    /// A lower quality tier costs `credits` instead of `current`.
    LowerQuality {
        quality: Quality,
        credits: u64,
        current: u64,
    },
}

/// Up to two hints from the quoted ladder: `quoted` pairs each alternative
/// with its credits (`None` where it could not be quoted or is blocked).
/// Hints only name savings that exist in these numbers, never generic advice.
pub fn hints(current: u64, balance: Option<u64>, quoted: &[(Change, Option<u64>)]) -> Vec<Hint> {
    let mut out = Vec::new();
    let cheaper = |c: &&(Change, Option<u64>)| matches!(c.1, Some(credits) if credits < current);
    let short = balance.is_some_and(|b| current > b);
    if short {
        let balance = balance.unwrap_or(0);
        // The fitting alternative closest to what the person asked for: the most expensive that fits.
        let best = quoted
            .iter()
            .filter(|(_, c)| matches!(c, Some(credits) if *credits <= balance && *credits > 0))
            .max_by_key(|(_, c)| c.unwrap_or(0));
        if let Some((change, Some(credits))) = best {
            out.push(Hint::Fits {
                change: *change,
                credits: *credits,
            });
        }
    }
    if let Some((_, Some(preview))) = quoted
        .iter()
        .filter(cheaper)
        .find(|(c, _)| *c == Change::DraftPreview)
    {
        out.push(Hint::DraftPreview {
            preview: *preview,
            current,
        });
    }
    if out.len() < 2 {
        let lower = quoted
            .iter()
            .filter(cheaper)
            .find_map(|(c, credits)| match c {
                Change::Quality(q) => credits.map(|credits| (*q, credits)),
                _ => None,
            });
        if let Some((quality, credits)) = lower {
            let already = out.iter().any(
                |h| matches!(h, Hint::Fits { change: Change::Quality(q), .. } if *q == quality),
            );
            if !already {
                out.push(Hint::LowerQuality {
                    quality,
                    credits,
                    current,
                });
            }
        }
    }
    out.truncate(2);
    out
}

#[cfg(test)]
#[path = "estimate_tests.rs"]
mod tests;
