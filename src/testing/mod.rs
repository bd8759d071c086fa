//! Helpers for testing a host's integration in a real browser, the way this
//! crate tests its own components (feature `testing`; use it from
//! `[dev-dependencies]` so the app's own build does not include it).
//!
//! Tests are `#[wasm_bindgen_test]` functions running in headless Chromium
//! against a real `credits-server`, acting as a person would: mount a view
//! under a [`CreditsProvider`](crate::CreditsProvider), find things by role
//! and accessible name or by their text, click and press keys, and wait for
//! the server's answer to show.
//!
//! ```no_run
//! use std::time::Duration;
//! use leptos::prelude::*;
//! use leptos_credits::testing::*;
//! use leptos_credits::{CreditAction, CostBadge, CreditsClient, ImageGenerate, Quality};
//!
//! # async fn shows_the_servers_cost() {
//! let api = option_env!("CREDITS_TEST_API").expect("the reference server's URL");
//! let client = CreditsClient::new(api).with_token("tok_pro_admin");
//! let action = CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, 4));
//! let m = mount_with_provider(client, "ws_pro_team", move || view! { <CostBadge action=action /> });
//! let badge = wait_for("the cost", Duration::from_secs(10), || {
//!     by_role(&m, "status").filter(|b| text(b).ends_with("credits"))
//! })
//! .await;
//! assert_eq!(text(&badge), "Cost: 16 credits");
//! # }
//! ```
//!
//! - Mounting: [`mount`], [`mount_with_provider`]; the [`Mounted`] guard
//!   unmounts and removes its root on drop.
//! - Finding: [`by_role`], [`by_role_named`], [`by_role_where`],
//!   [`all_by_role`], [`button`], [`by_text`], [`text`]; [`query`] and
//!   [`query_all`] for a component's styling parts; [`role_of`],
//!   [`accessible_name`], [`is_hidden`]; [`active_element`].
//! - Acting: [`click`], [`focus`], [`press`], [`press_with`], [`fill`],
//!   [`choose`]; each returns `Err(DomError)` saying what was missing.
//! - Waiting: [`tick`], [`sleep`], [`wait_for`], [`wait_for_text`],
//!   [`wait_for_text_containing`], [`try_wait_for`].
//!
//! Nothing here panics except on purpose, to fail a test with a message:
//! the `wait_for*` helpers when their deadline passes ("timed out after 10s
//! waiting for the cost"), and [`mount`] when there is no page to mount on.
//! Finders return `Option`, actions `Result`.
//!
//! # Running the tests in CI, beside the reference server
//!
//! The wasm test cannot read the environment when it runs, so the server's
//! address is compiled in: start the server first, then build and run the
//! tests with the address in an environment variable the test reads with
//! `option_env!` (as above), then stop the server.
//!
//! ```sh
//! # 1. The reference server on a free port, with the demo workspaces and tokens.
//! credits-server --listen 127.0.0.1:0 --seed-demo > server.out &
//! SERVER=$!
//! # 2. It prints `listening on http://127.0.0.1:PORT` once bound.
//! until grep -q '^listening on ' server.out; do sleep 0.1; done
//! URL=$(sed -n 's/^listening on //p' server.out | head -n 1)
//! # 3. The tests, with the API's base URL compiled in.
//! CREDITS_TEST_API="$URL/api" cargo test --target wasm32-unknown-unknown
//! # 4. Stop the server (SIGINT: it finishes requests in flight).
//! kill -INT $SERVER
//! ```
//!
//! `credits-server` is the `server` package of this crate's repository
//! (`cargo build -p credits-server`). The flags it takes: `--listen ADDR`
//! (port 0 picks a free one), `--seed-demo`, `--db PATH` (default: in
//! memory, so every run starts from the same demo data), `--price-book PATH`.
//!
//! `cargo test` runs wasm tests through the runner named in the host's
//! `.cargo/config.toml`, and `wasm-bindgen-test-runner` (from
//! `wasm-bindgen-cli` at the same version as the `wasm-bindgen` crate in
//! `Cargo.lock`) drives Chromium through `chromedriver` found on `PATH`:
//!
//! ```toml
//! [target.wasm32-unknown-unknown]
//! runner = "wasm-bindgen-test-runner"
//! ```
//!
//! Browser flags go in `webdriver.json` beside the crate's `Cargo.toml`
//! (the runner reads it from the directory `cargo test` runs the tests in):
//!
//! ```json
//! { "goog:chromeOptions": { "args": ["--disable-background-networking",
//!   "--disable-component-update", "--disable-sync", "--no-first-run"] } }
//! ```
//!
//! Each test file starts with `#![cfg(target_arch = "wasm32")]` (so native
//! `cargo test` and clippy skip it) and
//! `wasm_bindgen_test_configure!(run_in_browser);`.
//! `WASM_BINDGEN_TEST_TIMEOUT=120` gives slow CI machines more than the
//! runner's default 20 s per test file. A complete host crate doing all of
//! this is `examples/host-tests` in this crate's repository.

mod act;
mod mount;
mod query;
mod roles;
mod wait;

pub use act::{choose, click, fill, focus, press, press_with, DomError, Modifiers};
pub use mount::{mount, mount_with_provider, Mounted, TEST_LOCALE};
pub use query::{
    active_element, all_by_role, button, by_role, by_role_named, by_role_where, by_text, query,
    query_all, query_text, text,
};
pub use roles::{accessible_name, collapse, is_hidden, role_of};
pub use wait::{
    sleep, tick, try_wait_for, wait_for, wait_for_text, wait_for_text_containing, TimedOut,
};
