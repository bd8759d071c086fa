//! The checkout stand-ins: top-ups, renewal, payment fix; who may use them,
//! idempotency, and refusals. Plan changes are in `checkout_plan.rs`.

use serde_json::{json, Value};

use crate::support::{assert_problem, created, Server};

const PRO: &str = "ws_pro_team";

fn grant_of<'a>(balance: &'a Value, kind: &str) -> Vec<&'a Value> {
    let grants = balance["grants"].as_array().unwrap();
    grants.iter().filter(|g| g["kind"] == kind).collect()
}

#[tokio::test]
async fn a_member_gets_403_on_every_checkout_and_nothing_changes() {
    let s = Server::demo().await;
    let before = s.balance_ok(PRO, "tok_pro_member").await;
    for (what, body) in [
        ("top-ups", json!({"credits": 500})),
        ("plan", json!({"plan": "basic"})),
        ("renewal", json!({})),
        ("payment-method", json!({})),
    ] {
        let r = s.check_out(PRO, what, "tok_pro_member", "k", &body).await;
        assert_problem(r, 403, "role_not_allowed", None).await;
    }
    assert_eq!(s.balance_ok(PRO, "tok_pro_member").await, before);
}

#[tokio::test]
async fn a_top_up_adds_a_top_up_grant_for_a_year_and_is_listed_in_purchases() {
    let s = Server::demo().await;
    let answer = created(
        s.check_out(
            PRO,
            "top-ups",
            "tok_pro_admin",
            "t1",
            &json!({"credits": 500}),
        )
        .await,
    )
    .await;
    assert_eq!(answer["kind"], "top_up");
    assert_eq!(answer["credits"], 500);
    assert_eq!(answer["balance"], 620);
    assert_eq!(answer["member"]["id"], "u_ari");
    assert!(answer["id"].as_str().unwrap().starts_with("pur_"));
    let balance = s.balance_ok(PRO, "tok_pro_member").await;
    assert_eq!(balance["balance"], 620);
    let top_up = grant_of(&balance, "top_up");
    assert_eq!(top_up.len(), 1);
    assert_eq!(
        (&top_up[0]["granted"], &top_up[0]["remaining"]),
        (&json!(500), &json!(500))
    );
    let expires = top_up[0]["expires_at"].as_str().unwrap();
    assert!(expires > balance["cycle"]["resets_at"].as_str().unwrap());
    assert_eq!(balance["purchases"][0]["id"], answer["id"]);
    assert_eq!(balance["purchases"][0]["kind"], "top_up");
}

