//! Every way out that buys, clicked as a person would in headless Chromium,
//! through the library's own checkout (no host hooks) against the live
//! reference server, each test on its own fork of a demo workspace.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::{fork_workspace, TestClient};
use common::shop::shop;
use common::*;
use credits_core::BalanceResponse;
use leptos_credits::{BalanceAnswer, CreditAction, ImageGenerate, Quality};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

async fn server_balance(token: &str, ws: &str) -> BalanceResponse {
    match live_client(token).balance(ws, None, None).await {
        Ok(BalanceAnswer::Fresh { balance, .. }) => *balance,
        other => panic!("the balance of {ws}: {other:?}"),
    }
}

fn dialog(root: &Element) -> Option<Element> {
    query(root, ".lc-prompt__dialog")
}

fn way(root: &Element, way: &str) -> Option<HtmlElement> {
    query(root, &format!("[data-way-out={way}]"))?
        .dyn_into()
        .ok()
}

/// Clicks Generate once its verdict is one of `states`; returns the verdict.
async fn click_generate(root: &Element, states: &[&str]) -> String {
    let (now, b) = wait_for(&format!("Generate {states:?}"), WAIT, || {
        let now = query(root, ".lc-generate")?.get_attribute("data-affordability")?;
        states.contains(&now.as_str()).then_some(())?;
        Some((now, query(root, ".lc-generate__button")?))
    })
    .await;
    click(&b).expect("Generate is clickable");
    now
}

