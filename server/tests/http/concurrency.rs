//! Many spends at once: exactly the affordable ones succeed, and the balance never goes below zero.

use std::sync::Arc;

use serde_json::Value;
use tokio::task::JoinSet;

use crate::support::{images, Server};

/// Fires `n` generations at once (keys from `key(i)`); their statuses and bodies.
async fn race(
    s: &Arc<Server>,
    n: usize,
    body: Value,
    key: fn(usize) -> String,
) -> Vec<(u16, Value)> {
    let mut set = JoinSet::new();
    for i in 0..n {
        let (s, body) = (s.clone(), body.clone());
        set.spawn(async move {
            let r = s
                .generate("ws_pro_team", "tok_pro_admin", Some(&key(i)), &body)
                .await;
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        });
    }
    set.join_all().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_fifty_racing_spends_take_exactly_the_affordable_number() {
    let s = Arc::new(Server::demo().await);
    // 120 credits, 4 per standard image: 30 spends fit.
    let answers = race(&s, 250, images("standard", 1), |i| format!("race-{i}")).await;
    let ok: Vec<&Value> = answers
        .iter()
        .filter(|(st, _)| *st == 201)
        .map(|(_, b)| b)
        .collect();
    let refused = answers
        .iter()
        .filter(|(st, b)| *st == 402 && b["code"] == "insufficient_credits");
    assert_eq!(ok.len(), 30, "exactly 120 / 4 spends succeed");
    assert_eq!(
        refused.count(),
        220,
        "every other one is a 402, never a 5xx"
    );
    let mut after: Vec<u64> = ok.iter().map(|b| b["balance"].as_u64().unwrap()).collect();
    after.sort_unstable();
    assert_eq!(
        after,
        (0..30).map(|k| k * 4).collect::<Vec<_>>(),
        "each spend saw its own balance"
    );
    assert_eq!(
        s.balance_ok("ws_pro_team", "tok_pro_admin").await["balance"],
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_spends_that_do_not_divide_the_balance_leave_the_remainder() {
    let s = Arc::new(Server::demo().await);
    // 16 images × 4 = 64 credits each: one fits in 120, the second does not.
    let answers = race(&s, 200, images("standard", 16), |i| format!("big-{i}")).await;
    assert_eq!(answers.iter().filter(|(st, _)| *st == 201).count(), 1);
    assert_eq!(answers.iter().filter(|(st, _)| *st == 402).count(), 199);
    for (status, body) in answers.iter().filter(|(st, _)| *st == 402) {
        assert_eq!((*status, body["balance"].as_u64()), (402, Some(56)));
        assert_eq!(body["reason"], "shared_pool_exhausted");
    }
    assert_eq!(
        s.balance_ok("ws_pro_team", "tok_pro_admin").await["balance"],
        56
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_key_raced_fifty_times_spends_once() {
    let s = Arc::new(Server::demo().await);
    let answers = race(&s, 50, images("standard", 2), |_| "one-key".to_owned()).await;
    assert!(answers.iter().all(|(st, _)| *st == 201), "{answers:?}");
    let first = &answers[0].1;
    assert!(
        answers.iter().all(|(_, b)| b == first),
        "every answer is the first one"
    );
    assert_eq!(first["balance"], 112);
    assert_eq!(
        s.balance_ok("ws_pro_team", "tok_pro_admin").await["balance"],
        112
    );
}
