//! Strict reading of an Action from untrusted JSON, and the settings' ranges.
//!
//! [`parse_action`] never panics: every wrong input becomes a 422 [`Problem`]
//! with a stable `code`, the `field` at fault and an English `detail`:
//!
//! | input | code |
//! |---|---|
//! | not a JSON object | `invalid_request` |
//! | `action` missing or not a string | `missing_setting` (field `action`) |
//! | `action` not one of [`Action::IDS`] | `unknown_action` (field `action`) |
//! | a key the action does not take (e.g. `quailty`) | `unknown_setting` |
//! | a required setting absent | `missing_setting` |
//! | wrong type, not in the list, or out of range | `invalid_setting` |
//!
//! [`check_action`] applies the same ranges to an already typed [`Action`].

// `Problem` is the contract's error type (about 300 bytes); it is built only on
// the refusal path, so boxing it would buy nothing but noise.
#![allow(clippy::result_large_err)]

use std::ops::RangeInclusive;

use serde_json::{Map, Value};

mod settings;

use settings::{bad_factor, missing, out_of_range, problem, shown, Settings};

use crate::{Action, ImageGenerate, ModelTrain, Problem, Upscale, VideoGenerate};

/// HTTP status of every problem found here.
pub const UNPROCESSABLE: u16 = 422;

/// `image.generate` `count`, and the editing tools' `count`.
pub const COUNT: RangeInclusive<u32> = 1..=16;
/// `image.generate` `width` and `height`, in pixels.
pub const IMAGE_SIDE: RangeInclusive<u32> = 256..=2048;
/// `video.generate` `duration_s`.
pub const VIDEO_SECONDS: RangeInclusive<u32> = 1..=60;
/// `edit.upscale` `factor`.
pub const UPSCALE_FACTORS: [u32; 2] = [2, 4];
/// `model.train` `images`.
pub const TRAIN_IMAGES: RangeInclusive<u32> = 5..=200;
/// `model.train` `steps`.
pub const TRAIN_STEPS: RangeInclusive<u32> = 100..=5000;

/// Reads one Action from JSON, checking every setting. See the module docs for the codes.
pub fn parse_action(v: &Value) -> Result<Action, Problem> {
    let Some(obj) = v.as_object() else {
        return Err(problem(
            "invalid_request",
            "Invalid request",
            format!("an action must be a JSON object, got {}", shown(v)),
        ));
    };
    let id = match obj.get("action") {
        Some(Value::String(id)) => id.as_str(),
        Some(other) => {
            return Err(missing(
                "action",
                format!(
                    "action must be a string naming the action, got {}",
                    shown(other)
                ),
            ))
        }
        None => return Err(missing("action", "action is required".to_owned())),
    };
    let Some(settings) = settings_of(id) else {
        return Err(problem(
            "unknown_action",
            "Unknown action",
            format!(
                "unknown action {id:?}; known actions: {}",
                Action::IDS.join(", ")
            ),
        )
        .with_field("action"));
    };
    reject_unknown_keys(obj, id, settings)?;
    let s = Settings(obj);
    let action = match id {
        "image.generate" => Action::ImageGenerate(ImageGenerate {
            model: s.model()?,
            quality: s.quality()?,
            count: s.int("count", COUNT)?,
            width: s.int("width", IMAGE_SIDE)?,
            height: s.int("height", IMAGE_SIDE)?,
        }),
        "video.generate" => Action::VideoGenerate(VideoGenerate {
            model: s.model()?,
            quality: s.quality()?,
            duration_s: s.int("duration_s", VIDEO_SECONDS)?,
            resolution: s.resolution()?,
        }),
        "edit.upscale" => Action::Upscale(Upscale {
            factor: s.factor()?,
        }),
        "edit.remove_background" => Action::RemoveBackground(s.edit_count()?),
        "edit.inpaint" => Action::Inpaint(s.edit_count()?),
        "edit.expand" => Action::Expand(s.edit_count()?),
        "edit.relight" => Action::Relight(s.edit_count()?),
        "model.train" => Action::ModelTrain(ModelTrain {
            images: s.int("images", TRAIN_IMAGES)?,
            steps: s.int("steps", TRAIN_STEPS)?,
        }),
        "asset.upload" => Action::AssetUpload,
        "asset.view" => Action::AssetView,
        _ => Action::AssetDownload,
    };
    Ok(action)
}

/// Checks the ranges of an already typed Action (as the components build it).
pub fn check_action(action: &Action) -> Result<(), Problem> {
    let in_range = |name: &str, v: u32, r: RangeInclusive<u32>| {
        if r.contains(&v) {
            Ok(())
        } else {
            Err(out_of_range(name, &r, &v.to_string()))
        }
    };
    match action {
        Action::ImageGenerate(a) => {
            in_range("count", a.count, COUNT)?;
            in_range("width", a.width, IMAGE_SIDE)?;
            in_range("height", a.height, IMAGE_SIDE)
        }
        Action::VideoGenerate(a) => in_range("duration_s", a.duration_s, VIDEO_SECONDS),
        Action::Upscale(a) if !UPSCALE_FACTORS.contains(&a.factor) => {
            Err(bad_factor(&a.factor.to_string()))
        }
        Action::RemoveBackground(e)
        | Action::Inpaint(e)
        | Action::Expand(e)
        | Action::Relight(e) => e.count.map_or(Ok(()), |c| in_range("count", c, COUNT)),
        Action::ModelTrain(a) => {
            in_range("images", a.images, TRAIN_IMAGES)?;
            in_range("steps", a.steps, TRAIN_STEPS)
        }
        _ => Ok(()),
    }
}

/// The settings each action takes, required ones first; `None` for an unknown action.
fn settings_of(id: &str) -> Option<&'static [&'static str]> {
    let settings: &'static [&'static str] = match id {
        "image.generate" => &["quality", "count", "width", "height", "model"],
        "video.generate" => &["quality", "duration_s", "resolution", "model"],
        "edit.upscale" => &["factor"],
        "edit.remove_background" | "edit.inpaint" | "edit.expand" | "edit.relight" => &["count"],
        "model.train" => &["images", "steps"],
        "asset.upload" | "asset.view" | "asset.download" => &[],
        _ => return None,
    };
    Some(settings)
}

fn reject_unknown_keys(
    obj: &Map<String, Value>,
    id: &str,
    settings: &[&str],
) -> Result<(), Problem> {
    let Some(key) = obj
        .keys()
        .find(|k| k.as_str() != "action" && !settings.contains(&k.as_str()))
    else {
        return Ok(());
    };
    let mut detail = format!("{id} has no setting {key:?}");
    match settings.iter().find(|s| looks_like(key, s)) {
        Some(near) => detail.push_str(&format!("; did you mean {near:?}?")),
        None if settings.is_empty() => detail.push_str("; it takes no settings"),
        None => detail.push_str(&format!("; it takes {}", settings.join(", "))),
    }
    Err(problem("unknown_setting", "Unknown setting", detail).with_field(key.as_str()))
}

/// A likely typo: the same length give or take one, and at most two letters apart.
fn looks_like(typed: &str, known: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (typed.chars().collect(), known.chars().collect());
    if a.len().abs_diff(b.len()) > 1 || a.len() > 64 {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()] <= 2
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