async fn status_is(root: &Element, wanted: &str) {
    wait_for(wanted, WAIT, || {
        (query_text(root, ".shop-status") == wanted).then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_basic_owner_upgrades_from_the_feature_prompt_and_the_video_generates_with_no_stale_needs_pro(
) {
    let ws = fork_workspace("ws_basic_limit").await;
    let m = shop(live_client("tok_basic_owner"), &ws, video());
    wait_for("the badge's Needs Pro", WAIT, || {
        query_text(&m.root, ".lc-cost-badge")
            .contains("Needs Pro")
            .then_some(())
    })
    .await;
    click_generate(&m.root, &["blocked"]).await;
    let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
    assert_eq!(
        d.get_attribute("data-reason").as_deref(),
        Some("feature_not_in_plan")
    );
    let up = wait_for("Upgrade to Pro", WAIT, || button(&d, "Upgrade to Pro")).await;
    up.click();
    wait_for("the prompt to close", WAIT, || {
        dialog(&m.root).is_none().then_some(())
    })
    .await;
    let cost = server_quote(&ws, &video()).await;
    let badge = try_wait_for("the badge's cost", WAIT, || {
        let badge = query_text(&m.root, ".lc-cost-badge");
        (badge.ends_with(&format!(" {cost} credits")) && !badge.contains("Needs")).then_some(())
    })
    .await;
    assert!(
        badge.is_ok(),
        "the badge says {:?}, not {cost} credits",
        query_text(&m.root, ".lc-cost-badge")
    );
    click_generate(&m.root, &["affordable", "low"]).await;
    status_is(&m.root, &format!("generated {cost}")).await;
    let after = server_balance("tok_basic_owner", &ws).await;
    assert_eq!(after.plan.as_str(), "pro");
    assert_eq!(
        after.balance,
        4006 - cost,
        "Pro's 5,000 less the 994 used, less the video"
    );
    let page = text(&m.root);
    assert!(
        !page.contains("Needs Pro"),
        "nothing still says Needs Pro: {page}"
    );
    assert!(
        query(&m.root, "[data-plan=pro][aria-current]").is_some(),
        "the plans mark Pro current"
    );
}

async fn server_quote(ws: &str, action: &CreditAction) -> u64 {
    let answer = live_client("tok_basic_owner")
        .quote(ws, std::slice::from_ref(action))
        .await
        .expect("a quote");
    match &answer.items[0] {
        leptos_credits::QuoteItem::Quoted(q) => q.credits,
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_pro_admin_a_little_short_buys_the_top_up_offered_first_then_generates_and_sees_the_grant(
) {
    let ws = fork_workspace("ws_pro_team").await;
    let sixteen = CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 16));
    let m = shop(live_client("tok_pro_admin"), &ws, sixteen);
    click_generate(&m.root, &["short"]).await;
    let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
    // The usage is read: the prompt says whose spend emptied the pool.
    wait_for_text_containing(&d, &["Jonas Weber used the most"], WAIT).await;
    let top = wait_for("the top-up", WAIT, || way(&d, "top_up")).await;
    assert!(top.class_name().contains("--primary"), "offered first");
    let pack: u64 = text(&top)
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("the pack in the label");
    top.click();
    wait_for("the prompt to close", WAIT, || {
        dialog(&m.root).is_none().then_some(())
    })
    .await;
    click_generate(&m.root, &["affordable", "low"]).await;
    status_is(&m.root, "generated 160").await;
    let after = server_balance("tok_pro_admin", &ws).await;
    assert_eq!(after.balance, 120 + pack - 160);
    let grant = wait_for("the top-up grant", WAIT, || {
        query(&m.root, ".lc-subscription__grant[data-kind=top_up]")
    })
    .await;
    assert!(
        text(&grant).contains(&format!("of {}", credits_text(pack))),
        "the grant shows the pack: {}",
        text(&grant)
    );
    let bought = wait_for("the purchase", WAIT, || {
        query(&m.root, ".lc-subscription__purchase[data-kind=top_up]")
    })
    .await;
    assert_eq!(
        query_text(&bought, ".lc-subscription__purchase-what"),
        format!("Top-up of {} credits", credits_text(pack))
    );
    assert!(
        query_text(&bought, ".lc-subscription__purchase-by").ends_with(", Ari"),
        "who bought it: {}",
        text(&bought)
    );
}

/// A count as the provider of `mount_with_provider` (en-US) writes it.
fn credits_text(n: u64) -> String {
    leptos_credits::intl::format_count(n, Some("en-US"))
}

#[wasm_bindgen_test]
async fn a_member_sees_no_purchase_button_and_the_names_of_whom_to_ask() {
    let ws = fork_workspace("ws_pro_team").await;
    let sixteen = CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 16));
    let m = shop(live_client("tok_pro_member"), &ws, sixteen);
    click_generate(&m.root, &["short"]).await;
    let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
    let said =
        wait_for_text_containing(&d, &["Ask Jonas Weber or Ari to add credits."], WAIT).await;
    // Asking an admin is the member's way out; nothing is bought.
    assert!(
        query(&d, "[data-way-out]:not([data-way-out=ask_admin])").is_none(),
        "no purchase in the prompt: {said}"
    );
    assert!(query(&d, "[data-way-out=ask_admin]").is_some(), "{said}");
    wait_for_text_containing(
        &m.root,
        &["Ask Jonas Weber or Ari to change the plan."],
        WAIT,
    )
    .await;
    assert!(
        query(&m.root, ".lc-plans__upgrade").is_none(),
        "no upgrade on the plans"
    );
}

#[wasm_bindgen_test]
async fn an_expired_owner_renews_from_the_subscription_page_and_the_credits_appear() {
    let ws = fork_workspace("ws_expired").await;
    let m = shop(live_client("tok_expired_owner"), &ws, video());
    wait_for("the ended plan card", WAIT, || {
        (query_text(&m.root, "[data-plan=pro] .lc-plans__current") == "Your plan, ended")
            .then_some(())
    })
    .await;
    let renew = wait_for("Renew Pro", WAIT, || {
        query(&m.root, ".lc-subscription__remedy [data-way-out=renew]")
    })
    .await;
    assert_eq!(text(&renew), "Renew Pro");
    click(&renew).expect("Renew is clickable");
    let after = wait_for("the renewed balance", WAIT, || {
        let said = query_text(&m.root, ".lc-subscription__bought");
        said.starts_with("Done: 5,000 credits added")
            .then_some(said)
    })
    .await;
    let b = server_balance("tok_expired_owner", &ws).await;
    assert_eq!(b.status.as_str(), "active");
    assert!(
        after.ends_with(&format!(
            "the balance is now {} credits.",
            credits_text(b.balance)
        )),
        "{after}"
    );
    wait_for("the figures", WAIT, || {
        (query_text(&m.root, ".lc-subscription__balance-value") == credits_text(b.balance))
            .then_some(())
    })
    .await;
    assert!(
        query(&m.root, ".lc-subscription__remedy [data-way-out]").is_none(),
        "nothing left to renew"
    );
    wait_for("Current plan", WAIT, || {
        (query_text(&m.root, "[data-plan=pro] .lc-plans__current") == "Current plan").then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_past_due_owner_updates_the_payment_method_and_the_credits_appear() {
    let ws = fork_workspace("ws_past_due").await;
    let m = shop(live_client("tok_past_due_owner"), &ws, video());
    let fix = wait_for("Update payment method", WAIT, || {
        query(
            &m.root,
            ".lc-subscription__remedy [data-way-out=fix_payment]",
        )
    })
    .await;
    assert_eq!(text(&fix), "Update payment method");
    click(&fix).expect("the button is clickable");
    wait_for("the credits", WAIT, || {
        query_text(&m.root, ".lc-subscription__bought")
            .starts_with("Done: 1,000 credits added")
            .then_some(())
    })
    .await;
    let b = server_balance("tok_past_due_owner", &ws).await;
    assert_eq!(
        (b.status.as_str(), b.payment_method.as_str()),
        ("active", "ok")
    );
    wait_for("the new balance", WAIT, || {
        (query_text(&m.root, ".lc-subscription__balance-value") == credits_text(b.balance))
            .then_some(())
    })
    .await;
    assert_eq!(
        query(&m.root, ".lc-subscription__plan")
            .and_then(|p| p.get_attribute("data-status"))
            .as_deref(),
        Some("active")
    );
}

#[wasm_bindgen_test]
async fn a_failed_purchase_in_the_prompt_is_announced_the_prompt_stays_and_the_retry_buys_once() {
    let ws = fork_workspace("ws_pro_team").await;
    let spy = TestClient::new("prompt-retry");
    let sixteen = CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 16));
    let m = shop(spy.client("tok_pro_admin"), &ws, sixteen);
    click_generate(&m.root, &["short"]).await;
    let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
    wait_for_text_containing(&d, &["Jonas Weber used the most"], WAIT).await;
    wait_for("the top-up", WAIT, || way(&d, "top_up")).await;
    // Queued once the page has read what it needs: the order's four tries fail.
    sleep(300).await;
    spy.wait_for_stream().await;
    spy.fail(&[503, 503, 503, 503]).await;
    way(&d, "top_up").expect("the top-up").click();
    let alert = try_wait_for("the failure", WAIT, || {
        query(&d, ".lc-prompt__failed[role=alert]")
    })
    .await;
    let Ok(alert) = alert else {
        let asked: Vec<String> = spy
            .requests()
            .await
            .iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect();
        panic!(
            "no failure shown; the page says {:?}; asked {asked:?}",
            text(&m.root)
        );
    };
    assert!(
        text(&alert).starts_with("That did not go through"),
        "{}",
        text(&alert)
    );
    assert!(dialog(&m.root).is_some(), "the prompt stays open");
    assert_eq!(
        server_balance("tok_pro_admin", &ws).await.balance,
        120,
        "nothing bought"
    );
    way(&d, "top_up").expect("the top-up, still there").click();
    wait_for("the prompt to close", WAIT, || {
        dialog(&m.root).is_none().then_some(())
    })
    .await;
    assert_eq!(
        spy.requests_to("POST", "/top-ups").await,
        5,
        "four failed tries, one that bought"
    );
    assert!(
        server_balance("tok_pro_admin", &ws).await.balance > 120,
        "bought once"
    );
}