#[tokio::test]
async fn a_top_up_repeated_with_its_key_answers_the_same_bytes_and_adds_nothing() {
    let s = Server::demo().await;
    let body = json!({"credits": 500});
    let first = s
        .check_out(PRO, "top-ups", "tok_pro_admin", "same", &body)
        .await;
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first = first.text().await.unwrap();
    // Key order and whole numbers written as 500.0 do not make another request.
    let again = s
        .check_out(
            PRO,
            "top-ups",
            "tok_pro_admin",
            "same",
            &json!({"credits": 500.0}),
        )
        .await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.text().await.unwrap(), first);
    let balance = s.balance_ok(PRO, "tok_pro_admin").await;
    assert_eq!(balance["balance"], 620, "applied once");
    assert_eq!(grant_of(&balance, "top_up").len(), 1);
    assert_eq!(balance["purchases"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_same_key_with_another_body_or_endpoint_is_409_and_applies_nothing() {
    let s = Server::demo().await;
    created(
        s.check_out(
            PRO,
            "top-ups",
            "tok_pro_admin",
            "k",
            &json!({"credits": 500}),
        )
        .await,
    )
    .await;
    let r = s
        .check_out(
            PRO,
            "top-ups",
            "tok_pro_admin",
            "k",
            &json!({"credits": 600}),
        )
        .await;
    assert_problem(r, 409, "idempotency_conflict", Some("Idempotency-Key")).await;
    let r = s
        .check_out(PRO, "plan", "tok_pro_admin", "k", &json!({"plan": "basic"}))
        .await;
    assert_problem(r, 409, "idempotency_conflict", Some("Idempotency-Key")).await;
    let balance = s.balance_ok(PRO, "tok_pro_admin").await;
    assert_eq!(balance["balance"], 620);
    assert_eq!(balance["plan"], "pro");
    assert!(balance.get("pending_plan_change").is_none());
}

#[tokio::test]
async fn renewing_an_expired_subscription_starts_a_cycle_with_the_plan_s_credits() {
    let s = Server::demo().await;
    let (ws, token) = ("ws_expired", "tok_expired_owner");
    let answer = created(s.check_out(ws, "renewal", token, "r1", &json!({})).await).await;
    assert_eq!(
        (&answer["kind"], &answer["credits"]),
        (&json!("renewal"), &json!(5000))
    );
    assert_eq!(answer["balance"], 5000);
    let balance = s.balance_ok(ws, token).await;
    assert_eq!(balance["status"], "active");
    assert_eq!(balance["payment_method"], "ok");
    assert_eq!(balance["balance"], 5000);
    assert!(balance["cycle"]["resets_at"].as_str().unwrap() > balance["as_of"].as_str().unwrap());
    assert_eq!(balance["purchases"][0]["kind"], "renewal");
    let r = s.check_out(ws, "renewal", token, "r2", &json!({})).await;
    assert_problem(r, 409, "not_expired", None).await;
}

#[tokio::test]
async fn fixing_the_payment_method_makes_past_due_active_and_grants_the_credits() {
    let s = Server::demo().await;
    let (ws, token) = ("ws_past_due", "tok_past_due_owner");
    let answer = created(
        s.check_out(ws, "payment-method", token, "p1", &json!({}))
            .await,
    )
    .await;
    assert_eq!(answer["kind"], "payment_fixed");
    assert_eq!(answer["balance"], 1000);
    let balance = s.balance_ok(ws, token).await;
    assert_eq!(
        (&balance["status"], &balance["payment_method"]),
        (&json!("active"), &json!("ok"))
    );
    assert_eq!(balance["balance"], 1000);
    let r = s
        .check_out(ws, "payment-method", token, "p2", &json!({}))
        .await;
    assert_problem(r, 409, "not_past_due", None).await;
}

#[tokio::test]
async fn renewing_an_active_or_fixing_a_healthy_subscription_is_409() {
    let s = Server::demo().await;
    let r = s
        .check_out(PRO, "renewal", "tok_pro_admin", "a", &json!({}))
        .await;
    assert_problem(r, 409, "not_expired", None).await;
    let r = s
        .check_out(PRO, "payment-method", "tok_pro_admin", "b", &json!({}))
        .await;
    assert_problem(r, 409, "not_past_due", None).await;
}

#[tokio::test]
async fn bad_bodies_and_keys_get_a_clear_problem_and_buy_nothing() {
    let s = Server::demo().await;
    let token = "tok_pro_admin";
    for (body, status, code, field) in [
        (
            json!({"credits": 99}),
            422,
            "invalid_setting",
            Some("credits"),
        ),
        (
            json!({"credits": 100_001}),
            422,
            "invalid_setting",
            Some("credits"),
        ),
        (json!({"credits": 1e30}), 400, "invalid_request", None),
        (json!({"credits": -5}), 400, "invalid_request", None),
        (json!({"credits": "500"}), 400, "invalid_request", None),
        (
            json!({"credits": 500, "coupon": "x"}),
            400,
            "invalid_request",
            None,
        ),
        (json!({}), 400, "invalid_request", None),
        (json!([500]), 400, "invalid_request", None),
    ] {
        let r = s.check_out(PRO, "top-ups", token, "bad", &body).await;
        assert_problem(r, status, code, field).await;
    }
    let r = s
        .check_out(PRO, "renewal", token, "x", &json!({"now": true}))
        .await;
    assert_problem(r, 400, "invalid_request", None).await;
    let r = s
        .client
        .post(s.workspace_url(PRO, "top-ups"))
        .bearer_auth(token)
        .json(&json!({"credits": 500}))
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "missing_idempotency_key", Some("Idempotency-Key")).await;
    let r = s
        .client
        .post(s.workspace_url(PRO, "top-ups"))
        .bearer_auth(token)
        .header("idempotency-key", "j")
        .header("content-type", "application/json")
        .body("{\"credits\": 500, \"credits\": 600}")
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "invalid_json", None).await;
    let r = s
        .check_out("ws_nope", "top-ups", token, "n", &json!({"credits": 500}))
        .await;
    assert_problem(r, 404, "not_found", None).await;
    assert_eq!(s.balance_ok(PRO, token).await["balance"], 120);
}
