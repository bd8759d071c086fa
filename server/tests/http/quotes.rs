use serde_json::{json, Value};

use crate::support::{images, Server};

#[tokio::test]
async fn four_standard_images_cost_sixteen_credits() {
    let s = Server::demo().await;
    let body = s
        .quote_ok(
            "ws_pro_team",
            "tok_pro_member",
            json!([images("standard", 4)]),
        )
        .await;
    assert_eq!(body["balance"], 120);
    assert_eq!(body["price_book"], "2026-11");
    assert_eq!(
        body["items"][0],
        json!({
            "credits": 16,
            "breakdown": [{"label": "4 images × 4 credits", "credits": 16,
                           "kind": "per_image", "count": 4, "unit": 4, "megapixels": 1}],
            "affordable": true,
            "blocked": null
        })
    );
    let typed: credits_core::QuoteResponse = serde_json::from_value(body).unwrap();
    assert_eq!(typed.items.len(), 1);
}

#[tokio::test]
async fn asset_actions_cost_nothing() {
    let s = Server::demo().await;
    let items =
        json!([{"action": "asset.upload"}, {"action": "asset.view"}, {"action": "asset.download"}]);
    // Even with a balance of 0 they are affordable.
    let body = s.quote_ok("ws_free_empty", "tok_free_owner", items).await;
    assert_eq!(body["balance"], 0);
    for item in body["items"].as_array().unwrap() {
        assert_eq!(
            item,
            &json!({"credits": 0, "breakdown": [], "affordable": true, "blocked": null})
        );
    }
}

#[tokio::test]
async fn affordable_follows_each_demo_balance() {
    let s = Server::demo().await;
    // 16 high images = 160 credits; 1 draft image = 1 credit.
    let items = json!([images("high", 16), images("draft", 1)]);
    let cases = [
        ("ws_trial", "tok_trial_owner", 50, [false, true]),
        ("ws_free_empty", "tok_free_owner", 0, [false, false]),
        ("ws_basic_limit", "tok_basic_owner", 6, [false, true]),
        ("ws_pro_team", "tok_pro_admin", 120, [false, true]),
        ("ws_expired", "tok_expired_owner", 0, [false, false]),
        ("ws_past_due", "tok_past_due_owner", 0, [false, false]),
        ("ws_enterprise", "tok_ent_owner", 48000, [true, true]),
    ];
    for (ws, token, balance, affordable) in cases {
        let body = s.quote_ok(ws, token, items.clone()).await;
        assert_eq!(body["balance"], balance, "{ws}");
        assert_eq!(body["items"][0]["credits"], 160);
        assert_eq!(body["items"][0]["affordable"], affordable[0], "{ws}");
        assert_eq!(body["items"][1]["affordable"], affordable[1], "{ws}");
    }
}

#[tokio::test]
async fn video_is_blocked_on_basic_and_names_pro() {
    let s = Server::demo().await;
    let video = json!({"action": "video.generate", "quality": "draft", "duration_s": 1, "resolution": "480p"});
    let body = s
        .quote_ok("ws_basic_limit", "tok_basic_owner", json!([video.clone()]))
        .await;
    let item = &body["items"][0];
    assert_eq!(item["credits"], 2);
    assert_eq!(item["affordable"], false, "blocked is never affordable");
    assert_eq!(
        item["blocked"],
        json!({"code": "feature_not_in_plan", "required_plan": "pro"})
    );
    let inpaint = json!({"action": "edit.inpaint"});
    let body = s
        .quote_ok("ws_trial", "tok_trial_owner", json!([inpaint]))
        .await;
    assert_eq!(body["items"][0]["blocked"]["required_plan"], "basic");
    let body = s
        .quote_ok("ws_pro_team", "tok_pro_admin", json!([video]))
        .await;
    assert_eq!(body["items"][0]["blocked"], Value::Null);
}

#[tokio::test]
async fn a_bad_item_keeps_the_others() {
    let s = Server::demo().await;
    let items = json!([
        images("draft", 2),
        {"action": "image.generate", "quailty": "high", "count": 1, "width": 1024, "height": 1024},
        {"action": "edit.upscale", "factor": 4},
        {"action": "teleport"},
        {"action": "image.generate", "model": "nope", "quality": "high", "count": 1, "width": 1024, "height": 1024},
        7,
    ]);
    let body = s.quote_ok("ws_enterprise", "tok_ent_owner", items).await;
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    assert_eq!(items[0]["credits"], 2);
    assert_eq!(items[2]["credits"], 5);
    assert_eq!(items[2]["breakdown"][0]["label"], "Upscale 4×");
    let err = |i: usize| {
        (
            items[i]["error"]["code"].as_str(),
            items[i]["error"]["field"].as_str(),
        )
    };
    assert_eq!(err(1), (Some("unknown_setting"), Some("items[1].quailty")));
    assert_eq!(err(3), (Some("unknown_action"), Some("items[3].action")));
    assert_eq!(err(4), (Some("invalid_setting"), Some("items[4].model")));
    assert_eq!(err(5), (Some("invalid_request"), Some("items[5]")));
    assert_eq!(items[1]["error"]["status"], 422);
    let typed: credits_core::QuoteResponse = serde_json::from_value(body).unwrap();
    assert!(matches!(
        typed.items[1],
        credits_core::QuoteItem::Invalid { .. }
    ));
}

#[tokio::test]
async fn every_action_gets_its_price() {
    let s = Server::demo().await;
    let items = json!([
        {"action": "video.generate", "quality": "standard", "duration_s": 8, "resolution": "720p"},
        {"action": "edit.upscale", "factor": 2},
        {"action": "edit.remove_background"},
        {"action": "edit.inpaint", "count": 2},
        {"action": "edit.expand"},
        {"action": "edit.relight", "count": 3},
        {"action": "model.train", "images": 20, "steps": 1000},
        {"action": "image.generate", "model": "aurora-2-xl", "quality": "high", "count": 1, "width": 2048, "height": 2048},
    ]);
    let body = s.quote_ok("ws_enterprise", "tok_ent_owner", items).await;
    let credits: Vec<u64> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["credits"].as_u64().unwrap())
        .collect();
    assert_eq!(credits, [96, 2, 1, 6, 3, 6, 120, 80]);
    assert_eq!(
        body["items"][0]["breakdown"][0]["label"],
        "8 s × 12 credits (720p)"
    );
}

#[tokio::test]
async fn the_same_request_gets_the_same_answer() {
    let s = Server::demo().await;
    let items = json!([images("high", 3), {"action": "edit.relight", "count": 2}]);
    let first = s
        .quote_ok("ws_pro_team", "tok_pro_admin", items.clone())
        .await;
    for _ in 0..3 {
        assert_eq!(
            s.quote_ok("ws_pro_team", "tok_pro_admin", items.clone())
                .await,
            first
        );
    }
}

#[tokio::test]
async fn thirty_two_items_are_fine() {
    let s = Server::demo().await;
    let items: Vec<Value> = (0..32).map(|_| images("draft", 1)).collect();
    let body = s
        .quote_ok("ws_trial", "tok_trial_owner", Value::Array(items))
        .await;
    assert_eq!(body["items"].as_array().unwrap().len(), 32);
}
