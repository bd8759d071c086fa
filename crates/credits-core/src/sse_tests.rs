use super::*;

fn ev(id: Option<&str>, event: &str, data: &str) -> SseEvent {
    SseEvent {
        id: id.map(str::to_owned),
        event: event.to_owned(),
        data: data.to_owned(),
    }
}

/// Every way of cutting `input` in two or three gives the same events as reading it whole.
fn all_splits(input: &[u8]) -> Vec<SseEvent> {
    let whole = SseParser::default().push(input);
    for i in 0..=input.len() {
        for j in i..=input.len() {
            let mut p = SseParser::default();
            let mut got = p.push(&input[..i]);
            got.extend(p.push(&input[i..j]));
            got.extend(p.push(&input[j..]));
            assert_eq!(got, whole, "split at {i} and {j} of {input:?}");
        }
    }
    whole
}

#[test]
fn the_table_of_streams_gives_these_events_however_the_chunks_fall() {
    let table: &[(&str, &[u8], Vec<SseEvent>)] = &[
        (
            "the server's balance event",
            b"retry: 2000\n\nid: 42\nevent: balance\ndata: {\"balance\":5}\n\n",
            vec![ev(Some("42"), "balance", "{\"balance\":5}")],
        ),
        (
            "multi-line data joins with LF",
            b"data: one\ndata: two\ndata:three\n\n",
            vec![ev(None, "message", "one\ntwo\nthree")],
        ),
        (
            "CRLF line ends",
            b"id: 1\r\nevent: balance\r\ndata: x\r\n\r\n",
            vec![ev(Some("1"), "balance", "x")],
        ),
        (
            "CR line ends",
            b"id: 1\revent: balance\rdata: x\r\rdata: y\r\r",
            vec![ev(Some("1"), "balance", "x"), ev(Some("1"), "message", "y")],
        ),
        (
            "comments and heartbeats dispatch nothing",
            b": keep-alive\n\n: keep-alive\n\ndata: a\n: inside\n\n",
            vec![ev(None, "message", "a")],
        ),
        (
            "no trailing blank line: the event is not dispatched yet",
            b"data: a\n\ndata: unfinished\n",
            vec![ev(None, "message", "a")],
        ),
        (
            "only one leading space is stripped; a field with no colon is empty",
            b"data:  two spaces\ndata\n\n",
            vec![ev(None, "message", " two spaces\n")],
        ),
        (
            "an empty data line dispatches empty data; the event type resets after each event",
            b"event: balance\ndata:\n\ndata: b\n\n",
            vec![ev(None, "balance", ""), ev(None, "message", "b")],
        ),
        (
            "unknown fields and an id with NUL are ignored; the id carries to later events",
            b"foo: bar\nid: 7\ndata: a\n\nid: 8\x00\ndata: b\n\n",
            vec![ev(Some("7"), "message", "a"), ev(Some("7"), "message", "b")],
        ),
        (
            "an empty id clears it",
            b"id: 3\ndata: a\n\nid\ndata: b\n\n",
            vec![ev(Some("3"), "message", "a"), ev(Some(""), "message", "b")],
        ),
        (
            "UTF-8 text, split anywhere",
            "data: Grüße, 日本語 🎉\n\n".as_bytes(),
            vec![ev(None, "message", "Grüße, 日本語 🎉")],
        ),
        (
            "a byte-order-less stream of invalid UTF-8 is read lossily, not refused",
            b"data: \xff\xfe\n\n",
            vec![ev(None, "message", "\u{fffd}\u{fffd}")],
        ),
    ];
    for (name, input, expected) in table {
        assert_eq!(&all_splits(input), expected, "{name}");
    }
}

#[test]
fn a_crlf_split_between_chunks_is_one_line_end() {
    let mut p = SseParser::default();
    assert!(p.push(b"data: a\r").is_empty());
    assert!(
        p.push(b"\n").is_empty(),
        "the LF after the CR is not an empty line"
    );
    assert_eq!(p.push(b"\r\n"), vec![ev(None, "message", "a")]);
}

#[test]
fn retry_is_kept_only_when_it_is_all_digits() {
    let mut p = SseParser::default();
    p.push(b"retry: 2000\n\n");
    assert_eq!(p.retry_ms(), Some(2000));
    p.push(b"retry: 10s\nretry:\nretry: -1\n\n");
    assert_eq!(p.retry_ms(), Some(2000));
}

#[test]
fn the_last_event_id_is_committed_when_an_event_ends() {
    let mut p = SseParser::resuming(1024, Some("41".into()));
    assert_eq!(p.last_event_id(), Some("41"));
    p.push(b"id: 42\ndata: x\n");
    assert_eq!(p.last_event_id(), Some("41"), "not until the blank line");
    p.push(b"\n");
    assert_eq!(p.last_event_id(), Some("42"));
    p.push(b"id: 43\n\n");
    assert_eq!(
        p.last_event_id(),
        Some("43"),
        "an id-only event moves it too"
    );
}

#[test]
fn an_event_over_the_limit_is_skipped_and_the_next_one_read() {
    let mut p = SseParser::new(64);
    let big = format!("data: {}\n\n", "x".repeat(100));
    let many_lines = "data: 0123456789\n".repeat(10) + "\n";
    let mut got = Vec::new();
    for chunk in [big.as_bytes(), many_lines.as_bytes(), b"data: small\n\n"] {
        // Byte by byte: the line buffer must not grow past the limit either.
        for b in chunk {
            got.extend(p.push(std::slice::from_ref(b)));
            assert!(p.line.len() <= 64 && p.data.len() <= 64);
        }
    }
    assert_eq!(got, vec![ev(None, "message", "small")]);
    assert_eq!(p.skipped(), 2);
    // The same, each piece in one chunk.
    let mut p = SseParser::new(64);
    assert!(p.push(big.as_bytes()).is_empty());
    assert!(p.push(many_lines.as_bytes()).is_empty());
    assert_eq!(
        p.push(b"data: small\n\n"),
        vec![ev(None, "message", "small")]
    );
}

#[test]
fn an_endless_line_never_grows_memory() {
    let mut p = SseParser::new(1024);
    for _ in 0..10_000 {
        assert!(p.push(&[b'a'; 100]).is_empty());
    }
    assert!(p.line.capacity() <= 2048, "{}", p.line.capacity());
    assert_eq!(p.push(b"\n\ndata: ok\n\n"), vec![ev(None, "message", "ok")]);
}
