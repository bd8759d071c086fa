//! The shared balance in headless Chromium against the live reference server:
//! ETag revalidation, refresh after a generation, never zero while unknown,
//! a stale mark when a refresh fails.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::*;
use common::*;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_credits::{
    use_balance, CreditAction, CreditsClient, CreditsProvider, ImageGenerate, Quality,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(15);

/// A host's balance corner: the number, its state, Refresh and Generate.
#[component]
fn Corner() -> impl IntoView {
    let balance = use_balance();
    let result = RwSignal::new(String::new());
    let generate = move |_| {
        let Some(store) = balance.store else { return };
        spawn_local(async move {
            let action = CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 2));
            let said = match store.generate(&action).await {
                Ok(g) => format!("charged {}", g.credits_charged),
                Err(e) => e.kind().to_owned(),
            };
            result.set(said);
        });
    };
    view! {
        <output aria-label="Balance" data-state=move || balance.state.get().as_str()>
            {move || balance.state.get().credits().map(|n| n.to_string())}
        </output>
        <button on:click=move |_| balance.refresh.run(())>"Refresh"</button>
        <button on:click=generate>"Generate"</button>
        <p aria-label="Result">{move || result.get()}</p>
    }
}

fn corner(client: CreditsClient, workspace: &'static str) -> Mounted {
    mount_with_provider(client, workspace, move || {
        view! {
            <Corner />
        }
    })
}

/// The balance output's (`data-state`, text).
fn shown(m: &Mounted) -> Option<(String, String)> {
    let out = m.root.query_selector("[aria-label=\"Balance\"]").ok()??;
    Some((out.get_attribute("data-state")?, text(&out)))
}

async fn ready(m: &Mounted) -> u64 {
    wait_for("a known balance", WAIT, || match shown(m)? {
        (state, n) if state == "ready" => n.parse().ok(),
        _ => None,
    })
    .await
}

#[wasm_bindgen_test]
async fn a_304_keeps_the_balance() {
    let spy = FetchSpy::install(false);
    let tc = TestClient::new("etag");
    let m = corner(tc.client("tok_pro_admin"), "ws_pro_team");
    let first = ready(&m).await;
    button(&m.root, "Refresh")
        .expect("a Refresh button")
        .click();
    wait_for("the revalidation", WAIT, || {
        (spy.statuses("/balance") == [200, 304]).then_some(())
    })
    .await;
    tick().await;
    assert_eq!(
        ready(&m).await,
        first,
        "a 304 confirms the figures: the same balance stays shown"
    );
    assert_eq!(tc.requests_to("GET", "/balance").await, 2);
}

#[wasm_bindgen_test]
async fn a_generation_refreshes_the_balance() {
    let tc = TestClient::new("generate");
    let m = corner(tc.client("tok_ent_owner"), "ws_enterprise");
    let before = ready(&m).await;
    tc.forget().await;
    button(&m.root, "Generate")
        .expect("a Generate button")
        .click();
    let after = wait_for("the balance after spending", WAIT, || match shown(&m)? {
        (state, n) if state == "ready" => n.parse::<u64>().ok().filter(|n| *n != before),
        _ => None,
    })
    .await;
    assert_eq!(after, before - 20, "2 high-quality images cost 20 credits");
    let result = wait_for("the generation result", WAIT, || {
        let p = m.root.query_selector("[aria-label=\"Result\"]").ok()??;
        Some(text(&p)).filter(|t| !t.is_empty())
    })
    .await;
    assert_eq!(result, "charged 20");
    let start = js_sys::Date::now();
    loop {
        let asked = tc.requests().await;
        let spent = asked.iter().position(|r| r.path.ends_with("/generations"));
        let refreshed = asked.iter().rposition(|r| r.path.ends_with("/balance"));
        if matches!((spent, refreshed), (Some(s), Some(r)) if r > s) {
            break;
        }
        assert!(
            js_sys::Date::now() - start < 5000.0,
            "the balance is asked again after the generation: {asked:?}"
        );
        sleep(100).await;
    }
}

