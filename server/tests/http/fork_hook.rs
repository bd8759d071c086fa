//! `POST /api/_test/workspaces/{ws}/fork` (`--test-hooks`): a copy the same
//! tokens reach, that changes without changing the original.

use serde_json::{json, Value};

use crate::support::{assert_problem, created, images, Server};

async fn fork(s: &Server, ws: &str) -> reqwest::Response {
    let url = s.api(&format!("/_test/workspaces/{ws}/fork"));
    s.client.post(url).send().await.unwrap()
}

async fn usage_ids(s: &Server, ws: &str, token: &str) -> Vec<Value> {
    let r = s
        .client
        .get(s.workspace_url(ws, "usage"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let page: Value = r.json().await.unwrap();
    let items = page["items"].as_array().unwrap();
    items.iter().map(|i| i["id"].clone()).collect()
}

/// The balance answer without what differs between a copy and its original.
fn same_parts(balance: &Value) -> Value {
    let grants: Vec<Value> = balance["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| json!([g["kind"], g["granted"], g["remaining"], g["expires_at"]]))
        .collect();
    json!({
        "plan": balance["plan"], "status": balance["status"], "balance": balance["balance"],
        "cycle": balance["cycle"], "admins": balance["admins"], "grants": grants,
    })
}

#[tokio::test]
async fn a_fork_answers_like_its_original_for_the_same_tokens_and_changes_alone() {
    let (s, _) = Server::with_hooks().await;
    let (ws, admin, member) = ("ws_pro_team", "tok_pro_admin", "tok_pro_member");
    let copy = created(fork(&s, ws).await).await;
    assert_eq!(copy, json!({"workspace": "ws_pro_team-f1"}));
    let second = created(fork(&s, ws).await).await;
    assert_eq!(second["workspace"], "ws_pro_team-f2", "each fork is new");
    let f = "ws_pro_team-f1";
    let original = s.balance_ok(ws, member).await;
    assert_eq!(
        same_parts(&s.balance_ok(f, member).await),
        same_parts(&original)
    );
    // The history is copied, under new generation ids.
    let (old_ids, new_ids) = (
        usage_ids(&s, ws, admin).await,
        usage_ids(&s, f, admin).await,
    );
    assert_eq!(old_ids.len(), new_ids.len());
    assert!(!old_ids.is_empty() && old_ids.iter().all(|id| !new_ids.contains(id)));
    // Spending and buying in the fork leave the original as it was.
    let spent = created(
        s.generate(f, admin, Some("k1"), &images("standard", 1))
            .await,
    )
    .await;
    let spent = spent["credits_charged"].as_u64().unwrap();
    assert!(spent > 0);
    created(
        s.check_out(f, "top-ups", admin, "t1", &json!({"credits": 1000}))
            .await,
    )
    .await;
    let after = s.balance_ok(f, admin).await;
    assert_eq!(
        after["balance"],
        original["balance"].as_u64().unwrap() - spent + 1000
    );
    assert_eq!(
        s.balance_ok(ws, admin).await["balance"],
        original["balance"]
    );
    assert_eq!(usage_ids(&s, ws, admin).await, old_ids);
}

#[tokio::test]
async fn forking_needs_the_hooks_and_an_existing_workspace() {
    let (s, _) = Server::with_hooks().await;
    assert_problem(fork(&s, "ws_nope").await, 404, "not_found", None).await;
    let outsider = s.balance("ws_pro_team-f1", "tok_pro_admin").await;
    assert_eq!(outsider.status(), 404, "no fork until one is asked for");
    let plain = Server::demo().await;
    assert_problem(fork(&plain, "ws_pro_team").await, 404, "not_found", None).await;
    assert_eq!(
        plain
            .balance("ws_pro_team-f1", "tok_pro_admin")
            .await
            .status(),
        404
    );
}
