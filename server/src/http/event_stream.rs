//! The balance stream's moving parts (see `routes::events`): the task that
//! forwards a workspace's events to one reader, the response body it feeds,
//! and what ends it when the server stops.
//!
//! The task writes into a buffer of [`BUFFER`] frames that the body drains as
//! the connection can take them. Live events and heartbeats never wait for
//! room: a full buffer means the reader fell behind, and the stream is closed
//! (the reader comes back with `Last-Event-ID`), so a write never waits on it.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Bytes;
use http_body::Frame;
use tokio::sync::{mpsc, watch};
use tokio::time::{interval_at, Instant, MissedTickBehavior};

use crate::http::routes::events::frame;
use crate::persistence::event_hub::Notice;
use crate::persistence::store::StreamStart;

/// Frames a stream's buffer holds for a reader that is behind; one more closes it.
pub const BUFFER: usize = 32;
const RETRY: &[u8] = b"retry: 2000\n\n";
const KEEP_ALIVE: &[u8] = b": keep-alive\n\n";
/// No `id`: it is not stored, and leaves the reader's `Last-Event-ID` as it was.
const REQUESTS: &[u8] = b"event: requests\ndata: {}\n\n";

/// Set by `crate::serve` on the requests it serves: changes when that listener
/// shuts down, so its streams end and the graceful shutdown can finish (and a
/// second listener, like the test hooks' flaky one, ends only its own).
#[derive(Clone)]
pub struct ServeClosing(pub watch::Receiver<bool>);

/// What ends a stream besides its reader: the store closing every stream
/// (`EventHub::close_all`), or the listener it came through shutting down.
struct Closing {
    all: watch::Receiver<bool>,
    serve: Option<watch::Receiver<bool>>,
}

impl Closing {
    /// Whether the stream should end already.
    fn now(&self) -> bool {
        *self.all.borrow() || self.serve.as_ref().is_some_and(|s| *s.borrow())
    }

    /// Completes when the stream should end.
    async fn wait(&mut self) {
        let serve = async {
            match &mut self.serve {
                Some(serve) => {
                    let _ = serve.wait_for(|closing| *closing).await;
                }
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = self.all.wait_for(|closing| *closing) => {},
            () = serve => {},
        }
    }
}

/// The stream's task: its first events, then live ones and heartbeats, until the
/// reader goes, falls behind, or the server stops.
pub async fn forward(
    start: StreamStart,
    out: mpsc::Sender<Bytes>,
    serve: Option<watch::Receiver<bool>>,
    heartbeat: Duration,
) {
    let StreamStart {
        first,
        subscription,
        member,
    } = start;
    let mut live = subscription.events;
    let mut closing = Closing {
        all: subscription.closing,
        serve,
    };
    if closing.now() {
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
            () = closing.wait() => return,
            () = out.closed() => return,
            received = live.recv() => match received.as_deref() {
                Ok(Notice::Balance(event)) if event.seq > last => {
                    last = event.seq;
                    frame(event, &member)
                }
                Ok(Notice::Balance(_)) => continue,
                Ok(Notice::Requests) => Bytes::from_static(REQUESTS),
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
async fn send(out: &mpsc::Sender<Bytes>, bytes: Bytes, closing: &mut Closing) -> bool {
    tokio::select! {
        sent = out.send(bytes) => sent.is_ok(),
        () = closing.wait() => false,
    }
}

/// The response body: what the stream's task sends, as it comes.
pub struct EventBody(pub mpsc::Receiver<Bytes>);

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
