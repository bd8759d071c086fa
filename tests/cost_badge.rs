//! `CostBadge` in headless Chromium against the live reference server.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::badge_settled;
use common::*;
use leptos::prelude::*;
use leptos_credits::{
    CostBadge, CreditAction, CreditsClient, CreditsProvider, ImageGenerate, Quality,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn badge_mounted(
    client: CreditsClient,
    workspace: &'static str,
    action: Signal<CreditAction>,
) -> Mounted {
    mount_with_provider(client, workspace, move || {
        view! {
            <CostBadge action=action />
        }
    })
}

/// Waits until the badge leaves `loading` and returns its state and text.
async fn settled(m: &Mounted) -> (String, String) {
    badge_settled(m, WAIT).await
}

fn images(quality: Quality, count: u32) -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(quality, count))
}

#[wasm_bindgen_test]
async fn shows_the_servers_cost_and_follows_the_action() {
    let action = RwSignal::new(images(Quality::Standard, 4));
    let m = badge_mounted(live_client("tok_pro_admin"), "ws_pro_team", action.into());

    let (state, shown) = settled(&m).await;
    assert_eq!(state, "ready");
    // The price book charges 4 credits per standard image: 4 × 4.
    assert_eq!(
        shown, "Cost: 16 credits",
        "the badge shows the server's quote for the current settings"
    );

    action.set(images(Quality::High, 16));
    let shown = wait_for("the new cost", WAIT, || {
        let t = text(&by_role(&m.root, "status")?);
        (t != "Cost: 16 credits" && !t.contains('…')).then_some(t)
    })
    .await;
    assert_eq!(
        shown, "Cost: 160 credits",
        "16 high-quality images at 10 credits each"
    );
    let badge = by_role(&m.root, "status").unwrap();
    assert_eq!(
        badge.get_attribute("data-affordable").as_deref(),
        Some("false"),
        "160 credits is more than the team's 120, so the badge marks it unaffordable"
    );
}

#[wasm_bindgen_test]
async fn numbers_go_through_intl() {
    let action = Signal::stored(images(Quality::High, 16));
    let client = live_client("tok_ent_owner");
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace="ws_enterprise" locale="de-DE">
                <CostBadge action=action />
            </CreditsProvider>
        }
    });
    let (_, shown) = settled(&m).await;
    assert_eq!(shown, "Cost: 160 credits");
    // A bigger number shows the locale's grouping: 16 images at 2048×2048 (4 MP) high quality = 640.
    drop(m);
    let big = Signal::stored(CreditAction::ImageGenerate(ImageGenerate {
        model: Some("aurora-2-xl".into()),
        quality: Quality::High,
        count: 16,
        width: 2048,
        height: 2048,
    }));
    let client = live_client("tok_ent_owner");
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace="ws_enterprise" locale="de-DE">
                <CostBadge action=big />
            </CreditsProvider>
        }
    });
    let (_, shown) = settled(&m).await;
    assert_eq!(
        shown, "Cost: 1.280 credits",
        "de-DE groups thousands with a dot"
    );
}

#[wasm_bindgen_test]
async fn zero_cost_actions_say_free() {
    for action in [
        CreditAction::AssetUpload,
        CreditAction::AssetView,
        CreditAction::AssetDownload,
    ] {
        let m = badge_mounted(
            live_client("tok_trial_owner"),
            "ws_trial",
            Signal::stored(action),
        );
        let (state, shown) = settled(&m).await;
        assert_eq!(state, "free");
        assert_eq!(shown, "Cost: Free", "asset actions show Free and no number");
        assert!(!shown.chars().any(|c| c.is_ascii_digit()));
    }
}

#[wasm_bindgen_test]
async fn a_dead_server_shows_the_error_and_retry_without_panicking() {
    let action = Signal::stored(images(Quality::Draft, 1));
    let m = badge_mounted(CreditsClient::new(DEAD_API), "ws_trial", action);
    let (state, shown) = settled(&m).await;
    assert_eq!(state, "error");
    assert!(
        shown.starts_with("Can't reach the credits service"),
        "offline has its own words: {shown}"
    );

    let retry = button(&m.root, "Retry").expect("the error state offers Retry");
    retry.click();
    tick().await;
    let (state, _) = settled(&m).await;
    assert_eq!(
        state, "error",
        "a retry against a dead server fails again, calmly"
    );
}

