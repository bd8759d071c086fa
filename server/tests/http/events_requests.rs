//! The balance stream's `requests` notice: asking for credits, declining and
//! granting a request tell every open stream of the workspace to read the
//! requests again, with no id (notices are not stored, so not resumed).

use std::time::Duration;

use serde_json::{json, Value};

use crate::sse::{Frame, Stream};
use crate::support::{created, Server};

const PRO: &str = "ws_pro_team";
const ADMIN: &str = "tok_pro_admin";
const MEMBER: &str = "tok_pro_member";

fn notice() -> Frame {
    Frame::Notice {
        event: "requests".into(),
        data: json!({}),
    }
}

async fn ask(s: &Server, key: &str, credits: u64) -> Value {
    let body = json!({ "credits": credits });
    created(s.check_out(PRO, "requests", MEMBER, key, &body).await).await
}

#[tokio::test]
async fn asking_declining_and_granting_a_request_notify_every_open_stream_without_an_id() {
    let s = Server::demo().await;
    let mut admin = Stream::open(&s.origin, PRO, ADMIN, None).await;
    let mut member = Stream::open(&s.origin, PRO, MEMBER, None).await;
    let (first, _) = admin.balance().await;
    member.balance().await;

    let asked = ask(&s, "ask-1", 500).await;
    for stream in [&mut admin, &mut member] {
        assert_eq!(stream.next().await, notice(), "asked");
    }

    let id = asked["id"].as_str().unwrap();
    let note = json!({"note": "next month"});
    let declined = s
        .check_out(PRO, &format!("requests/{id}/decline"), ADMIN, "d-1", &note)
        .await;
    assert_eq!(declined.status(), 200);
    for stream in [&mut admin, &mut member] {
        assert_eq!(stream.next().await, notice(), "declined");
    }

    let again = ask(&s, "ask-2", 300).await;
    for stream in [&mut admin, &mut member] {
        assert_eq!(stream.next().await, notice(), "asked again");
    }
    let top_up = json!({"credits": 500, "request": again["id"]});
    created(s.check_out(PRO, "top-ups", ADMIN, "t-1", &top_up).await).await;
    let mut granted = 0;
    for stream in [&mut admin, &mut member] {
        let (id, data) = stream.balance().await;
        assert_eq!(id, first + 1, "the top-up's balance event first");
        assert_eq!(data["balance"], s.balance_ok(PRO, ADMIN).await["balance"]);
        assert_eq!(stream.next().await, notice(), "granted");
        granted = id;
    }

    // Resuming after the grant's event: the notices were not kept.
    let mut resumed = Stream::open(&s.origin, PRO, MEMBER, Some(&granted.to_string())).await;
    let more = resumed.next_within(Duration::from_millis(300)).await;
    assert_eq!(more, None, "nothing missed: notices are not resumed");
}
