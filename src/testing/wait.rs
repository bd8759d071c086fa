//! Waiting for the page: a reactive tick, a sleep, and polling with a deadline.
//!
//! Components answer after the server does, so a test waits for what a
//! person would wait for ("the cost shows") rather than for a fixed time.
//! [`wait_for`] and the `wait_for_text*` helpers fail the test by
//! panicking with a message that names what never came: that is how a
//! `#[wasm_bindgen_test]` fails. [`try_wait_for`] returns the same failure
//! as a value instead.

use std::fmt;
use std::time::Duration;

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::query::{by_text, text};

/// How often the `wait_for*` helpers look again.
const POLL_MS: u32 = 20;
/// How much of the page's text a failure message quotes.
const QUOTE_CHARS: usize = 600;

/// Lets Leptos run what is scheduled (effects, rendering, spawned tasks
/// that are ready): after a click or a signal change, one `tick` shows its
/// result on the page.
pub async fn tick() {
    leptos::task::tick().await
}

/// Waits `ms` milliseconds (a `setTimeout`), letting the page and its
/// requests run meanwhile. Prefer [`wait_for`] for anything that has a
/// visible end.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let delay = i32::try_from(ms).unwrap_or(i32::MAX);
        let scheduled = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay)
                .is_ok()
        });
        if !scheduled {
            // No timer to wait on (not in a window): resolve at once.
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// What [`try_wait_for`] did not see in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimedOut {
    /// The description the caller gave, e.g. "the badge's cost".
    pub what: String,
    /// How long it waited.
    pub within: Duration,
}

impl fmt::Display for TimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "timed out after {:?} waiting for {}",
            self.within, self.what
        )
    }
}

impl std::error::Error for TimedOut {}

/// Calls `check` after each [`tick`] (every 20 ms) until it returns `Some`,
/// and returns that value; `Err(TimedOut)` once `within` has passed.
pub async fn try_wait_for<T>(
    what: &str,
    within: Duration,
    mut check: impl FnMut() -> Option<T>,
) -> Result<T, TimedOut> {
    let start = js_sys::Date::now();
    let limit = within.as_secs_f64() * 1000.0;
    loop {
        tick().await;
        if let Some(value) = check() {
            return Ok(value);
        }
        if js_sys::Date::now() - start > limit {
            return Err(TimedOut {
                what: what.to_owned(),
                within,
            });
        }
        sleep(POLL_MS).await;
    }
}

/// Waits until `check` returns `Some` and returns the value, e.g.
/// `wait_for("the cost", Duration::from_secs(10), || by_role(&root, "status"))`.
///
/// # Panics
///
/// Deliberately, to fail the test, when `within` passes first: "timed out
/// after 10s waiting for the cost" (with the `what` given).
pub async fn wait_for<T>(what: &str, within: Duration, check: impl FnMut() -> Option<T>) -> T {
    match try_wait_for(what, within, check).await {
        Ok(value) => value,
        Err(timed_out) => panic!("{timed_out}"),
    }
}

/// Waits until an element under `root` reads exactly `text` (see
/// [`by_text`]) and returns it.
///
/// # Panics
///
/// Deliberately, to fail the test, when `within` passes first; the message
/// quotes what `root` says instead.
pub async fn wait_for_text(root: &Element, wanted: &str, within: Duration) -> Element {
    let what = format!("the text {wanted:?}");
    match try_wait_for(&what, within, || by_text(root, wanted)).await {
        Ok(el) => el,
        Err(timed_out) => panic!("{timed_out}; the page says {:?}", quote(root)),
    }
}

/// Waits until `el`'s text contains every one of `parts` and returns the
/// whole text, e.g. `wait_for_text_containing(&dialog, &["needs 40", "Upgrade"], WAIT)`.
///
/// # Panics
///
/// Deliberately, to fail the test, when `within` passes first; the message
/// quotes what `el` says instead.
pub async fn wait_for_text_containing(el: &Element, parts: &[&str], within: Duration) -> String {
    let what = format!("the text to contain {parts:?}");
    let check = || {
        let now = text(el);
        parts.iter().all(|p| now.contains(p)).then_some(now)
    };
    match try_wait_for(&what, within, check).await {
        Ok(said) => said,
        Err(timed_out) => panic!("{timed_out}; it says {:?}", quote(el)),
    }
}

/// `el`'s text, shortened for a failure message.
fn quote(el: &Element) -> String {
    let all = super::roles::collapse(&text(el));
    match all.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &all[..cut]),
        None => all,
    }
}
