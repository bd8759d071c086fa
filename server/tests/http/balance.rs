use serde_json::Value;

use crate::support::{assert_problem, Server};

#[tokio::test]
async fn the_pro_team_balance_has_every_field_of_the_contract() {
    let s = Server::demo().await;
    let b = s.balance_ok("ws_pro_team", "tok_pro_member").await;
    assert_eq!(
        b["workspace"],
        serde_json::json!({"id": "ws_pro_team", "name": "Northwind Studio"})
    );
    assert_eq!(
        b["member"],
        serde_json::json!({"id": "u_kim", "name": "Kim", "role": "member"})
    );
    assert_eq!(
        (b["plan"].as_str(), b["status"].as_str()),
        (Some("pro"), Some("active"))
    );
    assert_eq!(b["balance"], 120);
    assert_eq!(b["shared_pool"], true);
    assert_eq!(b["payment_method"], "ok");
    assert_eq!(b["low_balance_threshold"], 250);
    assert_eq!(
        b["admins"],
        serde_json::json!([
            {"id": "u_jonas", "name": "Jonas Weber", "role": "owner"},
            {"id": "u_ari", "name": "Ari", "role": "admin"}
        ]),
        "the people a member can ask: owners first, then admins"
    );
    let grants = b["grants"].as_array().unwrap();
    assert_eq!(grants[0]["kind"], "monthly");
    assert_eq!(
        (
            grants[0]["granted"].as_u64(),
            grants[0]["remaining"].as_u64()
        ),
        (Some(5000), Some(120))
    );
    assert_eq!(grants[0]["expires_at"], b["cycle"]["resets_at"]);
    assert_eq!(grants[1]["kind"], "trial");
    assert_eq!(grants[1]["expires_at"], Value::Null);
    for t in [
        &b["cycle"]["started_at"],
        &b["cycle"]["resets_at"],
        &b["as_of"],
    ] {
        let t = t.as_str().unwrap();
        assert!(
            t.len() == 20 && t.ends_with('Z') && t.as_bytes()[10] == b'T',
            "{t}"
        );
    }
    let typed: credits_core::BalanceResponse = serde_json::from_value(b).unwrap();
    assert_eq!(typed.member.role, credits_core::Role::Member);
}

#[tokio::test]
async fn every_demo_workspace_answers_its_balance() {
    let s = Server::demo().await;
    let cases = [
        (
            "ws_trial",
            "tok_trial_owner",
            "trialing",
            50,
            "missing",
            true,
        ),
        (
            "ws_free_empty",
            "tok_free_owner",
            "free",
            0,
            "missing",
            true,
        ),
        (
            "ws_basic_limit",
            "tok_basic_owner",
            "active",
            6,
            "ok",
            false,
        ),
        ("ws_pro_team", "tok_pro_admin", "active", 120, "ok", false),
        (
            "ws_expired",
            "tok_expired_owner",
            "expired",
            0,
            "missing",
            false,
        ),
        (
            "ws_past_due",
            "tok_past_due_owner",
            "past_due",
            0,
            "failing",
            false,
        ),
        (
            "ws_enterprise",
            "tok_ent_owner",
            "active",
            48_000,
            "ok",
            false,
        ),
    ];
    for (ws, token, status, balance, payment, no_cycle) in cases {
        let b = s.balance_ok(ws, token).await;
        assert_eq!(b["status"], status, "{ws}");
        assert_eq!(b["balance"], balance, "{ws}");
        assert_eq!(b["payment_method"], payment, "{ws}");
        assert_eq!(b["cycle"].is_null(), no_cycle, "{ws}");
        let live_sum: u64 = b["grants"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| {
                g["expires_at"]
                    .as_str()
                    .is_none_or(|t| t > b["as_of"].as_str().unwrap())
            })
            .map(|g| g["remaining"].as_u64().unwrap())
            .sum();
        assert_eq!(
            live_sum, balance,
            "{ws}: balance is the sum over live grants"
        );
    }
}

async fn if_none_match(s: &Server, etag: &str) -> reqwest::Response {
    s.client
        .get(s.workspace_url("ws_basic_limit", "balance"))
        .bearer_auth("tok_basic_owner")
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_unchanged_balance_answers_304_to_its_etag() {
    let s = Server::demo().await;
    let r = s.balance("ws_basic_limit", "tok_basic_owner").await;
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    assert!(
        etag.starts_with('"') && etag.ends_with('"'),
        "a strong etag: {etag}"
    );
    let r = if_none_match(&s, &etag).await;
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["etag"], etag.as_str());
    assert!(r.bytes().await.unwrap().is_empty());
    // A spend changes the body, and so the tag.
    let body = serde_json::json!({"action": "edit.upscale", "factor": 2});
    let g = s
        .generate("ws_basic_limit", "tok_basic_owner", Some("k-etag"), &body)
        .await;
    assert_eq!(g.status(), 201);
    let r = if_none_match(&s, &etag).await;
    assert_eq!(r.status(), 200);
    assert_ne!(r.headers()["etag"], etag.as_str());
    assert_eq!(r.json::<Value>().await.unwrap()["balance"], 4);
}

#[tokio::test]
async fn balance_needs_a_member_of_the_workspace() {
    let s = Server::demo().await;
    let r = s
        .client
        .get(s.workspace_url("ws_trial", "balance"))
        .send()
        .await
        .unwrap();
    assert_problem(r, 401, "unauthorized", None).await;
    let r = s.balance("ws_trial", "tok_pro_admin").await;
    assert_problem(r, 404, "not_found", None).await;
    let r = s.balance("ws_nope", "tok_pro_admin").await;
    assert_problem(r, 404, "not_found", None).await;
}
