//! `GET /v1/workspaces/{workspace}/events`: the balance as server-sent
//! events, read from a `fetch` response's body (the browser's `EventSource`
//! cannot send the `Authorization` header, and a token never goes in a URL).

use credits_core::sse::{SseEvent, SseParser, DEFAULT_EVENT_LIMIT};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, Response};

use super::request::{js_message, Outgoing};
use super::transport::global_fetch;
use super::url::{encode_segment, join};
use super::{ClientError, CreditsClient};

/// What asking for the stream gave.
pub enum Opened {
    /// The stream is open: read it with [`EventStream::next`].
    Stream(EventStream),
    /// This server has no stream to give (404 or 405 from an older server,
    /// an answer that is not `text/event-stream`, another refusal): poll instead.
    Unsupported(ClientError),
    /// It may work later (no answer, 5xx, 429): try again after a wait.
    Failed(ClientError),
}

/// An open event stream. Dropping it does not close the connection: abort
/// the signal it was opened with.
pub struct EventStream {
    reader: ReadableStreamDefaultReader,
    parser: SseParser,
}

impl CreditsClient {
    /// Opens the balance stream of `workspace`, resuming after
    /// `last_event_id` when given. `abort` closes it, now or later.
    pub async fn balance_events(
        &self,
        workspace: &str,
        last_event_id: Option<&str>,
        abort: &AbortSignal,
    ) -> Opened {
        if !crate::primitives::in_browser() {
            return Opened::Unsupported(ClientError::NotInBrowser);
        }
        let url = join(
            self.base_url(),
            &format!("v1/workspaces/{}/events", encode_segment(workspace)),
        );
        let mut request = self
            .authorized(Outgoing::get(&url))
            .header("Accept", "text/event-stream");
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id);
        }
        if let Some(name) = self.refused_header() {
            return Opened::Unsupported(ClientError::InvalidHeader { name });
        }
        let response = async {
            let request = request.request(Some(abort))?;
            JsFuture::from(global_fetch(&request))
                .await?
                .dyn_into::<Response>()
        };
        let response = match response.await {
            Ok(r) => r,
            Err(_) if abort.aborted() => return Opened::Failed(ClientError::Aborted),
            Err(e) => return Opened::Failed(ClientError::Offline(js_message(&e))),
        };
        let status = response.status();
        let event_stream = response
            .headers()
            .get("content-type")
            .ok()
            .flatten()
            .is_some_and(|t| t.trim_start().starts_with("text/event-stream"));
        let body = response.body();
        match (status, body) {
            (200, Some(body)) if event_stream => Opened::Stream(EventStream {
                reader: body.get_reader().unchecked_into(),
                parser: SseParser::resuming(DEFAULT_EVENT_LIMIT, last_event_id.map(str::to_owned)),
            }),
            (429 | 500..=599, _) => Opened::Failed(ClientError::from_answer(status, None)),
            (200..=299, _) => Opened::Unsupported(ClientError::Decode {
                field: String::new(),
                message: "the events answer is not text/event-stream".into(),
            }),
            _ => Opened::Unsupported(ClientError::from_answer(status, None)),
        }
    }
}

impl EventStream {
    /// The events of the next chunk that arrives (often none: a heartbeat,
    /// or part of an event); `None` when the server ended the stream.
    pub async fn next(&mut self) -> Result<Option<Vec<SseEvent>>, ClientError> {
        let read = JsFuture::from(self.reader.read())
            .await
            .map_err(|e| ClientError::Offline(js_message(&e)))?;
        let done = js_sys::Reflect::get(&read, &"done".into()).map_err(offline)?;
        if done.is_truthy() {
            return Ok(None);
        }
        let value = js_sys::Reflect::get(&read, &"value".into()).map_err(offline)?;
        let bytes = value
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(offline)?
            .to_vec();
        Ok(Some(self.parser.push(&bytes)))
    }

    /// The id to resume from (`Last-Event-ID`).
    pub fn last_event_id(&self) -> Option<&str> {
        self.parser.last_event_id()
    }

    /// The reconnection time the server asked for (`retry:`), in ms.
    pub fn retry_ms(&self) -> Option<u64> {
        self.parser.retry_ms()
    }
}

fn offline(e: JsValue) -> ClientError {
    ClientError::Offline(js_message(&e))
}
