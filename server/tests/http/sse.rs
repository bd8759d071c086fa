//! Reading the balance stream (`GET .../events`) as a client would: the
//! response's bytes, split into server-sent events.

use std::time::Duration;

use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use serde_json::Value;
use tokio::time::timeout;

/// One block of the stream (the text between blank lines).
#[derive(Debug, Clone, PartialEq)]
pub enum Frame {
    Retry(u64),
    Comment(String),
    Event { id: i64, event: String, data: Value },
}

impl Frame {
    /// The event's id and data; panics on anything else.
    pub fn balance(self) -> (i64, Value) {
        match self {
            Frame::Event { id, event, data } if event == "balance" => (id, data),
            other => panic!("a balance event, not {other:?}"),
        }
    }
}

pub struct Stream {
    response: reqwest::Response,
    buffer: String,
}

/// Opens the stream of `workspace` as `token` (none when `None`), with this `Last-Event-ID`.
pub async fn request(
    origin: &str,
    workspace: &str,
    token: Option<&str>,
    last_event_id: Option<&str>,
) -> reqwest::Response {
    let url = format!("{origin}/api/v1/workspaces/{workspace}/events");
    let mut req = reqwest::Client::new().get(url);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    if let Some(id) = last_event_id {
        req = req.header("last-event-id", id);
    }
    req.send().await.unwrap()
}

impl Stream {
    /// Opens the stream and checks its headers and its first frame (`retry: 2000`).
    pub async fn open(origin: &str, workspace: &str, token: &str, last: Option<&str>) -> Stream {
        let response = request(origin, workspace, Some(token), last).await;
        assert_eq!(response.status(), 200);
        let h = response.headers();
        assert_eq!(h[CONTENT_TYPE], "text/event-stream");
        assert_eq!(h[CACHE_CONTROL], "no-cache");
        assert_eq!(h["x-accel-buffering"], "no");
        let mut stream = Stream {
            response,
            buffer: String::new(),
        };
        assert_eq!(stream.next().await, Frame::Retry(2000));
        stream
    }

    /// The next frame, within 5 s.
    pub async fn next(&mut self) -> Frame {
        self.next_within(Duration::from_secs(5))
            .await
            .expect("a frame within 5 s")
    }

    /// The next balance event's id and data, within 5 s.
    pub async fn balance(&mut self) -> (i64, Value) {
        self.next().await.balance()
    }

    /// The next frame, or `None` when none comes within `wait` (or the stream ended).
    pub async fn next_within(&mut self, wait: Duration) -> Option<Frame> {
        timeout(wait, self.read_frame()).await.ok().flatten()
    }

    /// Whether the server ended the stream within `wait` (frames before the end skipped).
    pub async fn ended_within(&mut self, wait: Duration) -> bool {
        timeout(wait, async { while self.read_frame().await.is_some() {} })
            .await
            .is_ok()
    }

    async fn read_frame(&mut self) -> Option<Frame> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                return Some(parse(block.trim_end_matches('\n')));
            }
            let chunk = self.response.chunk().await.ok()??;
            self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }
}

fn parse(block: &str) -> Frame {
    if let Some(comment) = block.strip_prefix(':') {
        assert!(!comment.contains('\n'), "one comment line: {block:?}");
        return Frame::Comment(comment.trim().to_owned());
    }
    if let Some(retry) = block.strip_prefix("retry: ") {
        return Frame::Retry(retry.parse().unwrap());
    }
    let (mut id, mut event, mut data) = (None, None, None);
    for line in block.lines() {
        let (field, value) = line.split_once(": ").expect("field: value");
        match field {
            "id" => id = Some(value.parse().unwrap()),
            "event" => event = Some(value.to_owned()),
            "data" => {
                assert!(data.is_none(), "one data line: {block:?}");
                data = Some(serde_json::from_str(value).unwrap());
            }
            other => panic!("unexpected field {other}: {block:?}"),
        }
    }
    Frame::Event {
        id: id.expect("an id"),
        event: event.expect("an event name"),
        data: data.expect("data"),
    }
}
