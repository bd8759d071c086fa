//! `LowBalanceBanner` in headless Chromium against the live reference server.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::*;
use leptos::prelude::*;
use leptos_credits::LowBalanceBanner;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn banner(
    token: &'static str,
    workspace: &'static str,
    next_cost: Option<u64>,
    dismissed: RwSignal<u32>,
) -> Mounted {
    let client = live_client(token);
    mount_with_provider(client, workspace, move || {
        view! {
            <LowBalanceBanner
                next_cost=next_cost
                on_dismiss=Callback::new(move |()| dismissed.update(|n| *n += 1))
            />
        }
    })
}

fn forget_dismissals() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.clear();
    }
}

async fn shown(m: &Mounted) -> Element {
    wait_for("the banner", WAIT, || {
        query(&m.root, ".lc-low-balance__inner")
    })
    .await
}

/// Lets the balance arrive, then says whether a banner is up.
async fn settles_to_nothing(m: &Mounted) {
    sleep(600).await;
    tick().await;
    assert!(
        query(&m.root, ".lc-low-balance__inner").is_none(),
        "no banner: {}",
        text(&m.root)
    );
}

#[wasm_bindgen_test]
async fn the_team_workspace_under_its_threshold_is_warned_with_the_reset_date_and_can_dismiss_it_for_the_cycle(
) {
    forget_dismissals();
    let dismissed = RwSignal::new(0);
    let m = banner("tok_pro_member", "ws_pro_team", None, dismissed);
    let b = shown(&m).await;
    let status = by_role(&m.root, "status").expect("a status region");
    assert!(status.contains(Some(&b)), "the banner is a quiet status");
    let t = text(&b);
    assert!(t.contains("120 credits left."), "{t}");
    let back = comes_back_in("tok_pro_member", "ws_pro_team").await;
    assert!(back.starts_with("in "), "{back}");
    assert!(
        t.contains(&format!("Your credits come back {back}, on ")),
        "{t}"
    );
    button(&m.root, "Dismiss").expect("dismiss").click();
    tick().await;
    assert_eq!(dismissed.get_untracked(), 1);
    assert!(text(&m.root).is_empty(), "dismissed");
    drop(m);
    // Remembered for this workspace's cycle, across pages.
    let again = banner("tok_pro_admin", "ws_pro_team", None, dismissed);
    settles_to_nothing(&again).await;
    forget_dismissals();
}

#[wasm_bindgen_test]
async fn dismissing_the_threshold_warning_never_hides_that_the_next_action_needs_more() {
    forget_dismissals();
    let dismissed = RwSignal::new(0);
    // ws_pro_team has 120 credits, under its threshold; the host's next action changes.
    let next = RwSignal::new(Some(16u64));
    let client = live_client("tok_pro_admin");
    let m = mount_with_provider(client, "ws_pro_team", move || {
        view! {
            <LowBalanceBanner
                next_cost=next
                on_dismiss=Callback::new(move |()| dismissed.update(|n| *n += 1))
            />
        }
    });
    let t = text(&shown(&m).await);
    assert!(
        t.contains("120 credits left."),
        "the threshold warning: {t}"
    );
    button(&m.root, "Dismiss").expect("dismiss").click();
    tick().await;
    assert_eq!(dismissed.get_untracked(), 1);
    assert!(
        text(&m.root).is_empty(),
        "the threshold warning is dismissed"
    );
    // The person picks settings that cost more than the balance.
    next.set(Some(400));
    let b = shown(&m).await;
    let t = text(&b);
    assert!(t.contains("less than the 400 credits this needs"), "{t}");
    assert!(
        button(&m.root, "Dismiss").is_none(),
        "this warning has no Dismiss: {}",
        b.outer_html()
    );
    // Back to settings that fit: the dismissed threshold warning stays away.
    next.set(Some(16));
    settles_to_nothing(&m).await;
    assert_eq!(dismissed.get_untracked(), 1);
    forget_dismissals();
}

#[wasm_bindgen_test]
async fn plenty_of_credits_show_nothing_unless_the_next_action_costs_more() {
    forget_dismissals();
    let dismissed = RwSignal::new(0);
    let quiet = banner("tok_ent_owner", "ws_enterprise", None, dismissed);
    settles_to_nothing(&quiet).await;
    drop(quiet);
    let m = banner(
        "tok_ent_owner",
        "ws_enterprise",
        Some(10_000_000),
        dismissed,
    );
    let t = text(&shown(&m).await);
    assert!(
        t.contains("less than the 10,000,000 credits this needs"),
        "{t}"
    );
}

#[wasm_bindgen_test]
async fn without_local_storage_it_still_dismisses_without_failing() {
    forget_dismissals();
    let hide = js_sys::Function::new_no_args(
        "try { window.__lcLs = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new Error('denied'); } }); \
         return true; } catch (e) { return false; }",
    );
    let hidden = hide
        .call0(&wasm_bindgen::JsValue::NULL)
        .ok()
        .and_then(|v| v.as_bool());
    let dismissed = RwSignal::new(0);
    let m = banner("tok_basic_owner", "ws_basic_limit", None, dismissed);
    let t = text(&shown(&m).await);
    assert!(t.contains("6 credits left."), "{t}");
    button(&m.root, "Dismiss").expect("dismiss").click();
    tick().await;
    assert!(text(&m.root).is_empty(), "dismissed for this page");
    if hidden == Some(true) {
        let restore = js_sys::Function::new_no_args(
            "if (window.__lcLs) { Object.defineProperty(window, 'localStorage', window.__lcLs); } \
             else { delete window.localStorage; }",
        );
        let _ = restore.call0(&wasm_bindgen::JsValue::NULL);
    }
    forget_dismissals();
}
