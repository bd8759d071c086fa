//! A server-rendered Leptos 0.8 host for leptos-credits: the server renders
//! the page (`ssr`), the browser hydrates it (`hydrate`), and the reference
//! credits API answers at `/api` in the same process.
//!
//! The library is both halves, as in a cargo-leptos app: the `cdylib` is the
//! browser's wasm (`hydrate`), the `rlib` is what the `ssr-host` binary
//! serves with (`ssr`).

// The server's streaming renderer nests one future per element of the page's
// view type, deeper than the default limit; Leptos's SSR examples raise it too.
#![recursion_limit = "256"]

pub mod app;
mod generation_bar;
#[cfg(feature = "ssr")]
pub mod server;

/// The browser's entry point: the generated JS glue calls it once the wasm is
/// loaded (see `HydrationScripts` in [`app::shell`]), and it adopts the
/// server's DOM instead of building a new one.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
