//! Two people on one shared pool, each on their own provider: a member whose
//! Generate is refused (the prompt, with no host hooks) and who sees their own
//! credit requests, and an owner or admin who sees and answers them on the
//! Subscription page.
#![allow(dead_code)]

use leptos::prelude::*;
use std::time::Duration;

use leptos_credits::testing::{mount_with_provider, wait_for, Mounted};
use leptos_credits::{
    use_balance, CreditAction, CreditRequests, CreditsClient, GenerateButton, NewCreditRequest,
    OutOfCreditsPrompt, Refusal, SubscriptionBalance,
};

use leptos_credits::api::new_idempotency_key;

use super::hooks::{fork_workspace, TestClient};
use super::live_client;

/// The member's page: Generate, the prompt it opens, the balance and their requests.
pub fn member_page(client: CreditsClient, workspace: &str, action: CreditAction) -> Mounted {
    let workspace = workspace.to_owned();
    mount_with_provider(
        client,
        workspace,
        move || view! { <Member action=action /> },
    )
}

/// The owner's or admin's Subscription page: the balance and the requests.
pub fn admin_page(client: CreditsClient, workspace: &str) -> Mounted {
    mount_with_provider(client, workspace.to_owned(), || {
        view! {
            <SubscriptionBalance />
            <CreditRequests />
        }
    })
}

#[component]
fn Member(action: CreditAction) -> impl IntoView {
    let balance = use_balance();
    let refusal = RwSignal::new(None::<Refusal>);
    let refused = super::shop::refuse_into(balance, refusal, Signal::stored(action.clone()));
    view! {
        <GenerateButton action=action on_generate=Callback::new(|_| {}) on_refused=refused />
        <OutOfCreditsPrompt refusal=refusal on_close=Callback::new(move |()| refusal.set(None)) />
        <SubscriptionBalance />
        <CreditRequests />
    }
}

/// An admin's page on a fresh fork of the Pro team's pool, as a test client
/// named `tag`: once it shows "0 requests" and its balance stream is open,
/// so what the client asks next is what a test is about.
pub async fn settled_admin_page(tag: &str, admin: &str) -> (String, TestClient, Mounted) {
    let ws = fork_workspace("ws_pro_team").await;
    let tc = TestClient::new(tag);
    let page = admin_page(tc.client(admin), &ws);
    wait_for("no request yet", Duration::from_secs(10), || {
        (heading(&page.root) == "0 requests").then_some(())
    })
    .await;
    tc.wait_for_stream().await;
    (ws, tc, page)
}

/// The requests list's heading ("2 requests", "Your requests").
pub fn heading(root: &web_sys::Element) -> String {
    leptos_credits::testing::query_text(root, ".lc-requests__title")
}

/// A request by `member` for 100 credits, through the API.
pub async fn ask(workspace: &str, member: &str) -> leptos_credits::CreditRequest {
    let ask = NewCreditRequest {
        credits: Some(100),
        ..NewCreditRequest::default()
    };
    live_client(member)
        .ask_for_credits(workspace, &ask, &new_idempotency_key())
        .await
        .expect("the request is sent")
}

/// `n` requests by `member` for credits through the API, each declined by `admin`.
pub async fn ask_and_decline(workspace: &str, member: &str, admin: &str, n: usize) {
    let answerer = live_client(admin);
    for _ in 0..n {
        let asked = ask(workspace, member).await;
        answerer
            .decline_request(workspace, &asked.id, None, &new_idempotency_key())
            .await
            .expect("the request is declined");
    }
}
