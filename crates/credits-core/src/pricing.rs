//! The price book and what an action costs under it.
//!
//! [`PriceBook`] is plain data (the reference server reads it from
//! `server/data/price-book.toml`); [`price`] turns one [`Action`] into credits
//! and the breakdown lines a person reads ("4 images × 4 credits"). The lines
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
use crate::{Action, BreakdownLine, Problem};

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
            let each = mul(&[book.image.quality.get(a.quality), megapixels, factor])?;
            let mut notes = Vec::new();
            if megapixels > 1 {
                notes.push(format!("{megapixels} MP"));
            }
            if model != book.image.default_model {
                notes.push(model.to_owned());
            }
            vec![times(a.count.into(), "image", "images", each, &notes)?]
        }
        Action::VideoGenerate(a) => {
            let models = &book.video.models;
            let (model, factor) =
                model_factor(models, a.model.as_deref(), &book.video.default_model)?;
            let per_second = mul(&[
                book.video.quality.get(a.quality),
                book.video.resolution.get(a.resolution),
                factor,
            ])?;
            let mut notes = vec![a.resolution.as_str().to_owned()];
            if model != book.video.default_model {
                notes.push(model.to_owned());
            }
            vec![times(a.duration_s.into(), "s", "s", per_second, &notes)?]
        }
        Action::Upscale(u) => {
            let credits = if u.factor == 4 {
                book.edit.upscale_4x
            } else {
                book.edit.upscale_2x
            };
            vec![line(format!("Upscale {}×", u.factor), credits)]
        }
        Action::RemoveBackground(e) => {
            edit(e.count, book.edit.remove_background, "remove background")?
        }
        Action::Inpaint(e) => edit(e.count, book.edit.inpaint, "inpaint")?,
        Action::Expand(e) => edit(e.count, book.edit.expand, "expand")?,
        Action::Relight(e) => edit(e.count, book.edit.relight, "relight")?,
        Action::ModelTrain(t) => {
            let image_steps = u64::from(t.images) * u64::from(t.steps);
            let per_credit = book.train.image_steps_per_credit.max(1);
            vec![
                line("Training setup".to_owned(), book.train.base),
                line(
                    format!("{} images × {} steps", t.images, t.steps),
                    image_steps.div_ceil(per_credit),
                ),
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
fn edit(count: Option<u32>, each: u64, tool: &str) -> Result<Vec<BreakdownLine>, Problem> {
    let count = count.unwrap_or(1);
    Ok(vec![times(
        count.into(),
        "image",
        "images",
        each,
        &[tool.to_owned()],
    )?])
}

/// "4 images × 4 credits", "1 image × 1 credit (2 MP)", "8 s × 12 credits (720p)".
fn times(
    n: u64,
    one: &str,
    many: &str,
    each: u64,
    notes: &[String],
) -> Result<BreakdownLine, Problem> {
    let unit = if n == 1 { one } else { many };
    let credits_word = if each == 1 { "credit" } else { "credits" };
    let mut label = format!("{n} {unit} × {each} {credits_word}");
    if !notes.is_empty() {
        label.push_str(&format!(" ({})", notes.join(", ")));
    }
    Ok(line(label, mul(&[n, each])?))
}

fn line(label: String, credits: u64) -> BreakdownLine {
    BreakdownLine { label, credits }
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
