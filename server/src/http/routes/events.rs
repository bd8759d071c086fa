//! `GET /v1/workspaces/{workspace}/events`: the workspace's balance changes as
//! server-sent events (`text/event-stream`), one `balance` event per change.
//!
//! Auth as for the balance. The stream opens with `retry: 2000`, then, without a
//! `Last-Event-ID`, the balance as it is now under the latest event id; with one,
//! every event after it (or the balance now, when those are no longer kept). Then
//! each change as it is committed, and a `: keep-alive` comment every heartbeat.
//! Each event's data is exactly the JSON `GET .../balance` answers the reader.
//!
//! One task per stream forwards its workspace's events into a small buffer that
//! the response body drains; a reader that lets it fill up is dropped (it comes
//! back with `Last-Event-ID`), so a slow reader never holds up a write.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body::Frame;
use tokio::sync::{mpsc, watch};
use tokio::time::{interval_at, Instant, MissedTickBehavior};

use crate::domain::clock;
use crate::http::auth::Member;
use crate::http::problem::ApiProblem;
use crate::persistence::db::events::Event;
use crate::persistence::store::StreamStart;
use crate::state::AppState;

/// Frames a stream's buffer holds for a reader that is behind; one more closes it.
pub const BUFFER: usize = 32;
const RETRY: &[u8] = b"retry: 2000\n\n";
const KEEP_ALIVE: &[u8] = b": keep-alive\n\n";

pub async fn stream(
    State(state): State<AppState>,
    Member(view): Member,
    headers: HeaderMap,
) -> Result<Response, ApiProblem> {
    let last_seen = last_event_id(&headers);
    let store = state.store.clone();
    let (member, workspace) = (view.member.id, view.workspace.id);
    let start = tokio::task::spawn_blocking(move || {
        store.stream_start(&member, &workspace, last_seen, clock::now())
    })
    .await
    .unwrap_or_else(|e| Err(e.to_string()));
    let start = match start {
        Ok(Some(start)) => start,
        Ok(None) => return Err(ApiProblem::not_found("no such workspace")),
        Err(why) => {
            tracing::error!(%why, "a balance stream could not start");
            return Err(ApiProblem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage_unavailable",
                "the balance stream could not be read; try again",
            ));
        }
    };
    let (out, body) = mpsc::channel(BUFFER);
    tokio::spawn(forward(start, out, state.heartbeat));
    let mut response = Body::new(EventBody(body)).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        HeaderName::from_static("x-accel-buffering"),
        HeaderValue::from_static("no"),
    );
    Ok(response)
}

/// `Last-Event-ID` when it is a non-negative integer; anything else counts as absent.
pub fn last_event_id(headers: &HeaderMap) -> Option<i64> {
    let value = headers.get("last-event-id")?.to_str().ok()?.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

/// One event as the stream sends it.
pub fn frame(event: &Event, member: &str) -> Bytes {
    let data = event.data_for(member);
    Bytes::from(format!(
        "id: {}\nevent: balance\ndata: {data}\n\n",
        event.seq
    ))
}

/// The stream's task: its first events, then live ones and heartbeats, until the
/// reader goes, falls behind, or the server shuts down.
async fn forward(start: StreamStart, out: mpsc::Sender<Bytes>, heartbeat: Duration) {
    let StreamStart {
        first,
        subscription,
        member,
    } = start;
    let (mut live, mut closing) = (subscription.events, subscription.closing);
    // Closed since this stream subscribed (a pulse: see `EventHub::close_all`).
    if closing.has_changed().unwrap_or(true) {
        return;
    }
    let mut last = 0;
    if !send(&out, Bytes::from_static(RETRY), &mut closing).await {
        return;
    }
    for event in &first {
        last = event.seq;
        if !send(&out, frame(event, &member), &mut closing).await {
            return;
        }
    }
    drop(first);
    let mut beat = interval_at(Instant::now() + heartbeat, heartbeat);
    beat.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        let bytes = tokio::select! {
            _ = closing.changed() => return,
            () = out.closed() => return,
            received = live.recv() => match received {
                Ok(event) if event.seq > last => {
                    last = event.seq;
                    frame(&event, &member)
                }
                Ok(_) => continue,
                // Lagged or closed: the reader comes back with Last-Event-ID.
                Err(_) => return,
            },
            _ = beat.tick() => Bytes::from_static(KEEP_ALIVE),
        };
        if out.try_send(bytes).is_err() {
            return;
        }
    }
}

/// Sends `bytes`, waiting for room; `false` when the reader is gone or the server stops.
async fn send(
    out: &mpsc::Sender<Bytes>,
    bytes: Bytes,
    closing: &mut watch::Receiver<bool>,
) -> bool {
    tokio::select! {
        sent = out.send(bytes) => sent.is_ok(),
        _ = closing.changed() => false,
    }
}

/// The response body: what the stream's task sends, as it comes.
struct EventBody(mpsc::Receiver<Bytes>);

impl http_body::Body for EventBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.0
            .poll_recv(cx)
            .map(|bytes| bytes.map(|b| Ok(Frame::data(b))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("last-event-id", HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn last_event_id_is_a_non_negative_integer_or_absent() {
        assert_eq!(last_event_id(&with("42")), Some(42));
        assert_eq!(last_event_id(&with(" 0 ")), Some(0));
        for bad in ["", "abc", "-1", "+5", "1.5", "99999999999999999999", "4 2"] {
            assert_eq!(last_event_id(&with(bad)), None, "{bad}");
        }
        assert_eq!(last_event_id(&HeaderMap::new()), None);
    }
}
