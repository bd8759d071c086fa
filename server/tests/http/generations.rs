use serde_json::{json, Value};

use crate::support::{assert_problem, images, Server};

#[tokio::test]
async fn a_generation_spends_and_answers_the_new_balance() {
    let s = Server::demo().await;
    let r = s
        .generate(
            "ws_pro_team",
            "tok_pro_admin",
            Some("k1"),
            &images("standard", 4),
        )
        .await;
    assert_eq!(r.status(), 201);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["credits_charged"], 16);
    assert_eq!(body["balance"], 104);
    assert!(is_generation_id(body["id"].as_str().unwrap()), "{body}");
    let typed: credits_core::GenerationResponse = serde_json::from_value(body).unwrap();
    assert_eq!(typed.balance, 104);
    assert_eq!(
        s.balance_ok("ws_pro_team", "tok_pro_member").await["balance"],
        104
    );
}

#[tokio::test]
async fn free_actions_spend_nothing_even_at_zero() {
    let s = Server::demo().await;
    let r = s
        .generate(
            "ws_free_empty",
            "tok_free_owner",
            Some("view"),
            &json!({"action": "asset.view"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        (body["credits_charged"].as_u64(), body["balance"].as_u64()),
        (Some(0), Some(0))
    );
}

#[tokio::test]
async fn the_same_key_and_body_spends_once() {
    let s = Server::demo().await;
    let body = images("draft", 3);
    let first = s
        .generate("ws_trial", "tok_trial_owner", Some("same"), &body)
        .await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    for _ in 0..3 {
        let again = s
            .generate("ws_trial", "tok_trial_owner", Some("same"), &body)
            .await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(
            again.json::<Value>().await.unwrap(),
            first,
            "a repeat returns the first answer"
        );
    }
    assert_eq!(
        s.balance_ok("ws_trial", "tok_trial_owner").await["balance"],
        47
    );
    // The same settings in another key order are the same request.
    let reordered = json!({"height": 1024, "width": 1024, "count": 3, "quality": "draft", "action": "image.generate"});
    let r = s
        .generate("ws_trial", "tok_trial_owner", Some("same"), &reordered)
        .await;
    assert_eq!(r.status(), 201);
    let r = s
        .generate(
            "ws_trial",
            "tok_trial_owner",
            Some("same"),
            &images("draft", 4),
        )
        .await;
    let p = assert_problem(r, 409, "idempotency_conflict", Some("Idempotency-Key")).await;
    assert!(p["detail"].as_str().unwrap().contains("another request"));
    assert_eq!(
        s.balance_ok("ws_trial", "tok_trial_owner").await["balance"],
        47
    );
}

#[tokio::test]
async fn the_key_is_required_and_checked() {
    let s = Server::demo().await;
    let body = images("draft", 1);
    let r = s.generate("ws_trial", "tok_trial_owner", None, &body).await;
    assert_problem(r, 400, "missing_idempotency_key", Some("Idempotency-Key")).await;
    let r = s
        .generate("ws_trial", "tok_trial_owner", Some(""), &body)
        .await;
    assert_problem(r, 400, "missing_idempotency_key", Some("Idempotency-Key")).await;
    let long = "k".repeat(256);
    let r = s
        .generate("ws_trial", "tok_trial_owner", Some(&long), &body)
        .await;
    assert_problem(r, 400, "invalid_idempotency_key", Some("Idempotency-Key")).await;
    let r = s
        .generate("ws_trial", "tok_trial_owner", Some("with space"), &body)
        .await;
    assert_problem(r, 400, "invalid_idempotency_key", Some("Idempotency-Key")).await;
    // Auth comes first.
    let r = s.generate("ws_trial", "tok_pro_admin", None, &body).await;
    assert_problem(r, 404, "not_found", None).await;
}

#[tokio::test]
async fn a_bad_action_is_refused_like_a_quote_item() {
    let s = Server::demo().await;
    let cases: [(Value, &str, Option<&str>); 5] = [
        (
            json!({"action": "teleport"}),
            "unknown_action",
            Some("action"),
        ),
        (
            json!({"action": "edit.upscale", "factor": 3}),
            "invalid_setting",
            Some("factor"),
        ),
        (
            json!({"action": "edit.upscale"}),
            "missing_setting",
            Some("factor"),
        ),
        (
            json!({"action": "edit.upscale", "factor": 2, "extra": 1}),
            "unknown_setting",
            Some("extra"),
        ),
        (json!([1, 2]), "invalid_request", None),
    ];
    for (body, code, field) in cases {
        let r = s
            .generate("ws_enterprise", "tok_ent_owner", Some("bad"), &body)
            .await;
        assert_problem(r, 422, code, field).await;
    }
    let r = s
        .client
        .post(s.workspace_url("ws_enterprise", "generations"))
        .bearer_auth("tok_ent_owner")
        .header("idempotency-key", "raw")
        .header("content-type", "application/json")
        .body("{\"action\":")
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "invalid_json", None).await;
}

#[tokio::test]
async fn a_feature_outside_the_plan_is_403_naming_the_plan() {
    let s = Server::demo().await;
    let video = json!({"action": "video.generate", "quality": "draft", "duration_s": 1, "resolution": "480p"});
    let r = s
        .generate("ws_basic_limit", "tok_basic_owner", Some("v"), &video)
        .await;
    let p = assert_problem(r, 403, "feature_not_in_plan", None).await;
    assert_eq!(p["required_plan"], "pro");
    let r = s
        .generate(
            "ws_trial",
            "tok_trial_owner",
            Some("i"),
            &json!({"action": "edit.inpaint"}),
        )
        .await;
    let p = assert_problem(r, 403, "feature_not_in_plan", None).await;
    assert_eq!(p["required_plan"], "basic");
}

#[tokio::test]
async fn the_enterprise_workspace_affords_the_big_actions() {
    let s = Server::demo().await;
    let body = json!({"action": "model.train", "images": 200, "steps": 5000});
    let r = s
        .generate("ws_enterprise", "tok_ent_owner", Some("train"), &body)
        .await;
    assert_eq!(r.status(), 201);
    assert_eq!(r.json::<Value>().await.unwrap()["balance"], 48_000 - 1100);
}

/// `gen_` and 32 lowercase hex digits: the documented id format.
fn is_generation_id(id: &str) -> bool {
    id.strip_prefix("gen_").is_some_and(|hex| {
        hex.len() == 32 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// Regression (#11): ids were `gen_{seq:08}`, the server-wide ledger sequence, so any
/// member could read how many generations the whole server had made.
#[tokio::test]
async fn generation_ids_are_random_and_reveal_no_sequence() {
    let s = Server::demo().await;
    let mut ids = Vec::new();
    for i in 0..200 {
        // Free actions, so the balance never runs out.
        let r = s
            .generate(
                "ws_free_empty",
                "tok_free_owner",
                Some(&format!("id-{i}")),
                &json!({"action": "asset.view"}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let body: Value = r.json().await.unwrap();
        ids.push(body["id"].as_str().unwrap().to_owned());
    }
    for id in &ids {
        assert!(is_generation_id(id), "{id} is not gen_ + 32 hex digits");
    }
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    let values: Vec<u128> = ids
        .iter()
        .map(|id| u128::from_str_radix(&id[4..], 16).unwrap())
        .collect();
    // Consecutive ids are not neighbours (|a - b| < 2^64 happens with odds of 2^-63 for
    // random ids) and do not keep growing (200 random ids in order: odds of 1 in 200!).
    for pair in values.windows(2) {
        assert!(pair[0].abs_diff(pair[1]) >= 1 << 64, "{pair:x?}");
    }
    assert!(
        values.windows(2).any(|p| p[1] < p[0]),
        "ids grow like a counter"
    );
    // The history is still newest first, whatever the ids.
    let page: Value = s
        .client
        .get(s.workspace_url("ws_free_empty", "usage") + "?limit=100")
        .bearer_auth("tok_free_owner")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let listed: Vec<&str> = page["items"].as_array().unwrap()[..50]
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let newest: Vec<&str> = ids.iter().rev().take(50).map(String::as_str).collect();
    assert_eq!(
        listed, newest,
        "the ledger is ordered by its sequence, not by id"
    );
}
