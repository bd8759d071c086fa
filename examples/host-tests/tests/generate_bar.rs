//! The app's generate bar in headless Chromium against the reference server
//! (`credits-server --listen 127.0.0.1:0 --seed-demo`), whose `/api` URL is
//! compiled in from `CREDITS_TEST_API`. Run by `cargo xtask test` (step
//! `host-tests`); by hand, see the README's "Testing your integration".
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use host_tests::GenerateBar;
use leptos::prelude::*;
use leptos_credits::testing::*;
use leptos_credits::{
    BalanceAnswer, CreditAction, CreditsClient, ImageGenerate, Quality, QuoteItem,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

/// A client for the reference server, as the member `token`.
fn client(token: &str) -> CreditsClient {
    // Compiled in: the wasm test cannot read the environment when it runs.
    let Some(api) = option_env!("CREDITS_TEST_API") else {
        panic!("set CREDITS_TEST_API to the reference server's /api URL when building the tests")
    };
    CreditsClient::new(api).with_token(token)
}

fn images(count: u32) -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, count))
}

/// What the server quotes for `action` in `workspace`.
async fn quoted(token: &str, workspace: &str, action: CreditAction) -> u64 {
    let answer = client(token).quote(workspace, &[action]).await;
    match answer.map(|a| a.items.into_iter().next()) {
        Ok(Some(QuoteItem::Quoted(quote))) => quote.credits,
        other => panic!("the server's quote: {other:?}"),
    }
}

/// The balance the server holds for `workspace`.
async fn server_balance(token: &str, workspace: &str) -> u64 {
    match client(token).balance(workspace, None, None).await {
        Ok(BalanceAnswer::Fresh { balance, .. }) => balance.balance,
        other => panic!("the server's balance: {other:?}"),
    }
}

/// The balance the bar shows, once it is known.
async fn shown_balance(m: &Mounted) -> u64 {
    wait_for("the balance", WAIT, || {
        text(&by_role_named(m, "status", "Balance")?).parse().ok()
    })
    .await
}

#[wasm_bindgen_test]
async fn the_badge_shows_the_servers_quote_and_follows_the_image_count() {
    let (four, eight) = (
        quoted("tok_ent_owner", "ws_enterprise", images(4)).await,
        quoted("tok_ent_owner", "ws_enterprise", images(8)).await,
    );
    let m = mount_with_provider(client("tok_ent_owner"), "ws_enterprise", || {
        view! { <GenerateBar /> }
    });
    wait_for_text(&m, &format!("Cost: {four} credits"), WAIT).await;
    fill(&m, "Images", "8").expect("the Images field");
    wait_for_text(&m, &format!("Cost: {eight} credits"), WAIT).await;
}

#[wasm_bindgen_test]
async fn pressing_enter_on_generate_charges_the_quote_and_the_balance_drops_by_it() {
    let cost = quoted("tok_ent_owner", "ws_enterprise", images(4)).await;
    let m = mount_with_provider(client("tok_ent_owner"), "ws_enterprise", || {
        view! { <GenerateBar /> }
    });
    let before = shown_balance(&m).await;
    wait_for_text(&m, &format!("Cost: {cost} credits"), WAIT).await;
    let generate = button(&m, "Generate").expect("a Generate button");
    focus(&generate).expect("Generate takes focus");
    press("Enter").expect("Enter is pressed");
    wait_for_text(&m, &format!("Charged {cost} credits"), WAIT).await;
    wait_for("the balance to drop by the cost", WAIT, || {
        let now = text(&by_role_named(&m, "status", "Balance")?);
        (now == (before - cost).to_string()).then_some(())
    })
    .await;
    assert_eq!(
        server_balance("tok_ent_owner", "ws_enterprise").await,
        before - cost,
        "the server spent what the bar shows"
    );
}

#[wasm_bindgen_test]
async fn an_empty_workspace_is_refused_with_the_shortfall_and_nothing_is_spent() {
    let cost = quoted("tok_free_owner", "ws_free_empty", images(4)).await;
    let before = server_balance("tok_free_owner", "ws_free_empty").await;
    let m = mount_with_provider(client("tok_free_owner"), "ws_free_empty", || {
        view! { <GenerateBar /> }
    });
    let shown = shown_balance(&m).await;
    assert_eq!(shown, before, "the bar shows the server's balance");
    wait_for_text(&m, &format!("Cost: {cost} credits"), WAIT).await;
    let generate = button(&m, "Generate").expect("a Generate button");
    click(&generate).expect("Generate is clickable");
    let short = cost - before;
    let why = format!("You need {short} more credits than you have.");
    wait_for_text(&m, &why, WAIT).await;
    let last = by_role_named(&m, "status", "Last generation").expect("the outcome line");
    assert_eq!(text(&last), "", "no generation was asked for");
    assert_eq!(
        server_balance("tok_free_owner", "ws_free_empty").await,
        before,
        "nothing was spent"
    );
}
