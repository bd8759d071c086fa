//! The one gate between rendering and the browser. On the server (Leptos
//! `ssr`, or any native build) there is no `window`, no `fetch`, no timers
//! and no `Intl`: a wasm-bindgen call there panics with "function not
//! implemented on non-wasm32 targets". Everything that needs the browser asks
//! [`in_browser`] first, so a server render shows the loading state instead.

/// Whether browser APIs may be called here: a wasm32 build that is not
/// rendering on the server (Leptos's shared context says which).
pub fn in_browser() -> bool {
    cfg!(target_arch = "wasm32") && !leptos::prelude::is_server()
}

/// Milliseconds since the Unix epoch: the browser's `Date.now()`, or the
/// system clock in a native build.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    }
}

/// Seconds since the Unix epoch, for countdowns against the API's RFC 3339 times.
pub fn now_s() -> i64 {
    (now_ms() / 1000.0) as i64
}

/// The element that has focus, in the browser.
pub fn active_element() -> Option<web_sys::Element> {
    if !in_browser() {
        return None;
    }
    web_sys::window()?.document()?.active_element()
}
