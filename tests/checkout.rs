//! `use_checkout` in headless Chromium against the live reference server,
//! each test on its own fork of a demo workspace (a purchase changes it).
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::{fork_workspace, TestClient};
use common::*;
use leptos::prelude::*;
use leptos_credits::{
    use_balance, use_checkout, CheckoutState, CreditsClient, Order, PlanComparison,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

/// A host's "Buy" button for `order`, the balance, and where the order stands.
#[component]
fn Shop(order: Order) -> impl IntoView {
    let checkout = use_checkout();
    let balance = use_balance();
    let label = format!("Buy {order:?}");
    let stands = move || match checkout.state.get() {
        CheckoutState::Idle => "idle".to_owned(),
        CheckoutState::Working(_) => "working".to_owned(),
        CheckoutState::Done(_, p) => format!("done {}", p.balance),
        CheckoutState::Failed(_, e) => {
            format!("failed {}", e.problem().map_or("-", |p| p.code.as_str()))
        }
    };
    view! {
        <button
            disabled=move || checkout.state.get().is_working()
            on:click=move |_| checkout.order.run(order.clone())
        >
            {label}
        </button>
        <p class="balance">{move || balance.state.get().credits().map(|n| n.to_string())}</p>
        <p class="stands">{stands}</p>
    }
}

fn shop(client: CreditsClient, workspace: &str, order: Order) -> Mounted {
    mount_with_provider(
        client,
        workspace.to_owned(),
        move || view! { <Shop order=order /> },
    )
}

async fn stands(m: &Mounted, wanted: &str) {
    wait_for(wanted, WAIT, || {
        (query_text(&m.root, ".stands") == wanted).then_some(())
    })
    .await;
}

async fn balance_is(m: &Mounted, wanted: u64) {
    let wanted = wanted.to_string();
    wait_for("the balance", WAIT, || {
        (query_text(&m.root, ".balance") == wanted).then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_clicked_top_up_buys_the_pack_once_and_the_shared_balance_shows_it() {
    let ws = fork_workspace("ws_pro_team").await;
    let m = shop(
        live_client("tok_pro_admin"),
        &ws,
        Order::TopUp { credits: 1000 },
    );
    balance_is(&m, 120).await;
    let buy = button(&m.root, "Buy TopUp { credits: 1000 }").expect("the buy button");
    buy.click();
    buy.click();
    stands(&m, "done 1120").await;
    balance_is(&m, 1120).await;
    // The second click came while the first was under way: one purchase.
    let again = live_client("tok_pro_admin").balance(&ws, None, None).await;
    let Ok(leptos_credits::BalanceAnswer::Fresh { balance, .. }) = again else {
        panic!("{again:?}");
    };
    assert_eq!(balance.balance, 1120);
}

#[wasm_bindgen_test]
async fn a_failed_order_says_why_and_the_same_order_again_buys_it_once() {
    let ws = fork_workspace("ws_pro_team").await;
    let spy = TestClient::new("checkout-retry");
    let m = shop(
        spy.client("tok_pro_admin"),
        &ws,
        Order::TopUp { credits: 500 },
    );
    balance_is(&m, 120).await;
    // Queued once the balance is shown and live, so the order's own four tries fail.
    spy.wait_for_stream().await;
    spy.fail(&[503, 503, 503, 503]).await;
    let buy = button(&m.root, "Buy TopUp { credits: 500 }").expect("the buy button");
    buy.click();
    stands(&m, "failed test_injected").await;
    balance_is(&m, 120).await;
    buy.click();
    stands(&m, "done 620").await;
    balance_is(&m, 620).await;
    assert_eq!(spy.requests_to("POST", "/top-ups").await, 5);
}

#[wasm_bindgen_test]
async fn a_member_s_order_is_refused_and_nothing_is_bought() {
    let ws = fork_workspace("ws_pro_team").await;
    let m = shop(
        live_client("tok_pro_member"),
        &ws,
        Order::TopUp { credits: 1000 },
    );
    balance_is(&m, 120).await;
    button(&m.root, "Buy TopUp { credits: 1000 }")
        .expect("the buy button")
        .click();
    stands(&m, "failed role_not_allowed").await;
    sleep(300).await;
    assert_eq!(query_text(&m.root, ".balance"), "120");
}

#[wasm_bindgen_test]
async fn after_a_clicked_upgrade_the_plan_comparison_marks_the_new_plan_current() {
    let ws = fork_workspace("ws_basic_limit").await;
    let m = mount_with_provider(live_client("tok_basic_owner"), ws, move || {
        view! {
            <Shop order=Order::ChangePlan(leptos_credits::PlanId::Pro) />
            <PlanComparison />
        }
    });
    let current = || {
        query(&m.root, "[aria-current]")
            .map(|e| text(&e))
            .unwrap_or_default()
    };
    wait_for("Basic is current", WAIT, || {
        current().contains("Basic").then_some(())
    })
    .await;
    button(&m.root, "Buy ChangePlan(Pro)")
        .expect("the buy button")
        .click();
    wait_for("Pro is current", WAIT, || {
        current().contains("Pro").then_some(())
    })
    .await;
    balance_is(&m, 4006).await;
}
