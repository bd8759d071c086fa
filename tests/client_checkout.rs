//! The checkout stand-ins from the client against the live reference server:
//! a top-up grants once per key, and a member is refused. Renewal and a fixed
//! payment are tested over HTTP on the server (`server/tests/http/checkout.rs`):
//! here they would leave the shared server's only expired and past-due demo
//! workspaces active for the suites that need them as seeded.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use credits_core::{BalanceResponse, GrantKind};
use leptos_credits::api::new_idempotency_key;
use leptos_credits::{BalanceAnswer, ClientError, CreditsClient, PurchaseKind};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Only tests/subscription.rs also reads ws_extras, and it compares with the live
// figures, so the top-ups here change nothing another test expects.
const OWNER: &str = "tok_extras_owner";
const WORKSPACE: &str = "ws_extras";

async fn balance(client: &CreditsClient, workspace: &str) -> BalanceResponse {
    match client.balance(workspace, None, None).await {
        Ok(BalanceAnswer::Fresh { balance, .. }) => *balance,
        other => panic!("a fresh balance of {workspace}, got {other:?}"),
    }
}

fn top_up_grants(b: &BalanceResponse) -> usize {
    b.grants
        .iter()
        .filter(|g| g.kind == GrantKind::TopUp)
        .count()
}

#[wasm_bindgen_test]
async fn a_top_up_answers_its_purchase_and_adds_a_top_up_grant() {
    let client = live_client(OWNER);
    let before = balance(&client, WORKSPACE).await;
    let bought = client
        .top_up(WORKSPACE, 500, &new_idempotency_key())
        .await
        .expect("the owner's top-up is bought");
    assert_eq!(bought.purchase.kind, PurchaseKind::TopUp);
    assert_eq!(bought.purchase.credits, 500);
    assert!(
        bought.purchase.id.starts_with("pur_"),
        "{}",
        bought.purchase.id
    );
    assert_eq!(bought.balance, before.balance + 500);
    let after = balance(&client, WORKSPACE).await;
    assert_eq!(after.balance, before.balance + 500);
    assert_eq!(top_up_grants(&after), top_up_grants(&before) + 1);
    assert!(
        after
            .grants
            .iter()
            .any(|g| g.kind == GrantKind::TopUp && g.granted == 500 && g.remaining == 500),
        "a fresh 500-credit top_up grant in {:?}",
        after.grants
    );
}

#[wasm_bindgen_test]
async fn the_same_key_again_answers_the_same_purchase_and_grants_once() {
    let client = live_client(OWNER);
    let key = new_idempotency_key();
    let before = balance(&client, WORKSPACE).await;
    let first = client.top_up(WORKSPACE, 500, &key).await.expect("bought");
    let again = client.top_up(WORKSPACE, 500, &key).await.expect("repeated");
    assert_eq!(again.purchase.id, first.purchase.id);
    let after = balance(&client, WORKSPACE).await;
    assert_eq!(after.balance, before.balance + 500);
    assert_eq!(top_up_grants(&after), top_up_grants(&before) + 1);
}

#[wasm_bindgen_test]
async fn a_members_top_up_is_refused_with_the_role_problem_and_buys_nothing() {
    let member = live_client("tok_pro_member");
    let before = balance(&member, "ws_pro_team").await;
    let refused = member
        .top_up("ws_pro_team", 500, &new_idempotency_key())
        .await
        .expect_err("a member may not top up");
    match &refused {
        ClientError::Refused {
            status: 403,
            problem: Some(p),
        } => assert_eq!(p.code, "role_not_allowed"),
        other => panic!("a 403 role_not_allowed refusal, got {other:?}"),
    }
    let after = balance(&member, "ws_pro_team").await;
    assert_eq!(after.balance, before.balance);
    assert_eq!(after.grants, before.grants);
}
