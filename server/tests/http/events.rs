//! The balance stream, `GET /api/v1/workspaces/{workspace}/events`: a spend
//! reaches every member's open stream, a reconnect resumes after its
//! `Last-Event-ID`, and bad requests get problems.

use std::time::Duration;

use serde_json::Value;

use crate::sse::{request, Frame, Stream};
use crate::support::{assert_problem, created, images, Server};

const PRO: &str = "ws_pro_team";
const ADMIN: &str = "tok_pro_admin";
const MEMBER: &str = "tok_pro_member";

async fn spend(s: &Server, key: &str) -> Value {
    created(s.generate(PRO, ADMIN, Some(key), &images("draft", 1)).await).await
}

#[tokio::test]
async fn a_spend_reaches_another_members_open_stream_as_their_balance() {
    let s = Server::demo().await;
    let mut stream = Stream::open(&s.origin, PRO, MEMBER, None).await;
    let (first_id, first) = stream.balance().await;
    assert_eq!(first_id, 0, "no change yet");
    assert_eq!(first, s.balance_ok(PRO, MEMBER).await, "the balance now");

    let spent = spend(&s, "live-1").await;
    let (id, data) = stream.balance().await;
    let after = s.balance_ok(PRO, MEMBER).await;
    assert!(id > first_id, "{id} after {first_id}");
    assert_eq!(data, after, "exactly what GET balance answers the member");
    assert_eq!(data["member"]["id"], "u_kim", "the reader, not the spender");
    assert_eq!(data["balance"], spent["balance"]);
    assert_eq!(
        data["balance"].as_u64().unwrap() + 1,
        first["balance"].as_u64().unwrap()
    );

    // The spender's own stream says the same with its own member.
    let mut own = Stream::open(&s.origin, PRO, ADMIN, None).await;
    let (own_id, own_data) = own.balance().await;
    assert_eq!(own_id, id, "the latest id");
    assert_eq!(own_data, s.balance_ok(PRO, ADMIN).await);
}

#[tokio::test]
async fn a_reconnect_with_last_event_id_gets_exactly_the_missed_events_in_order() {
    let s = Server::demo().await;
    spend(&s, "before").await;
    let mut stream = Stream::open(&s.origin, PRO, MEMBER, None).await;
    let (seen, _) = stream.balance().await;
    drop(stream);
    let first = spend(&s, "missed-1").await;
    let second = spend(&s, "missed-2").await;

    let last = seen.to_string();
    let mut stream = Stream::open(&s.origin, PRO, MEMBER, Some(&last)).await;
    let (a, a_data) = stream.balance().await;
    let (b, b_data) = stream.balance().await;
    assert!(seen < a && a < b, "{seen} < {a} < {b}");
    assert_eq!(a_data["balance"], first["balance"]);
    assert_eq!(b_data["balance"], second["balance"]);
    assert_eq!(b_data, s.balance_ok(PRO, MEMBER).await);
    let more = stream.next_within(Duration::from_millis(300)).await;
    assert_eq!(more, None, "nothing else, no duplicate");

    // Live events follow the replayed ones, and nothing is sent twice.
    let third = spend(&s, "live").await;
    let (c, c_data) = stream.balance().await;
    assert!(c > b);
    assert_eq!(c_data["balance"], third["balance"]);

    // Up to date already: no event until the next change.
    let mut current = Stream::open(&s.origin, PRO, MEMBER, Some(&c.to_string())).await;
    assert_eq!(current.next_within(Duration::from_millis(300)).await, None);
}

#[tokio::test]
async fn no_token_or_another_workspace_are_problems() {
    let s = Server::demo().await;
    let r = request(&s.origin, PRO, None, None).await;
    assert_problem(r, 401, "unauthorized", None).await;
    let r = request(&s.origin, PRO, Some("tok_nobody"), None).await;
    assert_problem(r, 401, "unauthorized", None).await;
    let r = request(&s.origin, "ws_trial", Some(ADMIN), None).await;
    assert_problem(r, 404, "not_found", None).await;
    let r = request(&s.origin, "ws_nope", Some(ADMIN), None).await;
    assert_problem(r, 404, "not_found", None).await;
}

#[tokio::test]
async fn a_bad_last_event_id_counts_as_absent() {
    let s = Server::demo().await;
    spend(&s, "one").await;
    spend(&s, "two").await;
    let mut fresh = Stream::open(&s.origin, PRO, MEMBER, None).await;
    let (latest, now) = fresh.balance().await;
    assert_eq!(latest, 2);
    // Past the latest id (a reset database), not a number, negative, huge, empty.
    for bad in ["3", "abc", "-1", "99999999999999999999999", "1.5", ""] {
        let mut stream = Stream::open(&s.origin, PRO, MEMBER, Some(bad)).await;
        assert_eq!(stream.balance().await, (latest, now.clone()), "{bad:?}");
        let more = stream.next_within(Duration::from_millis(100)).await;
        assert_eq!(more, None, "{bad:?}: only the balance now");
    }
}

#[tokio::test]
async fn a_client_that_disconnects_leaves_no_stream_behind() {
    let s = Server::demo().await;
    let hub = s.state.store.clone();
    let open = move || hub.event_hub().open_streams(PRO);
    assert_eq!(open(), 0);
    let mut a = Stream::open(&s.origin, PRO, MEMBER, None).await;
    let mut b = Stream::open(&s.origin, PRO, ADMIN, None).await;
    a.balance().await;
    b.balance().await;
    assert_eq!(open(), 2);
    drop(a);
    wait_until(|| open() == 1).await;
    // The other stream still gets events.
    spend(&s, "after-a").await;
    assert!(matches!(b.next().await, Frame::Event { .. }));
    drop(b);
    wait_until(|| open() == 0).await;
    spend(&s, "after-both").await;
    assert_eq!(open(), 0);
}

/// Waits up to 5 s for `done`.
pub async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("not within 5 s");
}
