//! The price book: plain data, read by the reference server from
//! `server/data/price-book.toml`, and the rules it must keep.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Quality, Resolution};

/// Every number the prices come from. See `server/data/price-book.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceBook {
    /// Named by every quote as `price_book`, e.g. `2026-11`.
    pub version: String,
    pub image: ImagePrices,
    pub video: VideoPrices,
    pub edit: EditPrices,
    pub train: TrainPrices,
}

/// A number per quality tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByQuality {
    pub draft: u64,
    pub standard: u64,
    pub high: u64,
}

impl ByQuality {
    pub fn get(&self, q: Quality) -> u64 {
        match q {
            Quality::Draft => self.draft,
            Quality::Standard => self.standard,
            Quality::High => self.high,
        }
    }
}

/// A multiplier per video resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByResolution {
    #[serde(rename = "480p")]
    pub p480: u64,
    #[serde(rename = "720p")]
    pub p720: u64,
    #[serde(rename = "1080p")]
    pub p1080: u64,
}

impl ByResolution {
    pub fn get(&self, r: Resolution) -> u64 {
        match r {
            Resolution::P480 => self.p480,
            Resolution::P720 => self.p720,
            Resolution::P1080 => self.p1080,
        }
    }
}

/// `image.generate`: `quality` credits per image of up to 1 MP, × megapixels (rounded up) × the model's multiplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImagePrices {
    pub default_model: String,
    pub quality: ByQuality,
    /// Model name → price multiplier.
    pub models: BTreeMap<String, u64>,
}

/// `video.generate`: `quality` credits per second × the resolution's factor × the model's multiplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VideoPrices {
    pub default_model: String,
    pub quality: ByQuality,
    pub resolution: ByResolution,
    pub models: BTreeMap<String, u64>,
}

/// Editing tools: credits per image edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditPrices {
    pub upscale_2x: u64,
    pub upscale_4x: u64,
    pub remove_background: u64,
    pub inpaint: u64,
    pub expand: u64,
    pub relight: u64,
}

/// `model.train`: `base` + ceil(images × steps / `image_steps_per_credit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainPrices {
    pub base: u64,
    pub image_steps_per_credit: u64,
}

impl PriceBook {
    /// The contract's rules that a book's numbers alone decide; a server refuses a book that breaks one.
    pub fn check_rules(&self) -> Result<(), String> {
        let mut broken = Vec::new();
        if self.version.trim().is_empty() {
            broken.push("version is empty".to_owned());
        }
        for (what, q) in [("image", self.image.quality), ("video", self.video.quality)] {
            if !(0 < q.draft && q.draft < q.standard && q.standard < q.high) {
                broken.push(format!(
                    "{what}.quality must keep 0 < draft < standard < high"
                ));
            }
        }
        let r = self.video.resolution;
        if !(1 <= r.p480 && r.p480 <= r.p720 && r.p720 <= r.p1080) {
            broken.push("video.resolution must keep 1 <= 480p <= 720p <= 1080p".to_owned());
        }
        for (what, default, models) in [
            ("image", &self.image.default_model, &self.image.models),
            ("video", &self.video.default_model, &self.video.models),
        ] {
            if !models.contains_key(default) {
                broken.push(format!(
                    "{what}.default_model {default:?} is not in {what}.models"
                ));
            }
            if let Some((name, _)) = models.iter().find(|(_, &m)| m == 0) {
                broken.push(format!("{what}.models.{name} must be at least 1"));
            }
        }
        if self.edit.upscale_2x > self.edit.upscale_4x {
            broken.push("edit.upscale_2x must not cost more than edit.upscale_4x".to_owned());
        }
        if self.train.image_steps_per_credit == 0 {
            broken.push("train.image_steps_per_credit must be at least 1".to_owned());
        }
        if broken.is_empty() {
            Ok(())
        } else {
            Err(broken.join("; "))
        }
    }
}
