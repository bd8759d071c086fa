//! Actions: what a person asks to do, with its settings, as the API names them.

use serde::{Deserialize, Serialize};

/// Quality tier of an image or video. Tiers are ordered by cost:
/// `Draft < Standard < High`.
#[derive(
    Debug, Default, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    Draft,
    #[default]
    Standard,
    High,
}

impl Quality {
    pub const ALL: [Quality; 3] = [Quality::Draft, Quality::Standard, Quality::High];

    pub fn as_str(self) -> &'static str {
        match self {
            Quality::Draft => "draft",
            Quality::Standard => "standard",
            Quality::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|q| q.as_str() == s)
    }
}

/// Output resolution of a video, ordered by cost.
#[derive(
    Debug, Default, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Resolution {
    #[serde(rename = "480p")]
    P480,
    #[default]
    #[serde(rename = "720p")]
    P720,
    #[serde(rename = "1080p")]
    P1080,
}

impl Resolution {
    pub const ALL: [Resolution; 3] = [Resolution::P480, Resolution::P720, Resolution::P1080];

    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::P480 => "480p",
            Resolution::P720 => "720p",
            Resolution::P1080 => "1080p",
        }
    }
}

/// `image.generate` settings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ImageGenerate {
    /// The price book's default model when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub quality: Quality,
    /// 1-16.
    pub count: u32,
    pub width: u32,
    pub height: u32,
}

impl ImageGenerate {
    /// `count` square 1024 px images at `quality` with the default model.
    pub fn new(quality: Quality, count: u32) -> Self {
        ImageGenerate {
            model: None,
            quality,
            count,
            width: 1024,
            height: 1024,
        }
    }
}

/// `video.generate` settings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VideoGenerate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub quality: Quality,
    /// 1-60 seconds.
    pub duration_s: u32,
    pub resolution: Resolution,
}

/// `edit.upscale` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Upscale {
    /// 2 or 4.
    pub factor: u32,
}

/// Settings of the editing tools that take only an optional `count`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EditCount {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

/// `model.train` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ModelTrain {
    /// 5-200 training images.
    pub images: u32,
    /// 100-5000 steps.
    pub steps: u32,
}

/// One action with its settings: `{"action": "image.generate", "quality": ...}` on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "action")]
pub enum Action {
    #[serde(rename = "image.generate")]
    ImageGenerate(ImageGenerate),
    #[serde(rename = "video.generate")]
    VideoGenerate(VideoGenerate),
    #[serde(rename = "edit.upscale")]
    Upscale(Upscale),
    #[serde(rename = "edit.remove_background")]
    RemoveBackground(EditCount),
    #[serde(rename = "edit.inpaint")]
    Inpaint(EditCount),
    #[serde(rename = "edit.expand")]
    Expand(EditCount),
    #[serde(rename = "edit.relight")]
    Relight(EditCount),
    #[serde(rename = "model.train")]
    ModelTrain(ModelTrain),
    #[serde(rename = "asset.upload")]
    AssetUpload,
    #[serde(rename = "asset.view")]
    AssetView,
    #[serde(rename = "asset.download")]
    AssetDownload,
}

impl Action {
    /// Every action id the API knows, in the order of its table.
    pub const IDS: [&'static str; 11] = [
        "image.generate",
        "video.generate",
        "edit.upscale",
        "edit.remove_background",
        "edit.inpaint",
        "edit.expand",
        "edit.relight",
        "model.train",
        "asset.upload",
        "asset.view",
        "asset.download",
    ];

    /// The action id as the API names it, e.g. `"image.generate"`.
    pub fn id(&self) -> &'static str {
        match self {
            Action::ImageGenerate(_) => "image.generate",
            Action::VideoGenerate(_) => "video.generate",
            Action::Upscale(_) => "edit.upscale",
            Action::RemoveBackground(_) => "edit.remove_background",
            Action::Inpaint(_) => "edit.inpaint",
            Action::Expand(_) => "edit.expand",
            Action::Relight(_) => "edit.relight",
            Action::ModelTrain(_) => "model.train",
            Action::AssetUpload => "asset.upload",
            Action::AssetView => "asset.view",
            Action::AssetDownload => "asset.download",
        }
    }

    /// Uploading, viewing and downloading are always free: the UI never shows a cost for them.
    pub fn is_always_free(&self) -> bool {
        matches!(
            self,
            Action::AssetUpload | Action::AssetView | Action::AssetDownload
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_form_is_flat_with_the_action_tag() {
        let a = Action::ImageGenerate(ImageGenerate::new(Quality::High, 4));
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"action": "image.generate", "quality": "high", "count": 4, "width": 1024, "height": 1024})
        );
        assert_eq!(serde_json::from_value::<Action>(json).unwrap(), a);
        let free = serde_json::to_value(Action::AssetView).unwrap();
        assert_eq!(free, serde_json::json!({"action": "asset.view"}));
    }

    #[test]
    fn ids_match_the_wire_tags() {
        let samples = [
            Action::ImageGenerate(ImageGenerate::new(Quality::Draft, 1)),
            Action::VideoGenerate(VideoGenerate {
                model: None,
                quality: Quality::Draft,
                duration_s: 5,
                resolution: Resolution::P480,
            }),
            Action::Upscale(Upscale { factor: 2 }),
            Action::RemoveBackground(EditCount::default()),
            Action::Inpaint(EditCount::default()),
            Action::Expand(EditCount::default()),
            Action::Relight(EditCount::default()),
            Action::ModelTrain(ModelTrain {
                images: 10,
                steps: 500,
            }),
            Action::AssetUpload,
            Action::AssetView,
            Action::AssetDownload,
        ];
        for (a, id) in samples.iter().zip(Action::IDS) {
            assert_eq!(a.id(), id);
            assert_eq!(serde_json::to_value(a).unwrap()["action"], id);
        }
    }

    #[test]
    fn quality_orders_by_cost() {
        assert!(Quality::Draft < Quality::Standard && Quality::Standard < Quality::High);
        assert_eq!(Quality::parse("high"), Some(Quality::High));
        assert_eq!(Quality::parse("ultra"), None);
    }
}
