//! Events out to the host: `CustomEvent`s that bubble out of the element.

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Sends `name` from `el` with `detail` as a plain JS object; `false` when a
/// listener called `preventDefault()` on a cancelable one. The detail goes
/// through JSON: the client already serializes these types to JSON for the
/// API, so this adds no second serializer to the wasm (serde-wasm-bindgen's
/// would, for every detail type).
pub fn send(el: &HtmlElement, name: &str, detail: &impl Serialize, cancelable: bool) -> bool {
    let detail = serde_json::to_string(detail)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => el.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// An event whose detail is `null`.
pub fn signal(el: &HtmlElement, name: &str) {
    send(el, name, &(), false);
}

#[derive(Serialize)]
pub struct Refused {
    pub property: &'static str,
    pub message: String,
}

/// `credits-error` for a property of the wrong shape.
pub fn refused(el: &HtmlElement, property: &'static str, message: String) {
    send(el, "credits-error", &Refused { property, message }, false);
}
