//! For the live balance's browser tests: the page's visibility, as a person
//! switching tabs changes it, and what the Subscription view says of the stream.

use std::time::Duration;

use wasm_bindgen::JsValue;

use super::{query, text, wait_for, Mounted};

/// Makes `document.hidden` answer `hidden` and fires `visibilitychange`, as
/// the browser does when the tab is switched away and back.
pub fn set_page_hidden(hidden: bool) {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let descriptor = js_sys::Object::new();
    let getter = js_sys::Function::new_no_args(&format!("return {hidden};"));
    js_sys::Reflect::set(&descriptor, &"get".into(), &getter).expect("a getter");
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).expect("set");
    js_sys::Object::define_property(&document, &"hidden".into(), &descriptor);
    // The browser's bubbles up to the window.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event =
        web_sys::Event::new_with_event_init_dict("visibilitychange", &init).expect("an event");
    document.dispatch_event(&event).expect("dispatched");
}

/// Shows the page again when dropped, so a failed test leaves it visible.
pub struct HiddenPage;

impl HiddenPage {
    pub fn new() -> Self {
        set_page_hidden(true);
        HiddenPage
    }
}

impl Drop for HiddenPage {
    fn drop(&mut self) {
        set_page_hidden(false);
    }
}

/// The Subscription view's `data-live` and its words, once it says `wanted`.
pub async fn live_note(m: &Mounted, wanted: &str, within: Duration) -> String {
    wait_for(&format!("the stream to be {wanted}"), within, || {
        let note = query(&m.root, ".lc-subscription__live")?;
        (note.get_attribute("data-live")? == wanted).then(|| text(&note))
    })
    .await
}

/// The balance the Subscription view shows, as a number.
pub fn shown_balance(m: &Mounted) -> Option<u64> {
    let value = query(&m.root, ".lc-subscription__balance-value")?;
    text(&value)
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// The Generate button's verdict (`data-affordability`).
pub fn verdict(m: &Mounted) -> Option<String> {
    query(&m.root, ".lc-generate")?.get_attribute("data-affordability")
}
