//! The alternatives worth quoting beside an action: its ladder.

use crate::validate::{TRAIN_IMAGES, TRAIN_STEPS};
use crate::{Action, EditCount, ImageGenerate, ModelTrain, Quality, Resolution, VideoGenerate};

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
    /// The same training, this many steps.
    Steps(u32),
    /// The same training on this many images.
    TrainingImages(u32),
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
/// preview; for training, fewer and more steps, then fewer and more images.
/// Actions without settings that change cost have none.
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
        Action::ModelTrain(t) => training(&mut out, *t),
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

/// Half and twice the steps, then half and twice the images, within the contract's ranges.
fn training(out: &mut Vec<Alternative>, t: ModelTrain) {
    let (steps, images) = (TRAIN_STEPS, TRAIN_IMAGES);
    for n in [t.steps / 2, t.steps.saturating_mul(2)] {
        let n = n.clamp(*steps.start(), *steps.end());
        if n != t.steps {
            let action = Action::ModelTrain(ModelTrain { steps: n, ..t });
            push(out, Change::Steps(n), action);
        }
    }
    for n in [t.images / 2, t.images.saturating_mul(2)] {
        let n = n.clamp(*images.start(), *images.end());
        if n != t.images {
            let action = Action::ModelTrain(ModelTrain { images: n, ..t });
            push(out, Change::TrainingImages(n), action);
        }
    }
}

fn counts(out: &mut Vec<Alternative>, e: &EditCount, make: fn(EditCount) -> Action) {
    let count = e.count.unwrap_or(1);
    if count > 1 {
        push(out, Change::Count(1), make(EditCount { count: Some(1) }));
    }
}
