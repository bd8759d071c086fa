//! One request over `fetch`, with a timeout, an abort signal and retries.

use std::time::Duration;

use futures::future::{select, Either};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Response};

use super::request::{js_message, Outgoing};
use super::retry::{parse_retry_after, Outcome, RetryPolicy};
use super::ClientError;

/// An HTTP answer, read whole.
pub(crate) struct Answer {
    pub status: u16,
    pub body: String,
    pub etag: Option<String>,
    /// The `Retry-After` header, as sent.
    pub retry_after: Option<String>,
}

/// Sends `request` (afresh for each try) until it gets an answer
/// worth keeping: a 2xx, a 304 or a refusal are returned as they are; network
/// failures, timeouts, 5xx and 429 are retried by `policy`. The last failure
/// becomes the error. `abort` cancels the request in flight and any retry.
pub(crate) async fn send(
    request: &Outgoing<'_>,
    policy: &RetryPolicy,
    abort: Option<&AbortSignal>,
) -> Result<Answer, ClientError> {
    if !crate::primitives::in_browser() {
        return Err(ClientError::NotInBrowser);
    }
    let mut retry = 0;
    loop {
        if abort.is_some_and(AbortSignal::aborted) {
            return Err(ClientError::Aborted);
        }
        let result = attempt(request, policy.timeout, abort).await;
        let (outcome, retry_after) = match &result {
            Ok(answer) => (Outcome::Status(answer.status), answer_retry_after(answer)),
            Err(ClientError::TimedOut { .. }) => (Outcome::TimedOut, None),
            Err(ClientError::Aborted) => (Outcome::Aborted, None),
            Err(_) => (Outcome::NoAnswer, None),
        };
        match policy.delay(retry, outcome, retry_after, js_sys::Math::random()) {
            Some(wait) => sleep(wait).await,
            None => return result,
        }
        retry += 1;
    }
}

fn answer_retry_after(answer: &Answer) -> Option<Duration> {
    let value = answer.retry_after.as_deref()?;
    parse_retry_after(value, crate::primitives::now_ms())
}

/// One try: the answer, or why there was none.
async fn attempt(
    request: &Outgoing<'_>,
    timeout: Duration,
    abort: Option<&AbortSignal>,
) -> Result<Answer, ClientError> {
    let ms = u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX);
    let timer = timeout_signal(ms);
    let signal = combined(abort, timer.as_ref());
    let request = request
        .request(signal.as_ref().or(abort))
        .map_err(offline)?;
    let exchange = async {
        let response: Response = JsFuture::from(global_fetch(&request)).await?.dyn_into()?;
        let status = response.status();
        let headers = response.headers();
        let etag = headers.get("etag")?;
        let retry_after = headers.get("retry-after")?;
        let body = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        Ok::<_, JsValue>((status, etag, retry_after, body))
    };
    // The race gives `TimedOut` even where the browser cannot abort on a timer.
    let result = match select(Box::pin(exchange), Box::pin(sleep(timeout))).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => return Err(ClientError::TimedOut { ms }),
    };
    match result {
        Ok((status, etag, retry_after, body)) => Ok(Answer {
            status,
            body,
            etag,
            retry_after,
        }),
        Err(_) if abort.is_some_and(AbortSignal::aborted) => Err(ClientError::Aborted),
        Err(_) if timer.as_ref().is_some_and(AbortSignal::aborted) => {
            Err(ClientError::TimedOut { ms })
        }
        Err(e) => Err(offline(e)),
    }
}

fn offline(e: JsValue) -> ClientError {
    ClientError::Offline(js_message(&e))
}

/// `AbortSignal.timeout(ms)`, where the browser has it.
fn timeout_signal(ms: u32) -> Option<AbortSignal> {
    has_static("timeout").then(|| AbortSignal::timeout_with_u32(ms))
}

/// One signal that fires when either does (`AbortSignal.any`), where the browser has it.
fn combined(abort: Option<&AbortSignal>, timer: Option<&AbortSignal>) -> Option<AbortSignal> {
    match (abort, timer) {
        (Some(a), Some(t)) if has_static("any") => {
            Some(AbortSignal::any(&js_sys::Array::of2(a, t)))
        }
        (None, Some(t)) => Some(t.clone()),
        _ => None,
    }
}

/// Whether `AbortSignal` has the static method `name` (older browsers lack some).
fn has_static(name: &str) -> bool {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"AbortSignal".into())
        .ok()
        .and_then(|ctor| js_sys::Reflect::get(&ctor, &name.into()).ok())
        .is_some_and(|f| f.is_function())
}

/// Waits `duration` on the global `setTimeout`, which a page (`Window`) and a
/// worker (`WorkerGlobalScope`) both have. Dropped early (a race lost, its
/// component gone), it clears its timer: nothing is left to fire.
pub(crate) fn sleep(duration: Duration) -> Sleep {
    let ms = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
    let mut id = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| match global_set_timeout(&resolve, ms) {
        Ok(timer) => id = Some(timer),
        Err(_) => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    Sleep {
        id,
        done: JsFuture::from(promise),
    }
}

pub(crate) struct Sleep {
    id: Option<JsValue>,
    done: JsFuture,
}

impl std::future::Future for Sleep {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        std::pin::Pin::new(&mut self.done).poll(cx).map(|_| ())
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            global_clear_timeout(&id);
        }
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `fetch`, which a page and a worker both have.
    #[wasm_bindgen(js_name = fetch)]
    pub(crate) fn global_fetch(request: &web_sys::Request) -> js_sys::Promise;

    #[wasm_bindgen(js_name = clearTimeout)]
    pub(crate) fn global_clear_timeout(id: &wasm_bindgen::JsValue);

    #[wasm_bindgen(js_name = setTimeout, catch)]
    pub(crate) fn global_set_timeout(
        handler: &js_sys::Function,
        ms: i32,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}
