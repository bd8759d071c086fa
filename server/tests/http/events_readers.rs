//! Readers of the balance stream that do not keep up: an idle one gets
//! heartbeats, and one that never reads neither slows a spend nor keeps the
//! server's memory: it is disconnected once its small buffer is full.

use std::time::{Duration, Instant};

use credits_core::checkout::MAX_TOP_UP;
use credits_server::Config;
use serde_json::json;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpSocket;

use crate::events::wait_until;
use crate::sse::{Frame, Stream};
use crate::support::Server;

const ENT: &str = "ws_enterprise";
const OWNER: &str = "tok_ent_owner";

#[tokio::test]
async fn an_idle_stream_gets_a_keep_alive_comment_every_heartbeat() {
    let s = Server::start(Config {
        seed_demo: true,
        heartbeat_ms: Some(200),
        ..Config::default()
    })
    .await;
    let mut stream = Stream::open(&s.origin, ENT, OWNER, None).await;
    stream.balance().await;
    let started = Instant::now();
    for _ in 0..3 {
        let beat = stream.next_within(Duration::from_millis(1_000)).await;
        assert_eq!(beat, Some(Frame::Comment("keep-alive".into())));
    }
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(550),
        "one per 200 ms: {took:?}"
    );

    // The default is 15 s: nothing in the first half second.
    let s = Server::demo().await;
    let mut stream = Stream::open(&s.origin, ENT, OWNER, None).await;
    stream.balance().await;
    assert_eq!(stream.next_within(Duration::from_millis(500)).await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_that_never_reads_neither_slows_spends_nor_stays_open() {
    let s = Server::demo().await;
    let open = || s.state.store.event_hub().open_streams(ENT);
    // Ten top-ups: ten grants and ten purchases make each event some 4 KB.
    for i in 0..10 {
        let body = json!({"credits": MAX_TOP_UP});
        let r = s
            .check_out(ENT, "top-ups", OWNER, &format!("t{i}"), &body)
            .await;
        assert_eq!(r.status(), 201);
    }
    // A client with a tiny receive window that sends its request and never reads.
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let addr = s.origin.trim_start_matches("http://").parse().unwrap();
    let mut stalled = socket.connect(addr).await.unwrap();
    let request = format!(
        "GET /api/v1/workspaces/{ENT}/events HTTP/1.1\r\nHost: {addr}\r\n\
         Authorization: Bearer {OWNER}\r\n\r\n"
    );
    stalled.write_all(request.as_bytes()).await.unwrap();
    wait_until(|| open() == 1).await;

    // The server holds at most `BUFFER` frames and hyper's write buffer for it; the
    // kernel's socket buffers (4 MiB at most on Linux) fill first. Some 1,000 events
    // of 4 KB fill them all: then the stream must be closed.
    let mut slowest = Duration::ZERO;
    let mut spends = 0;
    while open() == 1 {
        assert!(spends < 3_000, "still open after {spends} spends");
        let started = Instant::now();
        let body = json!({"action": "edit.relight", "count": 1});
        let key = format!("stalled-{spends}");
        let r = s.generate(ENT, OWNER, Some(&key), &body).await;
        assert_eq!(r.status(), 201);
        slowest = slowest.max(started.elapsed());
        spends += 1;
    }
    eprintln!("stalled reader dropped after {spends} spends; slowest spend {slowest:?}");
    assert!(slowest < Duration::from_millis(500), "{slowest:?}");
    drop(stalled);
}
