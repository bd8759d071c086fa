//! The client when the service fails: offline and back, retries on 503 and
//! 429 (honouring `Retry-After`), no retry on 422, timeouts, and answers
//! with fields no client knows. Live reference server with `--test-hooks`.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::*;
use common::*;
use leptos::prelude::*;
use leptos_credits::{
    ClientError, CostBadge, CreditAction, CreditsClient, ImageGenerate, Quality, RetryPolicy,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(15);

fn badge(client: CreditsClient, count: u32) -> Mounted {
    let action = Signal::stored(CreditAction::ImageGenerate(ImageGenerate::new(
        Quality::Standard,
        count,
    )));
    mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <CostBadge action=action />
        }
    })
}

async fn settled(m: &Mounted) -> (String, String) {
    badge_settled(m, WAIT).await
}

fn detail(m: &Mounted) -> String {
    m.root
        .query_selector(".lc-cost-badge__value")
        .ok()
        .flatten()
        .and_then(|v| v.get_attribute("data-detail"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_dead_server_shows_offline_and_recovers_when_it_returns() {
    let tc = TestClient::new("flaky");
    let down = FlakyDown::new().await;
    let m = badge(tc.flaky_client("tok_ent_owner"), 3);
    let (state, shown) = settled(&m).await;
    assert_eq!(state, "error");
    assert!(
        shown.starts_with("Can't reach the credits service"),
        "a refused connection is the offline state: {shown}"
    );
    set_flaky(true).await;
    // No click, no reload: the badge asks again by itself.
    let shown = wait_for("the cost once the server is back", WAIT, || {
        let b = by_role(&m.root, "status")?;
        (b.get_attribute("data-state")? == "ready").then(|| text(&b))
    })
    .await;
    assert_eq!(shown, "Cost: 12 credits");
    drop(down);
}

#[wasm_bindgen_test]
async fn a_503_is_retried_and_the_answer_shown() {
    let tc = TestClient::new("503");
    tc.fail(&[503]).await;
    let m = badge(tc.client("tok_ent_owner"), 2);
    let (state, shown) = settled(&m).await;
    assert_eq!(
        (state.as_str(), shown.as_str()),
        ("ready", "Cost: 8 credits")
    );
    assert_eq!(
        tc.quote_requests().await.len(),
        2,
        "one failed try, one retry"
    );
}

#[wasm_bindgen_test]
async fn a_429_waits_as_long_as_retry_after_says() {
    let tc = TestClient::new("429");
    tc.fail(&[429]).await;
    let start = js_sys::Date::now();
    let m = badge(tc.client("tok_ent_owner"), 5);
    let (state, shown) = settled(&m).await;
    let took = js_sys::Date::now() - start;
    assert_eq!(
        (state.as_str(), shown.as_str()),
        ("ready", "Cost: 20 credits")
    );
    assert!(
        took >= 1000.0,
        "Retry-After: 1 means no retry within a second; the answer came after {took} ms"
    );
    assert_eq!(tc.quote_requests().await.len(), 2);
}

#[wasm_bindgen_test]
async fn a_422_is_not_retried() {
    let tc = TestClient::new("422");
    tc.fail(&[422]).await;
    let m = badge(tc.client("tok_ent_owner"), 6);
    let (state, shown) = settled(&m).await;
    assert_eq!(state, "error");
    assert!(shown.starts_with("Couldn't get the cost"), "{shown}");
    sleep(1500).await;
    assert_eq!(
        tc.quote_requests().await.len(),
        1,
        "a refusal is final: asking again would get the same answer"
    );
    assert!(detail(&m).contains("HTTP 422"), "{}", detail(&m));
}

#[wasm_bindgen_test]
async fn a_server_too_slow_times_out() {
    let tc = TestClient::new("timeout");
    tc.delay(&[3000]).await;
    let client = tc.client("tok_ent_owner").with_retry_policy(RetryPolicy {
        attempts: 1,
        timeout: Duration::from_millis(400),
        ..RetryPolicy::default()
    });
    let start = js_sys::Date::now();
    let m = badge(client, 7);
    let (state, _) = settled(&m).await;
    let took = js_sys::Date::now() - start;
    assert_eq!(state, "error");
    assert!(
        took < 2500.0,
        "gave up after the timeout, not the answer: {took} ms"
    );
    assert!(
        detail(&m).contains("did not answer within 400 ms"),
        "{}",
        detail(&m)
    );
}

#[wasm_bindgen_test]
async fn an_unknown_field_in_an_answer_is_ignored() {
    let spy = FetchSpy::install(true);
    let tc = TestClient::new("unknown-field");
    let m = badge(tc.client("tok_ent_owner"), 4);
    let (state, shown) = settled(&m).await;
    assert_eq!(
        (state.as_str(), shown.as_str()),
        ("ready", "Cost: 16 credits")
    );
    assert_eq!(spy.statuses("/quotes"), vec![200], "the spy saw the answer");
}

/// Issue 11.7: gloo threw a JS exception out of Rust for such a token.
#[wasm_bindgen_test]
async fn a_token_with_a_line_break_is_refused_as_a_typed_error_and_nothing_is_sent() {
    let tc = TestClient::new("bad-token");
    let client = tc.client("tok_ent_owner\r\nX-Evil: 1");
    let answer = client.balance("ws_enterprise", None, None).await;
    assert_eq!(
        answer.map(|_| ()),
        Err(ClientError::InvalidHeader {
            name: "Authorization".into()
        })
    );
    let wide = tc.client("tok_\u{2603}").plans().await;
    assert_eq!(
        wide.map(|_| ()).map_err(|e| e.kind()),
        Err("invalid_header")
    );
    assert_eq!(tc.requests().await.len(), 0, "the server saw no request");
    let m = badge(tc.client("tok\0"), 2);
    let (state, shown) = settled(&m).await;
    assert_eq!(state, "error");
    assert!(shown.starts_with("Couldn't get the cost"), "{shown}");
}