#[wasm_bindgen_test]
async fn retry_recovers_once_the_service_answers() {
    // The member first points at a dead address; after the host fixes the
    // client, the badge shows the cost without a reload.
    let client = RwSignal::new(CreditsClient::new(DEAD_API).with_token("tok_trial_owner"));
    let action = Signal::stored(images(Quality::Draft, 2));
    let m = mount_with_provider(client, "ws_trial", move || {
        view! {
            <CostBadge action=action />
        }
    });
    let (state, _) = settled(&m).await;
    assert_eq!(state, "error");
    client.set(live_client("tok_trial_owner"));
    let shown = wait_for("the cost after recovery", WAIT, || {
        let badge = by_role(&m.root, "status")?;
        (badge.get_attribute("data-state")? == "ready").then(|| text(&badge))
    })
    .await;
    assert_eq!(shown, "Cost: 2 credits");
}

#[wasm_bindgen_test]
async fn a_refused_token_and_an_invalid_setting_are_errors_with_their_own_words() {
    let action = Signal::stored(images(Quality::Standard, 1));
    let m = badge_mounted(live_client("tok_not_a_member"), "ws_pro_team", action);
    let (state, shown) = settled(&m).await;
    assert_eq!(state, "error");
    assert!(
        shown.starts_with("Sign in again"),
        "401 has its own words: {shown}"
    );
    drop(m);

    let too_many = Signal::stored(images(Quality::Standard, 10_000));
    let m = badge_mounted(live_client("tok_pro_admin"), "ws_pro_team", too_many);
    let (state, shown) = settled(&m).await;
    assert_eq!(state, "error");
    assert!(shown.starts_with("Couldn't get the cost"), "{shown}");
    let value = m
        .root
        .query_selector(".lc-cost-badge__value")
        .unwrap()
        .unwrap();
    assert!(
        value
            .get_attribute("data-detail")
            .unwrap_or_default()
            .contains("count"),
        "the server's detail names the field at fault"
    );
    assert!(button(&m.root, "Retry").is_some());
}

#[wasm_bindgen_test]
async fn a_feature_outside_the_plan_names_the_plan_it_needs() {
    let video = Signal::stored(CreditAction::VideoGenerate(leptos_credits::VideoGenerate {
        model: None,
        quality: Quality::Standard,
        duration_s: 5,
        resolution: leptos_credits::Resolution::P720,
    }));
    let m = badge_mounted(live_client("tok_basic_owner"), "ws_basic_limit", video);
    let (state, shown) = settled(&m).await;
    assert_eq!(state, "blocked");
    assert_eq!(shown, "Cost: Needs Pro");
}

#[wasm_bindgen_test]
async fn outside_a_provider_it_shows_an_error_instead_of_panicking() {
    let action = Signal::stored(images(Quality::Standard, 1));
    let m = mount(move || view! { <CostBadge action=action /> });
    let (state, _) = settled(&m).await;
    assert_eq!(state, "error");
}

/// Issue "Hardening" 15: a cost above the balance was marked by colour alone.
#[wasm_bindgen_test]
async fn an_unaffordable_cost_is_marked_by_a_named_icon_not_colour_alone() {
    // Harbor Lane Photo has 6 credits: 4 standard images (16) are short, 1 draft (1) is not.
    let action = RwSignal::new(images(Quality::Standard, 4));
    let m = badge_mounted(
        live_client("tok_basic_owner"),
        "ws_basic_limit",
        action.into(),
    );
    let (state, _) = settled(&m).await;
    assert_eq!(state, "ready");
    let icon = by_role(&m.root, "img").and_then(|i| i.get_attribute("aria-label"));
    assert_eq!(
        icon.as_deref(),
        Some("more than your balance"),
        "a short badge carries an icon whose text alternative, from the catalogue, says so"
    );
    action.set(images(Quality::Draft, 1));
    wait_for("the affordable cost", WAIT, || {
        query_text(&m.root, ".lc-cost-badge__value")
            .contains("1 credit")
            .then_some(())
    })
    .await;
    assert!(
        by_role(&m.root, "img").is_none(),
        "an affordable cost has no shortfall icon"
    );
}
