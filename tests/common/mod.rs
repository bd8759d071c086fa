//! Helpers for the browser tests: a live reference server, mounting, and
//! finding things on the page the way a person would.
#![allow(dead_code)]

pub mod hooks;

use std::time::Duration;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_credits::CreditsClient;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

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

/// A view mounted in its own wrapper element; both go away on drop.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

pub fn mount<N: IntoView + 'static>(f: impl FnOnce() -> N + 'static) -> Mounted {
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), f);
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls `check` until it returns `Some`, or fails the test with `what` after `within`.
pub async fn wait_for<T>(what: &str, within: Duration, mut check: impl FnMut() -> Option<T>) -> T {
    let start = js_sys::Date::now();
    loop {
        leptos::task::tick().await;
        if let Some(v) = check() {
            return v;
        }
        if js_sys::Date::now() - start > within.as_millis() as f64 {
            panic!("timed out after {within:?} waiting for {what}");
        }
        sleep(20).await;
    }
}

/// The element with `role`, e.g. the badge's `status` region.
pub fn by_role(root: &Element, role: &str) -> Option<Element> {
    root.query_selector(&format!("[role=\"{role}\"]"))
        .ok()
        .flatten()
}

/// The button whose visible text is `name`.
pub fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    let buttons = root.query_selector_all("button").ok()?;
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_owned()
}
