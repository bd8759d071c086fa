//! Each kind of breakdown line the shipped price book produces, with its
//! numbers, its English label and its JSON; and how a client reads lines it
//! cannot word.

use serde_json::{from_value, json, to_value, Value};

use super::*;
use crate::pricing::{price, PriceBook};
use crate::VideoGenerate;
use crate::{Action, EditCount, ImageGenerate, ModelTrain, Quality, Resolution, Upscale};

const SHIPPED: &str = include_str!("../../../server/data/price-book.toml");

fn book() -> PriceBook {
    toml::from_str(SHIPPED).expect("server/data/price-book.toml parses as a PriceBook")
}

fn lines(book: &PriceBook, action: Action) -> Vec<BreakdownLine> {
    price(book, &action).unwrap_or_else(|p| panic!("{p:?}")).1
}

/// The lines of `action` under the shipped book, as JSON.
fn wire(action: Action) -> Vec<Value> {
    let lines = lines(&book(), action);
    lines.iter().map(|l| to_value(l).unwrap()).collect()
}

fn image(quality: Quality, count: u32, side: u32, model: Option<&str>) -> Action {
    let mut a = ImageGenerate::new(quality, count);
    (a.width, a.height, a.model) = (side, side, model.map(str::to_owned));
    Action::ImageGenerate(a)
}

fn video(duration_s: u32, resolution: Resolution, model: Option<&str>) -> Action {
    Action::VideoGenerate(VideoGenerate {
        model: model.map(str::to_owned),
        quality: Quality::Standard,
        duration_s,
        resolution,
    })
}

#[test]
fn images_are_per_image_lines_with_their_megapixels_and_a_named_model() {
    assert_eq!(
        wire(image(Quality::Standard, 4, 1024, None)),
        [json!({"label": "4 images × 4 credits", "credits": 16,
                "kind": "per_image", "count": 4, "unit": 4, "megapixels": 1})]
    );
    // 2048 × 2048 is 4 MP; the XL model doubles: 10 × 4 × 2 = 80 each.
    assert_eq!(
        wire(image(Quality::High, 1, 2048, Some("aurora-2-xl"))),
        [
            json!({"label": "1 image × 80 credits (4 MP, aurora-2-xl)", "credits": 80,
                "kind": "per_image", "count": 1, "unit": 80, "megapixels": 4,
                "model": "aurora-2-xl"})
        ]
    );
    // Naming the default model is no note.
    assert_eq!(
        lines(&book(), image(Quality::Draft, 1, 512, Some("aurora-2")))[0].kind,
        BreakdownKind::PerImage {
            count: 1,
            unit: 1,
            megapixels: 1,
            model: None
        }
    );
}

#[test]
fn video_is_a_per_second_line_with_its_resolution_and_a_named_model() {
    assert_eq!(
        wire(video(8, Resolution::P720, None)),
        [json!({"label": "8 s × 12 credits (720p)", "credits": 96,
                "kind": "per_second", "count": 8, "unit": 12, "resolution": "720p"})]
    );
    let mut with_cinema = book();
    with_cinema.video.models.insert("cinema-3".into(), 4);
    let l = &lines(&with_cinema, video(1, Resolution::P1080, Some("cinema-3")))[0];
    assert_eq!(l.label, "1 s × 72 credits (1080p, cinema-3)");
    assert_eq!(
        l.kind,
        BreakdownKind::PerSecond {
            count: 1,
            unit: 72,
            resolution: "1080p".into(),
            model: Some("cinema-3".into())
        }
    );
}

#[test]
fn each_editing_tool_is_a_per_edit_line_naming_the_tool() {
    let cases = [
        (
            Action::RemoveBackground(EditCount { count: None }),
            "remove_background",
            "remove background",
            1,
            1,
        ),
        (
            Action::Inpaint(EditCount { count: Some(2) }),
            "inpaint",
            "inpaint",
            2,
            3,
        ),
        (
            Action::Expand(EditCount { count: Some(16) }),
            "expand",
            "expand",
            16,
            3,
        ),
        (
            Action::Relight(EditCount { count: Some(3) }),
            "relight",
            "relight",
            3,
            2,
        ),
    ];
    for (action, tool, english, count, unit) in cases {
        let images = if count == 1 { "image" } else { "images" };
        let credits = if unit == 1 { "credit" } else { "credits" };
        assert_eq!(
            wire(action),
            [
                json!({"label": format!("{count} {images} × {unit} {credits} ({english})"),
                    "credits": count * unit, "kind": "per_edit",
                    "tool": tool, "count": count, "unit": unit})
            ]
        );
    }
}

#[test]
fn an_upscale_is_one_line_with_its_factor() {
    for (factor, credits) in [(2, 2), (4, 5)] {
        assert_eq!(
            wire(Action::Upscale(Upscale { factor })),
            [
                json!({"label": format!("Upscale {factor}×"), "credits": credits,
                    "kind": "upscale", "factor": factor})
            ]
        );
    }
}

#[test]
fn training_is_a_setup_fee_and_its_image_steps() {
    let train = Action::ModelTrain(ModelTrain {
        images: 200,
        steps: 5000,
    });
    assert_eq!(
        wire(train),
        [
            json!({"label": "Training setup", "credits": 100, "kind": "training_setup"}),
            json!({"label": "200 images × 5000 steps", "credits": 1000,
                   "kind": "training_steps", "images": 200, "steps": 5000,
                   "image_steps_per_credit": 1000}),
        ]
    );
}

#[test]
fn every_kind_reads_back_as_it_was_sent() {
    let actions = [
        image(Quality::High, 2, 2048, Some("aurora-2-xl")),
        video(60, Resolution::P480, None),
        Action::Relight(EditCount { count: Some(4) }),
        Action::Upscale(Upscale { factor: 4 }),
        Action::ModelTrain(ModelTrain {
            images: 5,
            steps: 100,
        }),
    ];
    for action in actions {
        for line in lines(&book(), action) {
            assert_ne!(line.kind, BreakdownKind::Unknown, "{line:?}");
            let back: BreakdownLine = from_value(to_value(&line).unwrap()).unwrap();
            assert_eq!(back, line);
        }
    }
}
