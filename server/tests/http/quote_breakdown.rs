//! Each breakdown line over HTTP: its English `label` and `credits` as
//! before, and the same line as data (`kind` and its numbers).

use serde_json::{json, Value};

use crate::support::{images, Server};

/// The breakdown lines of each item the enterprise owner asks about.
async fn breakdowns(items: Value) -> Vec<Value> {
    let s = Server::demo().await;
    let body = s.quote_ok("ws_enterprise", "tok_ent_owner", items).await;
    let items = body["items"].as_array().expect("items").clone();
    items.into_iter().map(|i| i["breakdown"].clone()).collect()
}

#[tokio::test]
async fn image_and_video_lines_carry_count_unit_and_their_notes() {
    let xl = json!({"action": "image.generate", "model": "aurora-2-xl", "quality": "high",
                    "count": 2, "width": 2048, "height": 1536});
    let video = json!({"action": "video.generate", "quality": "standard", "duration_s": 8,
                       "resolution": "720p"});
    let got = breakdowns(json!([images("standard", 4), xl, video])).await;
    assert_eq!(
        got,
        [
            json!([{"label": "4 images × 4 credits", "credits": 16, "kind": "per_image",
                    "count": 4, "unit": 4, "megapixels": 1}]),
            json!([{"label": "2 images × 60 credits (3 MP, aurora-2-xl)", "credits": 120,
                    "kind": "per_image", "count": 2, "unit": 60, "megapixels": 3,
                    "model": "aurora-2-xl"}]),
            json!([{"label": "8 s × 12 credits (720p)", "credits": 96, "kind": "per_second",
                    "count": 8, "unit": 12, "resolution": "720p"}]),
        ]
    );
}

#[tokio::test]
async fn edit_upscale_and_training_lines_carry_their_numbers() {
    let items = json!([
        {"action": "edit.relight", "count": 3},
        {"action": "edit.remove_background"},
        {"action": "edit.upscale", "factor": 4},
        {"action": "model.train", "images": 200, "steps": 5000},
        {"action": "asset.view"},
    ]);
    let got = breakdowns(items).await;
    assert_eq!(
        got,
        [
            json!([{"label": "3 images × 2 credits (relight)", "credits": 6, "kind": "per_edit",
                    "tool": "relight", "count": 3, "unit": 2}]),
            json!([{"label": "1 image × 1 credit (remove background)", "credits": 1,
                    "kind": "per_edit", "tool": "remove_background", "count": 1, "unit": 1}]),
            json!([{"label": "Upscale 4×", "credits": 5, "kind": "upscale", "factor": 4}]),
            json!([
                {"label": "Training setup", "credits": 100, "kind": "training_setup"},
                {"label": "200 images × 5000 steps", "credits": 1000, "kind": "training_steps",
                 "images": 200, "steps": 5000, "image_steps_per_credit": 1000},
            ]),
            json!([]),
        ]
    );
}

#[tokio::test]
async fn the_typed_client_reads_every_kind_back() {
    let s = Server::demo().await;
    let items = json!([
        images("draft", 1),
        {"action": "video.generate", "quality": "draft", "duration_s": 1, "resolution": "480p"},
        {"action": "edit.inpaint", "count": 2},
        {"action": "edit.upscale", "factor": 2},
        {"action": "model.train", "images": 5, "steps": 100},
    ]);
    let body = s.quote_ok("ws_enterprise", "tok_ent_owner", items).await;
    let typed: credits_core::QuoteResponse = serde_json::from_value(body).unwrap();
    for item in typed.items {
        let credits_core::QuoteItem::Quoted(q) = item else {
            panic!("every item is quoted: {item:?}");
        };
        assert!(!q.breakdown.is_empty());
        for line in q.breakdown {
            assert_ne!(line.kind, credits_core::BreakdownKind::Unknown, "{line:?}");
            assert_eq!(line.label, line.kind.english());
        }
    }
}
