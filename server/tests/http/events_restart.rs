//! The balance stream across restarts of the real binary on a file database,
//! on the same port: ids keep increasing and a reconnect with `Last-Event-ID`
//! gets the events it missed, after a clean stop as after a kill.

use std::time::Duration;

use serde_json::{json, Value};
use tokio::process::Child;

use crate::binary::{start, stop};
use crate::sse::Stream;
use crate::support::temp_path;

const PRO: &str = "ws_pro_team";
const MEMBER: &str = "tok_pro_member";

/// A loopback port that was free a moment ago.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

async fn start_on(listen: &str, db: &str) -> (Child, String) {
    start(&["--listen", listen, "--seed-demo", "--db", db]).await
}

/// A spend by the admin; the balance it left.
async fn spend(origin: &str, key: &str) -> Value {
    let r = reqwest::Client::new()
        .post(format!("{origin}/api/v1/workspaces/{PRO}/generations"))
        .bearer_auth("tok_pro_admin")
        .header("idempotency-key", key)
        .json(&json!({"action": "edit.relight", "count": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    r.json::<Value>().await.unwrap()["balance"].clone()
}

#[tokio::test]
async fn ids_survive_a_restart_and_a_reconnect_gets_what_it_missed() {
    let db = temp_path("events.db");
    let db = db.to_str().unwrap().to_owned();
    let listen = format!("127.0.0.1:{}", free_port());
    let (mut child, origin) = start_on(&listen, &db).await;
    let before = spend(&origin, "before").await;
    let mut stream = Stream::open(&origin, PRO, MEMBER, None).await;
    let (seen, data) = stream.balance().await;
    assert_eq!((seen, &data["balance"]), (1, &before));

    // A clean stop ends the open stream, and the server exits.
    stop(&mut child, "-TERM").await;
    assert!(stream.ended_within(Duration::from_secs(5)).await);
    let (mut child, again) = start_on(&listen, &db).await;
    assert_eq!(again, origin, "the same port");
    let missed = spend(&origin, "missed").await;
    let mut stream = Stream::open(&origin, PRO, MEMBER, Some(&seen.to_string())).await;
    let (id, data) = stream.balance().await;
    assert_eq!((id, &data["balance"]), (seen + 1, &missed));
    assert_eq!(stream.next_within(Duration::from_millis(300)).await, None);

    // Killed: nothing flushed on the way out, and still every id and event is kept.
    child.start_kill().unwrap();
    child.wait().await.unwrap();
    let (mut child, _) = start_on(&listen, &db).await;
    let first = spend(&origin, "after-kill-1").await;
    let second = spend(&origin, "after-kill-2").await;
    let mut stream = Stream::open(&origin, PRO, MEMBER, Some(&id.to_string())).await;
    let (a, a_data) = stream.balance().await;
    let (b, b_data) = stream.balance().await;
    assert_eq!((a, &a_data["balance"]), (id + 1, &first));
    assert_eq!((b, &b_data["balance"]), (id + 2, &second));
    stop(&mut child, "-TERM").await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{db}{suffix}"));
    }
}
