//! The lines of a quote's breakdown: each one as data ([`BreakdownKind`]),
//! which a client words in the person's language, and as the English
//! `label` that clients from before kinds show.

mod wire;

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum_deserialize;

/// One line of a quote's breakdown, e.g. "4 images × 2 credits" = 8: its
/// `credits`, its English `label` and the same line as data in `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "wire::WireLine", into = "wire::WireLine")]
pub struct BreakdownLine {
    pub label: String,
    pub credits: u64,
    pub kind: BreakdownKind,
}

impl BreakdownLine {
    /// A line whose `label` is `kind` in English.
    pub fn new(kind: BreakdownKind, credits: u64) -> Self {
        BreakdownLine {
            label: kind.english(),
            credits,
            kind,
        }
    }
}

/// What a breakdown line counts, with the numbers its words need. On the
/// wire: `kind` and these fields beside `label` and `credits`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakdownKind {
    /// `per_image`: `count` images × `unit` credits each, each image of
    /// `megapixels` (started megapixels, at least 1); `model` when the
    /// request named a model other than the price book's default.
    PerImage {
        count: u32,
        unit: u64,
        megapixels: u64,
        model: Option<String>,
    },
    /// `per_second`: `count` seconds of video × `unit` credits a second at
    /// `resolution` (e.g. `720p`); `model` as for images.
    PerSecond {
        count: u32,
        unit: u64,
        resolution: String,
        model: Option<String>,
    },
    /// `per_edit`: an editing `tool` on `count` images × `unit` credits each.
    PerEdit {
        tool: EditTool,
        count: u32,
        unit: u64,
    },
    /// `upscale`: one upscale by `factor` (2 or 4), at the book's price.
    Upscale { factor: u32 },
    /// `training_setup`: model training's fixed setup fee.
    TrainingSetup,
    /// `training_steps`: `images` × `steps` image-steps, one credit per
    /// `image_steps_per_credit` started.
    TrainingSteps {
        images: u32,
        steps: u32,
        image_steps_per_credit: u64,
    },
    /// A kind this client does not know, a known one without its numbers, or
    /// a line from a server before kinds: show `label`.
    Unknown,
}

/// The editing tools a `per_edit` line names, as their actions do
/// (`edit.remove_background` → `remove_background`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditTool {
    RemoveBackground,
    Inpaint,
    Expand,
    Relight,
    Unknown,
}

open_enum_deserialize!(EditTool: RemoveBackground, Inpaint, Expand, Relight);

impl EditTool {
    pub fn as_str(self) -> &'static str {
        match self {
            EditTool::RemoveBackground => "remove_background",
            EditTool::Inpaint => "inpaint",
            EditTool::Expand => "expand",
            EditTool::Relight => "relight",
            EditTool::Unknown => "unknown",
        }
    }

    /// The tool as the English label names it ("remove background").
    fn english(self) -> &'static str {
        match self {
            EditTool::RemoveBackground => "remove background",
            EditTool::Inpaint => "inpaint",
            EditTool::Expand => "expand",
            EditTool::Relight => "relight",
            EditTool::Unknown => "edit",
        }
    }
}

impl BreakdownKind {
    /// The line in English, as `label` carries it: "4 images × 4 credits",
    /// "1 image × 1 credit (2 MP)", "8 s × 12 credits (720p)". Empty for
    /// [`BreakdownKind::Unknown`], which a server never sends.
    pub fn english(&self) -> String {
        match self {
            BreakdownKind::PerImage {
                count,
                unit,
                megapixels,
                model,
            } => {
                let mut notes = Vec::new();
                if *megapixels > 1 {
                    notes.push(format!("{megapixels} MP"));
                }
                notes.extend(model.iter().cloned());
                times(*count, "image", "images", *unit, &notes)
            }
            BreakdownKind::PerSecond {
                count,
                unit,
                resolution,
                model,
            } => {
                let mut notes = vec![resolution.clone()];
                notes.extend(model.iter().cloned());
                times(*count, "s", "s", *unit, &notes)
            }
            BreakdownKind::PerEdit { tool, count, unit } => {
                times(*count, "image", "images", *unit, &[tool.english().into()])
            }
            BreakdownKind::Upscale { factor } => format!("Upscale {factor}×"),
            BreakdownKind::TrainingSetup => "Training setup".to_owned(),
            BreakdownKind::TrainingSteps { images, steps, .. } => {
                format!("{images} images × {steps} steps")
            }
            BreakdownKind::Unknown => String::new(),
        }
    }
}

/// "4 images × 4 credits", with the notes in brackets when there are any.
fn times(n: u32, one: &str, many: &str, each: u64, notes: &[String]) -> String {
    let unit = if n == 1 { one } else { many };
    let credits_word = if each == 1 { "credit" } else { "credits" };
    let mut label = format!("{n} {unit} × {each} {credits_word}");
    if !notes.is_empty() {
        label.push_str(&format!(" ({})", notes.join(", ")));
    }
    label
}

#[cfg(test)]
#[path = "breakdown_tests.rs"]
mod tests;
