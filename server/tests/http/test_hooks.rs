//! The browser tests' hooks (`--test-hooks`): delays, failures, request logs, the flaky port.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::{assert_problem, images, Server};

async fn hook(s: &Server, path: &str, body: Value) -> reqwest::Response {
    s.client
        .post(s.api(&format!("/_test{path}")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn quote_as(s: &Server, client: &str, items: Value) -> reqwest::Response {
    s.client
        .post(s.quotes_url("ws_pro_team"))
        .bearer_auth("tok_pro_admin")
        .header("x-test-client", client)
        .json(&json!({ "items": items }))
        .send()
        .await
        .unwrap()
}

async fn logged(s: &Server, client: &str) -> Value {
    let url = s.api(&format!("/_test/clients/{client}/requests"));
    let r = s.client.get(url).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

#[tokio::test]
async fn without_the_flag_every_hook_is_404_and_the_header_does_nothing() {
    let s = Server::demo().await;
    let r = hook(&s, "/clients/a/fail", json!({"statuses": [503]})).await;
    assert_problem(r, 404, "not_found", None).await;
    let r = hook(&s, "/clients/a/delays", json!({"delays_ms": [5000]})).await;
    assert_problem(r, 404, "not_found", None).await;
    let r = s
        .client
        .get(s.api("/_test/clients/a/requests"))
        .send()
        .await
        .unwrap();
    assert_problem(r, 404, "not_found", None).await;
    let r = hook(&s, "/flaky", json!({"up": false})).await;
    assert_problem(r, 404, "not_found", None).await;
    let started = Instant::now();
    assert_eq!(
        quote_as(&s, "a", json!([images("draft", 1)]))
            .await
            .status(),
        200
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn requests_are_listed_per_client_without_preflights() {
    let (s, _) = Server::with_hooks().await;
    quote_as(
        &s,
        "log",
        json!([images("draft", 1), images("high", 2), {"action": "asset.view"}]),
    )
    .await;
    quote_as(&s, "other", json!([images("draft", 1)])).await;
    s.client
        .request(reqwest::Method::OPTIONS, s.quotes_url("ws_pro_team"))
        .header("origin", "http://127.0.0.1:9999")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "x-test-client")
        .header("x-test-client", "log")
        .send()
        .await
        .unwrap();
    let r = s
        .client
        .get(s.api("/v1/plans"))
        .header("x-test-client", "log")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let log = logged(&s, "log").await;
    assert_eq!(
        log,
        json!({"count": 2, "requests": [
            {"method": "POST", "path": "/api/v1/workspaces/ws_pro_team/quotes", "items": 3},
            {"method": "GET", "path": "/api/v1/plans", "items": null},
        ]})
    );
    let r = s
        .client
        .delete(s.api("/_test/clients/log/requests"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(logged(&s, "log").await, json!({"count": 0, "requests": []}));
    assert_eq!(logged(&s, "other").await["count"], 1);
}

#[tokio::test]
async fn queued_delays_hold_the_next_requests_in_order() {
    let (s, _) = Server::with_hooks().await;
    let r = hook(&s, "/clients/slow/delays", json!({"delays_ms": [700, 0]})).await;
    assert_eq!(r.status(), 204);
    let t = Instant::now();
    assert_eq!(
        quote_as(&s, "slow", json!([images("draft", 1)]))
            .await
            .status(),
        200
    );
    assert!(
        t.elapsed() >= Duration::from_millis(700),
        "{:?}",
        t.elapsed()
    );
    // Another client is not held.
    let t = Instant::now();
    quote_as(&s, "fast", json!([images("draft", 1)])).await;
    assert!(t.elapsed() < Duration::from_millis(500));
    let t = Instant::now();
    quote_as(&s, "slow", json!([images("draft", 1)])).await;
    quote_as(&s, "slow", json!([images("draft", 1)])).await;
    assert!(
        t.elapsed() < Duration::from_millis(500),
        "the queue is used up"
    );
}

#[tokio::test]
async fn queued_failures_answer_without_doing_the_work() {
    let (s, _) = Server::with_hooks().await;
    let r = hook(&s, "/clients/f/fail", json!({"statuses": [503, 429]})).await;
    assert_eq!(r.status(), 204);
    let spend = |key: &'static str| {
        s.client
            .post(s.workspace_url("ws_trial", "generations"))
            .bearer_auth("tok_trial_owner")
            .header("idempotency-key", key)
            .header("x-test-client", "f")
            .json(&images("draft", 5))
            .send()
    };
    let r = spend("a").await.unwrap();
    assert_problem(r, 503, "test_injected", None).await;
    let r = spend("b").await.unwrap();
    assert_eq!(r.headers()["retry-after"], "1");
    assert_problem(r, 429, "test_injected", None).await;
    assert_eq!(
        s.balance_ok("ws_trial", "tok_trial_owner").await["balance"],
        50
    );
    assert_eq!(spend("c").await.unwrap().status(), 201);
    assert_eq!(
        s.balance_ok("ws_trial", "tok_trial_owner").await["balance"],
        45
    );
}

#[tokio::test]
async fn hook_bodies_are_checked() {
    let (s, _) = Server::with_hooks().await;
    let r = hook(&s, "/clients/f/fail", json!({"statuses": [503, 200]})).await;
    assert_problem(r, 422, "invalid_setting", Some("statuses[1]")).await;
    let r = hook(&s, "/clients/f/delays", json!({"delays": [1]})).await;
    assert_problem(r, 400, "invalid_request", None).await;
    let r = hook(&s, "/clients/f/delays", json!({"delays_ms": [-1]})).await;
    assert_problem(r, 400, "invalid_request", None).await;
    let r = hook(&s, "/clients/bad%20id/delays", json!({"delays_ms": [1]})).await;
    assert_problem(r, 422, "invalid_setting", Some("id")).await;
    let r = hook(&s, "/flaky", json!({"up": "no"})).await;
    assert_problem(r, 400, "invalid_request", None).await;
}

#[tokio::test]
async fn the_flaky_port_goes_down_and_comes_back() {
    let (s, flaky) = Server::with_hooks().await;
    let plans = format!("{flaky}/api/v1/plans");
    assert_eq!(reqwest::get(&plans).await.unwrap().status(), 200);
    let r = hook(&s, "/flaky", json!({"up": false})).await;
    assert_eq!(r.status(), 204);
    let fresh = reqwest::Client::new();
    let err = fresh.get(&plans).send().await.unwrap_err();
    assert!(err.is_connect(), "{err}");
    assert_eq!(
        s.client
            .get(s.api("/v1/plans"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(hook(&s, "/flaky", json!({"up": false})).await.status(), 204);
    let r = hook(&s, "/flaky", json!({"up": true})).await;
    assert_eq!(r.status(), 204);
    assert_eq!(fresh.get(&plans).send().await.unwrap().status(), 200);
    assert_eq!(hook(&s, "/flaky", json!({"up": true})).await.status(), 204);
}

#[tokio::test]
async fn the_plan_hook_changes_the_plan_the_balance_and_quotes_answer_with() {
    let (s, _) = Server::with_hooks().await;
    let before = s.balance_ok("ws_past_due", "tok_past_due_owner").await;
    assert_eq!(before["plan"], "basic");
    let r = hook(&s, "/workspaces/ws_past_due/plan", json!({"plan": "pro"})).await;
    assert_eq!(r.status(), 204);
    let after = s.balance_ok("ws_past_due", "tok_past_due_owner").await;
    assert_eq!(after["plan"], "pro");
    let r = hook(&s, "/workspaces/ws_nope/plan", json!({"plan": "pro"})).await;
    assert_problem(r, 404, "not_found", None).await;
    let r = hook(&s, "/workspaces/ws_past_due/plan", json!({"plan": "gold"})).await;
    assert_problem(r, 422, "invalid_setting", Some("plan")).await;
    let plain = Server::demo().await;
    let r = plain
        .client
        .post(plain.api("/_test/workspaces/ws_past_due/plan"))
        .json(&json!({"plan": "pro"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404, "no hooks, no plan changes");
}
