//! What only this project's browser tests need: the live reference server
//! `cargo xtask test` starts for them, and its test hooks ([`hooks`]).
//! Mounting, finding, acting and waiting come from `leptos_credits::testing`
//! (re-exported here), the helpers hosts use too.
#![allow(dead_code)]

pub mod hooks;

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
