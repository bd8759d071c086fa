//! Every kind of write that changes the balance answer sends a balance event:
//! the checkout's four (top-up, plan change, renewal, payment fix) and the
//! test hook that sets a plan, each the reader's balance right after.

use serde_json::{json, Value};

use crate::sse::Stream;
use crate::support::{created, Server};

/// Opens `workspace`'s stream as `token`, runs `write`, and checks the one event
/// it sends: the next id, and exactly the balance `token` is answered after.
async fn one_event_for(s: &Server, workspace: &str, token: &str, write: impl AsyncFnOnce()) {
    let mut stream = Stream::open(&s.origin, workspace, token, None).await;
    let (before, _) = stream.balance().await;
    write().await;
    let (id, data) = stream.balance().await;
    assert_eq!(id, before + 1, "{workspace}");
    assert_eq!(data, s.balance_ok(workspace, token).await, "{workspace}");
}

async fn check_out(s: &Server, ws: &str, what: &str, token: &str, body: Value) -> Value {
    created(s.check_out(ws, what, token, what, &body).await).await
}

#[tokio::test]
async fn each_checkout_and_the_plan_hook_send_the_balance_after_it() {
    let (s, _) = Server::with_hooks().await;
    let (pro, admin, member) = ("ws_pro_team", "tok_pro_admin", "tok_pro_member");
    one_event_for(&s, pro, member, async || {
        check_out(&s, pro, "top-ups", admin, json!({"credits": 500})).await;
    })
    .await;
    one_event_for(&s, pro, member, async || {
        let bought = check_out(&s, pro, "plan", admin, json!({"plan": "basic"})).await;
        assert_eq!(bought["kind"], "downgrade", "{bought}");
    })
    .await;
    assert_eq!(
        s.balance_ok(pro, member).await["pending_plan_change"]["plan"],
        "basic"
    );
    let (expired, owner) = ("ws_expired", "tok_expired_owner");
    one_event_for(&s, expired, owner, async || {
        check_out(&s, expired, "renewal", owner, json!({})).await;
    })
    .await;
    let (past_due, owner) = ("ws_past_due", "tok_past_due_owner");
    one_event_for(&s, past_due, owner, async || {
        check_out(&s, past_due, "payment-method", owner, json!({})).await;
    })
    .await;
    one_event_for(&s, "ws_trial", "tok_trial_owner", async || {
        let r = s
            .client
            .post(s.api("/_test/workspaces/ws_trial/plan"))
            .json(&json!({"plan": "pro"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
    })
    .await;
}
