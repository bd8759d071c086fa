//! The client inside a dedicated Web Worker, where the global object is a
//! `WorkerGlobalScope`, not a `Window`, against the live reference server.
#![cfg(target_arch = "wasm32")]

mod common;

use common::hooks::TestClient;
use leptos_credits::{CreditAction, ImageGenerate, Quality};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

/// Issue 11.8: `sleep` looked for a `Window`, so in a worker every retry
/// went out at once and `Retry-After` was never honoured.
#[wasm_bindgen_test]
async fn in_a_worker_a_429_is_retried_only_after_retry_after() {
    let tc = TestClient::new("worker-429");
    tc.fail(&[429]).await;
    let action = CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, 5));
    let start = js_sys::Date::now();
    let answer = tc
        .client("tok_ent_owner")
        .quote("ws_enterprise", &[action])
        .await;
    let took = js_sys::Date::now() - start;
    let credits = answer.map(|q| q.items.len());
    assert_eq!(credits, Ok(1), "the retry got the quote");
    assert!(
        took >= 1000.0,
        "Retry-After: 1 means no retry within a second; the answer came after {took} ms"
    );
    assert_eq!(
        tc.quote_requests().await.len(),
        2,
        "one refused try, one retry"
    );
}
