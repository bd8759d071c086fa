//! What only this project's browser tests need: the live reference server
//! `cargo xtask test` starts for them, and its test hooks ([`hooks`]).
//! Mounting, finding, acting and waiting come from `leptos_credits::testing`
//! (re-exported here), the helpers hosts use too.
#![allow(dead_code)]

pub mod estimator;
pub mod history;
pub mod hooks;
pub mod i18n;
pub mod live;
pub mod modal;
pub mod requests;
pub mod shop;

pub use leptos_credits::testing::*;
use leptos_credits::CreditsClient;

/// The reference server `cargo xtask test` starts for these tests.
pub fn api_base() -> &'static str {
    match option_env!("CREDITS_TEST_API") {
        Some(url) => url,
        None => {
            panic!("CREDITS_TEST_API is not set: run the browser tests through `cargo xtask test`")
        }
    }
}

/// A client for the live reference server, as the member `token`.
pub fn live_client(token: &str) -> CreditsClient {
    CreditsClient::new(api_base()).with_token(token)
}

/// A base URL where nothing listens (port 1 on loopback refuses at once).
pub const DEAD_API: &str = "http://127.0.0.1:1/api";

/// How the prompts say when `workspace`'s credits come back ("in 7 days"),
/// from the live server's cycle: its days count from the day it started, so a
/// run that crosses midnight sees one day fewer than the seed file says.
pub async fn comes_back_in(token: &str, workspace: &str) -> String {
    use leptos_credits::BalanceAnswer;
    let answer = live_client(token).balance(workspace, None, None).await;
    let Ok(BalanceAnswer::Fresh { balance, .. }) = answer else {
        panic!("the balance of {workspace}: {answer:?}");
    };
    let cycle = balance.cycle.expect("the workspace has a cycle");
    let at = credits_core::time::parse_rfc3339(&cycle.resets_at).expect("an RFC 3339 reset");
    let days = credits_core::time::days_until(leptos_credits::primitives::now_s(), at);
    leptos_credits::intl::format_in_days(days, None)
}

/// A video of `quality`, `duration_s` seconds and `resolution`, on the default model.
pub fn video_of(
    quality: leptos_credits::Quality,
    duration_s: u32,
    resolution: leptos_credits::Resolution,
) -> leptos_credits::CreditAction {
    leptos_credits::CreditAction::VideoGenerate(leptos_credits::VideoGenerate {
        model: None,
        quality,
        duration_s,
        resolution,
    })
}

/// Five seconds of standard-quality 720p video: a Pro feature.
pub fn video() -> leptos_credits::CreditAction {
    video_of(
        leptos_credits::Quality::Standard,
        5,
        leptos_credits::Resolution::P720,
    )
}
