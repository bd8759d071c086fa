//! The price book and what an action costs under it.
//!
//! [`PriceBook`] is plain data (the reference server reads it from
//! `server/data/price-book.toml`); [`price`] turns one [`Action`] into credits
//! and the breakdown lines, each as data ([`BreakdownKind`]) and as the
//! English a person reads ("4 images × 4 credits"). The lines
//! always add up to the total. Asset actions cost 0 and have an **empty
//! breakdown**: the UI says "Free" and shows no number for them.

// `Problem` is the contract's error type (about 300 bytes); it is built only on
// the refusal path, so boxing it would buy nothing but noise.
#![allow(clippy::result_large_err)]

mod book;

use std::collections::BTreeMap;

pub use book::{
    ByQuality, ByResolution, EditPrices, ImagePrices, PriceBook, TrainPrices, VideoPrices,
};

use crate::validate::{check_action, UNPROCESSABLE};
use crate::{Action, BreakdownKind, BreakdownLine, EditTool, Problem};

/// Pixels in one megapixel: images are priced per started megapixel.
pub const MEGAPIXEL: u64 = 1024 * 1024;

/// What `action` costs under `book`: the credits and the lines that add up to them.
///
/// Refuses (422) an action out of the contract's ranges (`invalid_setting`,
/// as [`check_action`]) and a model the book does not know (`invalid_setting`, field `model`).
pub fn price(book: &PriceBook, action: &Action) -> Result<(u64, Vec<BreakdownLine>), Problem> {
    check_action(action)?;
    let lines = match action {
        Action::ImageGenerate(a) => {
            let models = &book.image.models;
            let (model, factor) =
                model_factor(models, a.model.as_deref(), &book.image.default_model)?;
            let pixels = u64::from(a.width) * u64::from(a.height);
            let megapixels = pixels.div_ceil(MEGAPIXEL);
            let unit = mul(&[book.image.quality.get(a.quality), megapixels, factor])?;
            let kind = BreakdownKind::PerImage {
                count: a.count,
                unit,
                megapixels,
                model: (model != book.image.default_model).then(|| model.to_owned()),
            };
            vec![BreakdownLine::new(kind, mul(&[a.count.into(), unit])?)]
        }
        Action::VideoGenerate(a) => {
            let models = &book.video.models;
            let (model, factor) =
                model_factor(models, a.model.as_deref(), &book.video.default_model)?;
            let unit = mul(&[
                book.video.quality.get(a.quality),
                book.video.resolution.get(a.resolution),
                factor,
            ])?;
            let kind = BreakdownKind::PerSecond {
                count: a.duration_s,
                unit,
                resolution: a.resolution.as_str().to_owned(),
                model: (model != book.video.default_model).then(|| model.to_owned()),
            };
            vec![BreakdownLine::new(kind, mul(&[a.duration_s.into(), unit])?)]
        }
        Action::Upscale(u) => {
            let credits = if u.factor == 4 {
                book.edit.upscale_4x
            } else {
                book.edit.upscale_2x
            };
            vec![BreakdownLine::new(
                BreakdownKind::Upscale { factor: u.factor },
                credits,
            )]
        }
        Action::RemoveBackground(e) => edit(
            e.count,
            book.edit.remove_background,
            EditTool::RemoveBackground,
        )?,
        Action::Inpaint(e) => edit(e.count, book.edit.inpaint, EditTool::Inpaint)?,
        Action::Expand(e) => edit(e.count, book.edit.expand, EditTool::Expand)?,
        Action::Relight(e) => edit(e.count, book.edit.relight, EditTool::Relight)?,
        Action::ModelTrain(t) => {
            let image_steps = u64::from(t.images) * u64::from(t.steps);
            let per_credit = book.train.image_steps_per_credit.max(1);
            let steps = BreakdownKind::TrainingSteps {
                images: t.images,
                steps: t.steps,
                image_steps_per_credit: per_credit,
            };
            vec![
                BreakdownLine::new(BreakdownKind::TrainingSetup, book.train.base),
                BreakdownLine::new(steps, image_steps.div_ceil(per_credit)),
            ]
        }
        Action::AssetUpload | Action::AssetView | Action::AssetDownload => Vec::new(),
    };
    let total = lines
        .iter()
        .try_fold(0u64, |sum, l| sum.checked_add(l.credits))
        .ok_or_else(too_large)?;
    Ok((total, lines))
}

/// The model to use (the default when none is named) and its multiplier.
fn model_factor<'a>(
    models: &'a BTreeMap<String, u64>,
    asked: Option<&'a str>,
    default: &'a str,
) -> Result<(&'a str, u64), Problem> {
    let name = asked.unwrap_or(default);
    match models.get(name) {
        Some(&factor) => Ok((name, factor)),
        None => {
            let known: Vec<&str> = models.keys().map(String::as_str).collect();
            let detail = format!("unknown model {name:?}; known models: {}", known.join(", "));
            Err(
                Problem::new(UNPROCESSABLE, "invalid_setting", "Invalid setting", detail)
                    .with_field("model"),
            )
        }
    }
}

/// An editing tool applied to `count` images (1 when absent).
fn edit(count: Option<u32>, unit: u64, tool: EditTool) -> Result<Vec<BreakdownLine>, Problem> {
    let count = count.unwrap_or(1);
    let kind = BreakdownKind::PerEdit { tool, count, unit };
    Ok(vec![BreakdownLine::new(kind, mul(&[count.into(), unit])?)])
}

fn mul(factors: &[u64]) -> Result<u64, Problem> {
    factors
        .iter()
        .try_fold(1u64, |acc, &f| acc.checked_mul(f))
        .ok_or_else(too_large)
}

fn too_large() -> Problem {
    Problem::new(
        UNPROCESSABLE,
        "invalid_setting",
        "Invalid setting",
        "the price of this action is too large to count",
    )
}

#[cfg(test)]
#[path = "pricing_tests.rs"]
mod tests;
