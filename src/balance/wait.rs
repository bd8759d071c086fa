//! The live loop's waits: for a time, or until its signal aborts. Neither the
//! timer nor the abort listener outlives a wait, so a stopped loop leaves nothing behind.

use std::future::Future;

use futures::future::{select, Either};
use js_sys::{Function, Promise};
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
    let id = global_set_timeout(&on_time, ms).ok();
    let _ = abort.add_event_listener_with_callback("abort", &on_abort);
    let _ = select(JsFuture::from(timer), JsFuture::from(aborted)).await;
    if let Some(id) = id {
        global_clear_timeout(&id);
    }
    let _ = abort.remove_event_listener_with_callback("abort", &on_abort);
    abort.aborted()
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
