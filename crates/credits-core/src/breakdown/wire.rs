//! A breakdown line as it travels: `label`, `credits`, `kind` and the
//! numbers of that kind side by side in one object. A kind this side does
//! not know, or a known one missing a number, reads as `Unknown`.

use serde::{Deserialize, Serialize};

use super::{BreakdownKind, BreakdownLine, EditTool};
use crate::open_enum::open_enum_deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum KindTag {
    PerImage,
    PerSecond,
    PerEdit,
    Upscale,
    TrainingSetup,
    TrainingSteps,
    Unknown,
}

open_enum_deserialize!(KindTag: PerImage, PerSecond, PerEdit, Upscale, TrainingSetup, TrainingSteps);

impl KindTag {
    fn as_str(self) -> &'static str {
        match self {
            KindTag::PerImage => "per_image",
            KindTag::PerSecond => "per_second",
            KindTag::PerEdit => "per_edit",
            KindTag::Upscale => "upscale",
            KindTag::TrainingSetup => "training_setup",
            KindTag::TrainingSteps => "training_steps",
            KindTag::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct WireLine {
    label: String,
    credits: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<KindTag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    megapixels: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resolution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tool: Option<EditTool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    factor: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    images: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    steps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    image_steps_per_credit: Option<u64>,
}

impl From<WireLine> for BreakdownLine {
    fn from(w: WireLine) -> Self {
        let kind = kind_of(&w).unwrap_or(BreakdownKind::Unknown);
        BreakdownLine {
            label: w.label,
            credits: w.credits,
            kind,
        }
    }
}

/// The typed kind, if the line's tag is known and its numbers are all there.
fn kind_of(w: &WireLine) -> Option<BreakdownKind> {
    Some(match w.kind? {
        KindTag::PerImage => BreakdownKind::PerImage {
            count: w.count?,
            unit: w.unit?,
            megapixels: w.megapixels?,
            model: w.model.clone(),
        },
        KindTag::PerSecond => BreakdownKind::PerSecond {
            count: w.count?,
            unit: w.unit?,
            resolution: w.resolution.clone()?,
            model: w.model.clone(),
        },
        KindTag::PerEdit => BreakdownKind::PerEdit {
            tool: w.tool.filter(|t| *t != EditTool::Unknown)?,
            count: w.count?,
            unit: w.unit?,
        },
        KindTag::Upscale => BreakdownKind::Upscale { factor: w.factor? },
        KindTag::TrainingSetup => BreakdownKind::TrainingSetup,
        KindTag::TrainingSteps => BreakdownKind::TrainingSteps {
            images: w.images?,
            steps: w.steps?,
            image_steps_per_credit: w.image_steps_per_credit?,
        },
        KindTag::Unknown => return None,
    })
}

impl From<BreakdownLine> for WireLine {
    fn from(line: BreakdownLine) -> Self {
        let mut w = WireLine {
            label: line.label,
            credits: line.credits,
            ..WireLine::default()
        };
        w.kind = Some(match line.kind {
            BreakdownKind::PerImage {
                count,
                unit,
                megapixels,
                model,
            } => {
                (w.count, w.unit, w.megapixels, w.model) =
                    (Some(count), Some(unit), Some(megapixels), model);
                KindTag::PerImage
            }
            BreakdownKind::PerSecond {
                count,
                unit,
                resolution,
                model,
            } => {
                (w.count, w.unit, w.resolution, w.model) =
                    (Some(count), Some(unit), Some(resolution), model);
                KindTag::PerSecond
            }
            BreakdownKind::PerEdit { tool, count, unit } => {
                (w.tool, w.count, w.unit) = (Some(tool), Some(count), Some(unit));
                KindTag::PerEdit
            }
            BreakdownKind::Upscale { factor } => {
                w.factor = Some(factor);
                KindTag::Upscale
            }
            BreakdownKind::TrainingSetup => KindTag::TrainingSetup,
            BreakdownKind::TrainingSteps {
                images,
                steps,
                image_steps_per_credit,
            } => {
                (w.images, w.steps) = (Some(images), Some(steps));
                w.image_steps_per_credit = Some(image_steps_per_credit);
                KindTag::TrainingSteps
            }
            BreakdownKind::Unknown => return w,
        });
        w
    }
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
