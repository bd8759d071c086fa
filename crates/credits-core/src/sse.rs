//! Reading a server-sent events stream (the WHATWG "event stream
//! interpretation"), one chunk at a time: bytes in, events out.
//!
//! Chunks may split anywhere, even inside a UTF-8 character or between the
//! CR and LF of a line end, since lines are found among the bytes before any
//! text is decoded (CR and LF never occur inside a UTF-8 character). An event
//! larger than the parser's limit is skipped whole, so a hostile stream
//! cannot grow memory without bound.

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseEvent {
    /// The stream's last event id when this event was dispatched (the id
    /// to resume from), if any was ever sent.
    pub id: Option<String>,
    /// The `event:` field, `message` when absent.
    pub event: String,
    /// The `data:` lines joined by `\n`.
    pub data: String,
}

/// The default limit on one event (its data and its longest line), in bytes.
pub const DEFAULT_EVENT_LIMIT: usize = 256 * 1024;

/// An incremental parser: feed it chunks with [`SseParser::push`].
#[derive(Debug, Clone)]
pub struct SseParser {
    limit: usize,
    line: Vec<u8>,
    /// The last chunk ended with a CR: an LF starting the next one is the same line end.
    after_cr: bool,
    data: String,
    has_data: bool,
    event: String,
    id: Option<String>,
    /// The id buffer, committed to `id` when an event (or an empty one) ends.
    id_buffer: Option<String>,
    retry_ms: Option<u64>,
    /// The current event passed the limit: its lines are dropped until it ends.
    skipping: bool,
    /// Bytes of the current line were dropped while skipping.
    line_dropped: bool,
    skipped: u64,
}

impl Default for SseParser {
    fn default() -> Self {
        SseParser::new(DEFAULT_EVENT_LIMIT)
    }
}

impl SseParser {
    /// A parser that skips any event whose data or line passes `limit` bytes.
    pub fn new(limit: usize) -> Self {
        SseParser {
            limit: limit.max(1),
            line: Vec::new(),
            after_cr: false,
            data: String::new(),
            has_data: false,
            event: String::new(),
            id: None,
            id_buffer: None,
            retry_ms: None,
            skipping: false,
            line_dropped: false,
            skipped: 0,
        }
    }

    /// A parser resuming after `id` (the `Last-Event-ID` the client sent).
    pub fn resuming(limit: usize, id: Option<String>) -> Self {
        let mut parser = SseParser::new(limit);
        parser.id_buffer = id.clone();
        parser.id = id;
        parser
    }

    /// Reads `chunk`; returns the events it completed, in order.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        let mut events = Vec::new();
        let mut rest = chunk;
        if self.after_cr && !rest.is_empty() {
            self.after_cr = false;
            if let Some(stripped) = rest.strip_prefix(b"\n") {
                rest = stripped;
            }
        }
        while let Some(end) = rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            self.extend_line(&rest[..end]);
            let line = std::mem::take(&mut self.line);
            let dropped = std::mem::take(&mut self.line_dropped);
            if let Some(event) = self.line_done(&line, dropped) {
                events.push(event);
            }
            let is_cr = rest[end] == b'\r';
            rest = &rest[end + 1..];
            if is_cr {
                match rest.first() {
                    Some(b'\n') => rest = &rest[1..],
                    None => self.after_cr = true,
                    Some(_) => {}
                }
            }
        }
        self.extend_line(rest);
        events
    }

    /// The id to resume from (`Last-Event-ID`), as of the last completed event.
    pub fn last_event_id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The last `retry:` the server asked for, in ms.
    pub fn retry_ms(&self) -> Option<u64> {
        self.retry_ms
    }

    /// How many events were skipped for passing the limit.
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    fn extend_line(&mut self, bytes: &[u8]) {
        if self.skipping {
            self.line_dropped |= !bytes.is_empty();
            return;
        }
        if self.line.len() + bytes.len() > self.limit {
            self.skip();
            self.line_dropped = true;
        } else {
            self.line.extend_from_slice(bytes);
        }
    }

    fn skip(&mut self) {
        if !self.skipping {
            self.skipped += 1;
        }
        self.skipping = true;
        self.line = Vec::new();
        self.data = String::new();
        self.has_data = false;
    }

    /// `dropped`: the line had bytes, dropped for the limit (not a blank line).
    fn line_done(&mut self, line: &[u8], dropped: bool) -> Option<SseEvent> {
        if line.is_empty() && !dropped {
            return self.dispatch();
        }
        if self.skipping || line.first() == Some(&b':') {
            return None;
        }
        let line = String::from_utf8_lossy(line);
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line.as_ref(), ""),
        };
        match field {
            "data" => {
                if self.data.len() + value.len() + 1 > self.limit {
                    self.skip();
                } else {
                    self.data.push_str(value);
                    self.data.push('\n');
                    self.has_data = true;
                }
            }
            "event" => self.event = value.to_owned(),
            "id" if !value.contains('\0') => self.id_buffer = Some(value.to_owned()),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                self.retry_ms = value.parse().ok();
            }
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<SseEvent> {
        let skipped = std::mem::take(&mut self.skipping);
        self.id.clone_from(&self.id_buffer);
        let event = std::mem::take(&mut self.event);
        let mut data = std::mem::take(&mut self.data);
        if skipped || !std::mem::take(&mut self.has_data) {
            return None;
        }
        data.pop();
        Some(SseEvent {
            id: self.id.clone(),
            event: if event.is_empty() {
                "message".to_owned()
            } else {
                event
            },
            data,
        })
    }
}

#[cfg(test)]
#[path = "sse_tests.rs"]
mod tests;
