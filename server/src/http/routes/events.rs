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

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use tokio::sync::mpsc;

use crate::domain::clock;
use crate::http::auth::Member;
use crate::http::event_stream::{forward, EventBody, ServeClosing, BUFFER};
use crate::http::problem::ApiProblem;
use crate::persistence::db::events::Event;
use crate::state::AppState;

pub async fn stream(
    State(state): State<AppState>,
    Member(view): Member,
    serve_closing: Option<Extension<ServeClosing>>,
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
    let serve_closing = serve_closing.map(|Extension(ServeClosing(closing))| closing);
    let (out, body) = mpsc::channel(BUFFER);
    tokio::spawn(forward(start, out, serve_closing, state.heartbeat));
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
