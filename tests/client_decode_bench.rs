//! serde_json (what the client uses) against the browser's `JSON.parse` plus
//! serde-wasm-bindgen, on the client's own answers: both must read them
//! alike; their speed is printed for the README's comparison. For numbers
//! that mean anything, run it optimised:
//! `CREDITS_TEST_API=x CREDITS_TEST_FLAKY_API=x cargo test --release -p leptos-credits
//!  --target wasm32-unknown-unknown --features csr --test client_decode_bench -- --nocapture`
#![cfg(target_arch = "wasm32")]

use credits_core::{BalanceResponse, QuoteResponse, UsageResponse};
use leptos_credits::api::decode::{decode, decode_quotes};
use serde::de::DeserializeOwned;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const QUOTE_ITEM: &str = r#"{"credits":8,"breakdown":[{"label":"4 images × 2 credits","credits":8}],"affordable":true,"blocked":null}"#;
const BALANCE: &str = r#"{"workspace":{"id":"ws_pro_team","name":"Northwind Studio"},"member":{"id":"u_kim","name":"Kim","role":"member"},"plan":"pro","status":"active","balance":120,"grants":[{"kind":"monthly","granted":5000,"remaining":120,"expires_at":"2026-12-01T00:00:00Z"},{"kind":"trial","granted":50,"remaining":0,"expires_at":null}],"cycle":{"started_at":"2026-11-01T00:00:00Z","resets_at":"2026-12-01T00:00:00Z"},"shared_pool":true,"payment_method":"ok","low_balance_threshold":250,"as_of":"2026-11-24T20:00:00Z"}"#;
const USAGE_ITEM: &str = r#"{"id":"gen_1","at":"2026-11-20T10:00:00Z","member":{"id":"u_kim","name":"Kim"},"action":"image.generate","credits":16,"status":"charged"}"#;

fn quotes(n: usize) -> String {
    let items = vec![QUOTE_ITEM; n].join(",");
    format!(r#"{{"items":[{items}],"balance":120,"price_book":"2026-11"}}"#)
}

fn usage(n: usize) -> String {
    let items = vec![USAGE_ITEM; n].join(",");
    format!(r#"{{"items":[{items}],"next_cursor":null,"by_member":[]}}"#)
}

fn browser<T: DeserializeOwned>(body: &str) -> T {
    let value = js_sys::JSON::parse(body).expect("JSON.parse reads the body");
    serde_wasm_bindgen::from_value(value).expect("serde-wasm-bindgen reads the body")
}

/// Microseconds per decode of `f`, over enough runs to be measurable.
fn micros(runs: u32, mut f: impl FnMut()) -> f64 {
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or_else(js_sys::Date::now, |p| p.now())
    };
    let start = now();
    for _ in 0..runs {
        f();
    }
    (now() - start) * 1000.0 / f64::from(runs)
}

fn compare<T: DeserializeOwned + PartialEq + std::fmt::Debug>(
    name: &str,
    body: &str,
    ours: impl Fn(&str) -> T,
) {
    assert_eq!(
        ours(body),
        browser::<T>(body),
        "{name}: both decoders agree"
    );
    let runs = if cfg!(debug_assertions) { 50 } else { 2000 };
    // Warm up both first, so the first measurement is not the JIT's.
    micros(runs / 10, || {
        drop(ours(body));
        drop(browser::<T>(body));
    });
    let json = micros(runs, || drop(ours(body)));
    let swb = micros(runs, || drop(browser::<T>(body)));
    console_log!(
        "{name} ({} bytes): serde_json {json:.1} µs, JSON.parse + serde-wasm-bindgen {swb:.1} µs",
        body.len()
    );
}

#[wasm_bindgen_test]
fn serde_json_and_the_browsers_parser_read_the_answers_alike() {
    for n in [1, 6, 32] {
        compare::<QuoteResponse>(&format!("quotes×{n}"), &quotes(n), |b| {
            decode_quotes(b, n).expect("serde_json reads the quotes")
        });
    }
    compare::<BalanceResponse>("balance", BALANCE, |b| {
        decode(b).expect("serde_json reads the balance")
    });
    compare::<UsageResponse>("usage×50", &usage(50), |b| {
        decode(b).expect("serde_json reads the usage")
    });
}
