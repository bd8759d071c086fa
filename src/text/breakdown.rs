//! The words of a quote's breakdown lines, worded from each line's data
//! ([`BreakdownKind`]) rather than shown as the server's English `label`;
//! `CreditsText::breakdown` holds them.

use std::borrow::Cow;

use serde::Serialize;

use credits_core::{BreakdownKind, BreakdownLine, EditTool};

use super::{Pick, PickPlural, PluralText};
use crate::CreditsContext;

type Text = Cow<'static, str>;

/// Breakdown lines' words: "4 images × 4 credits (2 MP, aurora-2-xl)",
/// "8 s × 12 credits (720p)", "Upscale 4×", "Training setup".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreakdownText {
    /// So many of something at a price each: `{count}` ("4 images") ×
    /// `{unit}` ("4 credits").
    pub times: Text,
    /// A line with its notes: `{line}` and `{notes}` ("2 MP, aurora-2-xl").
    pub with_notes: Text,
    /// Between two notes.
    pub note_separator: Text,
    /// Images generated or edited.
    pub images: PluralText,
    /// Seconds of video.
    pub seconds: PluralText,
    /// A note: the size of each image in started megapixels (shown above 1).
    pub megapixels: PluralText,
    /// A note: `{resolution}` of a video, e.g. `720p`.
    pub resolution: Text,
    /// A note: `{model}`, a model other than the default, by its price-book name.
    pub model: Text,
    /// Notes naming the editing tool.
    pub remove_background: Text,
    pub inpaint: Text,
    pub expand: Text,
    pub relight: Text,
    /// An upscale by `{factor}` (a number: 2, 4).
    pub upscale: Text,
    /// Model training's fixed setup fee.
    pub training_setup: Text,
    /// Model training's work: `{images}` ("20 images") × `{steps}` ("1,000 steps").
    pub training_steps: Text,
    /// Training steps.
    pub steps: PluralText,
}

impl BreakdownText {
    /// The English words: what `default()` gives, as the server's labels say it.
    pub const ENGLISH: BreakdownText = BreakdownText {
        times: Cow::Borrowed("{count} × {unit}"),
        with_notes: Cow::Borrowed("{line} ({notes})"),
        note_separator: Cow::Borrowed(", "),
        images: PluralText::fixed("{n} image", "{n} images"),
        seconds: PluralText::fixed("{n} s", "{n} s"),
        megapixels: PluralText::fixed("{n} MP", "{n} MP"),
        resolution: Cow::Borrowed("{resolution}"),
        model: Cow::Borrowed("{model}"),
        remove_background: Cow::Borrowed("remove background"),
        inpaint: Cow::Borrowed("inpaint"),
        expand: Cow::Borrowed("expand"),
        relight: Cow::Borrowed("relight"),
        upscale: Cow::Borrowed("Upscale {factor}×"),
        training_setup: Cow::Borrowed("Training setup"),
        training_steps: Cow::Borrowed("{images} × {steps}"),
        steps: PluralText::fixed("{n} step", "{n} steps"),
    };
}

impl Default for BreakdownText {
    fn default() -> Self {
        Self::ENGLISH
    }
}

impl CreditsContext {
    /// A breakdown line in the catalogue's words and the locale's numbers; a
    /// line this client cannot word (a newer kind or tool) shows its `label`.
    pub fn breakdown_line(&self, line: &BreakdownLine) -> String {
        let (main, notes) = match &line.kind {
            BreakdownKind::PerImage {
                count,
                unit,
                megapixels,
                model,
            } => {
                let mut notes = Vec::new();
                if *megapixels > 1 {
                    notes.push(self.counted(|t| &t.breakdown.megapixels, *megapixels));
                }
                notes.extend(model.as_deref().map(|m| self.model_note(m)));
                (self.times(|t| &t.breakdown.images, *count, *unit), notes)
            }
            BreakdownKind::PerSecond {
                count,
                unit,
                resolution,
                model,
            } => {
                let mut notes =
                    vec![self.fill(|t| &t.breakdown.resolution, &[("resolution", resolution)])];
                notes.extend(model.as_deref().map(|m| self.model_note(m)));
                (self.times(|t| &t.breakdown.seconds, *count, *unit), notes)
            }
            BreakdownKind::PerEdit { tool, count, unit } => match tool_word(*tool) {
                Some(tool) => (
                    self.times(|t| &t.breakdown.images, *count, *unit),
                    vec![self.word(tool)],
                ),
                None => return line.label.clone(),
            },
            BreakdownKind::Upscale { factor } => {
                let factor = self.number((*factor).into());
                let words = self.fill(|t| &t.breakdown.upscale, &[("factor", &factor)]);
                (words, Vec::new())
            }
            BreakdownKind::TrainingSetup => {
                (self.word(|t| &t.breakdown.training_setup), Vec::new())
            }
            BreakdownKind::TrainingSteps { images, steps, .. } => {
                let images = self.counted(|t| &t.breakdown.images, (*images).into());
                let steps = self.counted(|t| &t.breakdown.steps, (*steps).into());
                let pairs = [("images", images.as_str()), ("steps", steps.as_str())];
                (
                    self.fill(|t| &t.breakdown.training_steps, &pairs),
                    Vec::new(),
                )
            }
            BreakdownKind::Unknown => return line.label.clone(),
        };
        if notes.is_empty() {
            return main;
        }
        let notes = notes.join(&self.word(|t| &t.breakdown.note_separator));
        self.fill(
            |t| &t.breakdown.with_notes,
            &[("line", &main), ("notes", &notes)],
        )
    }

    /// "4 images × 4 credits": `count` of what `pick` counts at `unit` credits each.
    fn times(&self, pick: PickPlural, count: u32, unit: u64) -> String {
        let count = self.counted(pick, count.into());
        let unit = self.credits(unit);
        self.fill(
            |t| &t.breakdown.times,
            &[("count", &count), ("unit", &unit)],
        )
    }

    fn model_note(&self, model: &str) -> String {
        self.fill(|t| &t.breakdown.model, &[("model", model)])
    }
}

/// The catalogue's name of an editing tool; none for a tool a newer server adds.
fn tool_word(tool: EditTool) -> Option<Pick> {
    match tool {
        EditTool::RemoveBackground => Some(|t| &t.breakdown.remove_background),
        EditTool::Inpaint => Some(|t| &t.breakdown.inpaint),
        EditTool::Expand => Some(|t| &t.breakdown.expand),
        EditTool::Relight => Some(|t| &t.breakdown.relight),
        EditTool::Unknown => None,
    }
}
