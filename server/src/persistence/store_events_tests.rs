//! The store's balance events: a scheduled downgrade's, and where a stream
//! starts when the events it missed are no longer kept.

use credits_core::{MemberRef, PlanId};

use super::*;
use crate::domain::catalog::Catalog;
use crate::domain::checkout::Op;
use crate::domain::clock::DAY;
use crate::persistence::db::checkout::CheckoutRequest;
use crate::persistence::db::events::{member_json, Event};
use crate::persistence::event_hub::Notice;

const T0: i64 = 1_795_550_400;

fn demo_store() -> Store {
    let store = Store::open(None).unwrap();
    let seed = crate::domain::demo_data::demo_seed(T0).unwrap();
    store.seed_if_empty(&seed).unwrap();
    store
}

#[test]
fn a_scheduled_downgrade_sends_an_event_when_it_takes_effect() {
    let store = demo_store();
    let mut live = store.event_hub().subscribe("ws_pro_team").events;
    let downgrade = CheckoutRequest {
        workspace_id: "ws_pro_team".into(),
        member: MemberRef {
            id: "u_ari".into(),
            name: "Ari".into(),
        },
        idempotency_key: "k".into(),
        fingerprint: "f".into(),
        op: Op::ChangePlan(PlanId::Basic),
        now: T0,
        request: None,
    };
    store
        .check_out(&downgrade, &Catalog::shipped().unwrap())
        .unwrap();
    let scheduled = balance(live.try_recv().unwrap());
    assert_eq!(scheduled.seq, 1);
    assert!(scheduled.body.contains("\"pending_plan_change\""));
    store.settle("ws_pro_team", T0 + 40 * DAY).unwrap();
    let applied = balance(live.try_recv().unwrap());
    assert_eq!(applied.seq, 2);
    assert!(
        applied.body.contains("\"plan\":\"basic\""),
        "{}",
        applied.body
    );
    assert!(!applied.body.contains("\"pending_plan_change\""));
}

fn balance(notice: std::sync::Arc<Notice>) -> Event {
    match std::sync::Arc::into_inner(notice) {
        Some(Notice::Balance(event)) => event,
        other => panic!("a balance event, not {other:?}"),
    }
}

fn spend_at(store: &Store, i: usize, now: i64) {
    let spend = SpendRequest {
        workspace_id: "ws_enterprise".into(),
        member_id: "u_elena".into(),
        idempotency_key: format!("k{i}"),
        fingerprint: "f".into(),
        action_id: "edit.relight",
        cost: 2,
        now,
    };
    store.spend(&spend).unwrap();
}

#[test]
fn a_stream_resumes_while_its_events_are_kept_and_starts_afresh_after() {
    let store = demo_store();
    for i in 0..1_100 {
        spend_at(&store, i, T0);
    }
    let start = |seen| {
        let start = store.stream_start("u_elena", "ws_enterprise", seen, T0 + 2 * DAY);
        start.unwrap().unwrap().first
    };
    let seqs = |events: Vec<Event>| events.iter().map(|e| e.seq).collect::<Vec<_>>();
    // All younger than a day: every event after 5 is kept.
    assert_eq!(seqs(start(Some(5))), (6..=1_100).collect::<Vec<_>>());
    for i in 1_100..1_200 {
        spend_at(&store, i, T0 + 2 * DAY);
    }
    // Events 1 to 200 are gone: the balance now, under the latest id.
    let fresh = start(Some(5));
    assert_eq!(seqs(fresh.clone()), [1_200]);
    let view = store.member_view("u_elena", "ws_enterprise").unwrap();
    let now = crate::http::routes::balance::balance(&view, T0 + 2 * DAY);
    let member = member_json(&view.member);
    assert_eq!(
        fresh[0].data_for(&member),
        serde_json::to_string(&now).unwrap()
    );
    assert_eq!(
        seqs(start(Some(1_150))),
        (1_151..=1_200).collect::<Vec<_>>()
    );
    assert_eq!(seqs(start(Some(1_200))), Vec::<i64>::new());
    assert_eq!(seqs(start(Some(1_201))), [1_200], "past the latest");
    assert_eq!(seqs(start(None)), [1_200]);
    assert!(store
        .stream_start("u_elena", "ws_pro_team", None, T0)
        .unwrap()
        .is_none());
}