#[wasm_bindgen_test]
async fn an_unknown_balance_is_never_shown_as_zero() {
    let tc = TestClient::new("unknown-balance");
    let down = FlakyDown::new().await;
    let m = corner(tc.flaky_client("tok_ent_owner"), "ws_enterprise");
    let (state, number) = wait_for("the failed state", WAIT, || {
        shown(&m).filter(|(s, _)| s == "failed")
    })
    .await;
    assert_eq!(state, "failed");
    assert_eq!(number, "", "no number at all while the balance is unknown");
    set_flaky(true).await;
    button(&m.root, "Refresh").expect("Refresh").click();
    assert!(ready(&m).await > 0);
    drop(down);
}

#[wasm_bindgen_test]
async fn a_failed_refresh_keeps_the_figures_with_a_stale_mark() {
    let tc = TestClient::new("stale");
    let m = corner(tc.client("tok_ent_owner"), "ws_enterprise");
    let known = ready(&m).await;
    tc.fail(&[503, 503, 503, 503]).await;
    button(&m.root, "Refresh").expect("Refresh").click();
    let (state, number) = wait_for("the stale mark", WAIT, || {
        shown(&m).filter(|(s, _)| s == "stale")
    })
    .await;
    assert_eq!(state, "stale");
    assert_eq!(
        number,
        known.to_string(),
        "the last known figures stay shown"
    );
    button(&m.root, "Refresh").expect("Refresh").click();
    assert_eq!(
        ready(&m).await,
        known,
        "the next good answer clears the mark"
    );
}

#[wasm_bindgen_test]
async fn every_component_reads_one_balance() {
    let tc = TestClient::new("shared-balance");
    let client = tc.client("tok_ent_owner");
    let m = mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <Corner />
            <Corner />
        }
    });
    wait_for("both corners", WAIT, || {
        let all = m.root.query_selector_all("[data-state=\"ready\"]").ok()?;
        (all.length() == 2).then_some(())
    })
    .await;
    assert_eq!(
        tc.requests_to("GET", "/balance").await,
        1,
        "two readers, one fetch"
    );
}

/// Issue 11.1: a spend's answer was written into whatever figures were shown
/// when the POST returned, so switching workspace mid-spend showed the first
/// workspace's balance in the second, and the next 304 confirmed it.
#[wasm_bindgen_test]
async fn a_spend_that_lands_after_a_workspace_switch_leaves_the_new_workspaces_balance_alone() {
    let spender = TestClient::new("spend-then-switch");
    let other = TestClient::new("switched-to");
    let client = RwSignal::new(spender.client("tok_ent_owner"));
    let workspace = RwSignal::new("ws_enterprise".to_owned());
    let switched = other.client("tok_pro_admin");
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace=workspace locale=TEST_LOCALE>
                <Corner />
                <button on:click=move |_| {
                    client.set(switched.clone());
                    workspace.set("ws_pro_team".to_owned());
                }>"Switch"</button>
            </CreditsProvider>
        }
    });
    ready(&m).await;
    // The spend's POST answers only after the switch has shown the new balance.
    spender.delay(&[1500]).await;
    button(&m.root, "Generate").expect("Generate").click();
    sleep(100).await;
    button(&m.root, "Switch").expect("Switch").click();
    let result = wait_for("the spend's answer", WAIT, || {
        let p = m.root.query_selector("[aria-label=\"Result\"]").ok()??;
        Some(text(&p)).filter(|t| !t.is_empty())
    })
    .await;
    assert_eq!(result, "charged 20", "the spend itself went through");
    // Let the refresh after the spend, and a revalidation, land too.
    sleep(300).await;
    button(&m.root, "Refresh").expect("Refresh").click();
    sleep(500).await;
    let truth = match other
        .client("tok_pro_admin")
        .balance("ws_pro_team", None, None)
        .await
    {
        Ok(leptos_credits::BalanceAnswer::Fresh { balance, .. }) => balance.balance,
        other => panic!("the server's balance of ws_pro_team: {other:?}"),
    };
    assert_eq!(
        ready(&m).await,
        truth,
        "ws_pro_team shows its own balance, not ws_enterprise's after the spend"
    );
}
