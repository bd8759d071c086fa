//! The live loop's waits: for a time, or until its signal aborts. Neither the
//! timer nor the abort listener outlives a wait, so a stopped loop leaves nothing behind.

use std::future::Future;

use futures::future::{select, Either};
use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use crate::api::{global_clear_timeout, global_set_timeout};

/// Waits `ms` (at most about 24 days); `true` when `abort` cut it short.
pub(crate) async fn wait(ms: u64, abort: &AbortSignal) -> bool {
    if abort.aborted() {
        return true;
    }
    let (timer, on_time) = promise();
    let (aborted, on_abort) = promise();
    let ms = i32::try_from(ms).unwrap_or(i32::MAX);
    // Dropped when the wait ends or is dropped unfinished (a race lost).
    let _guard = Guard {
        id: global_set_timeout(&on_time, ms).ok(),
        abort: abort.clone(),
        on_abort: on_abort.clone(),
    };
    let _ = abort.add_event_listener_with_callback("abort", &on_abort);
    let _ = select(JsFuture::from(timer), JsFuture::from(aborted)).await;
    abort.aborted()
}

/// Clears a wait's timer and abort listener.
struct Guard {
    id: Option<JsValue>,
    abort: AbortSignal,
    on_abort: Function,
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            global_clear_timeout(&id);
        }
        let _ = self
            .abort
            .remove_event_listener_with_callback("abort", &self.on_abort);
    }
}

/// `future`'s output, or `None` when `ms` pass first or `abort` fires.
pub(crate) async fn within<T>(
    ms: u64,
    abort: &AbortSignal,
    future: impl Future<Output = T>,
) -> Option<T> {
    match select(Box::pin(future), Box::pin(wait(ms, abort))).await {
        Either::Left((value, _)) => Some(value),
        Either::Right(_) => None,
    }
}

/// A promise and the function that resolves it.
fn promise() -> (Promise, Function) {
    let mut resolve = None;
    let promise = Promise::new(&mut |r, _| resolve = Some(r));
    (promise, resolve.unwrap_or_else(Function::default))
}
