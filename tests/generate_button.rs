//! `GenerateButton` and `use_affordability` in headless Chromium against the live reference server.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::*;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_credits::{
    use_affordability, use_balance, Affordability, CostEstimator, CreditAction, GenerateButton,
    ImageGenerate, Quality, Resolution, VideoGenerate,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn images(quality: Quality, count: u32) -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(quality, count))
}

/// A GenerateButton whose fired and refused calls are recorded.
fn recorded(
    token: &'static str,
    workspace: &'static str,
    action: CreditAction,
) -> (
    Mounted,
    RwSignal<Vec<CreditAction>>,
    RwSignal<Vec<Affordability>>,
) {
    let fired = RwSignal::new(Vec::new());
    let refused = RwSignal::new(Vec::new());
    let client = live_client(token);
    let m = mount_with_provider(client, workspace, move || {
        view! {
            <GenerateButton
                action=action
                on_generate=Callback::new(move |a| fired.update(|f| f.push(a)))
                on_refused=Callback::new(move |why| refused.update(|r| r.push(why)))
            />
        }
    });
    (m, fired, refused)
}

async fn settled_button(m: &Mounted) -> HtmlElement {
    wait_for("the button's cost", WAIT, || {
        let wrapper = query(&m.root, ".lc-generate")?;
        (wrapper.get_attribute("data-affordability")? != "unknown").then_some(())?;
        by_role_where(&m.root, "button", |name| name.starts_with("Generate"))?
            .dyn_into()
            .ok()
    })
    .await
}

#[wasm_bindgen_test]
async fn shows_the_cost_and_fires_when_the_balance_covers_it() {
    let (m, fired, refused) =
        recorded("tok_pro_admin", "ws_pro_team", images(Quality::Standard, 4));
    let b = settled_button(&m).await;
    assert_eq!(text(&b), "Generate16 credits", "the cost is on the button");
    assert!(b.get_attribute("aria-disabled").is_none());
    b.click();
    tick().await;
    assert_eq!(fired.get_untracked(), vec![images(Quality::Standard, 4)]);
    assert!(refused.get_untracked().is_empty());
}

#[wasm_bindgen_test]
async fn refuses_to_fire_when_the_balance_is_short_and_says_why() {
    // 16 high-quality images cost 160; the team has 120.
    let (m, fired, refused) = recorded("tok_pro_admin", "ws_pro_team", images(Quality::High, 16));
    let b = settled_button(&m).await;
    assert_eq!(b.get_attribute("aria-disabled").as_deref(), Some("true"));
    b.click();
    tick().await;
    assert!(
        fired.get_untracked().is_empty(),
        "a short balance never fires the host's action"
    );
    assert_eq!(
        refused.get_untracked(),
        vec![Affordability::Short {
            cost: 160,
            shortfall: 40
        }]
    );
    let note = m
        .root
        .query_selector(".lc-generate__note")
        .unwrap()
        .unwrap();
    assert_eq!(text(&note), "You need 40 more credits than you have.");
}

#[wasm_bindgen_test]
async fn refuses_an_action_outside_the_plan() {
    let video = CreditAction::VideoGenerate(VideoGenerate {
        model: None,
        quality: Quality::Draft,
        duration_s: 4,
        resolution: Resolution::P480,
    });
    let (m, fired, refused) = recorded("tok_basic_owner", "ws_basic_limit", video);
    let b = settled_button(&m).await;
    b.click();
    tick().await;
    assert!(fired.get_untracked().is_empty());
    assert_eq!(
        refused.get_untracked(),
        vec![Affordability::Blocked {
            required_plan: Some("pro".into())
        }]
    );
    assert_eq!(
        text(
            &m.root
                .query_selector(".lc-generate__note")
                .unwrap()
                .unwrap()
        ),
        "Needs Pro"
    );
}

#[wasm_bindgen_test]
async fn a_host_button_can_follow_use_affordability() {
    #[component]
    fn HostButton(action: CreditAction) -> impl IntoView {
        let fit = use_affordability(Signal::stored(action));
        view! { <button disabled=move || fit.get().refuses()>"Host generate"</button> }
    }
    let client = live_client("tok_free_owner");
    // The trial is used up: balance 0, and a draft image costs 1.
    let m = mount_with_provider(client, "ws_free_empty", move || {
        view! {
            <HostButton action=images(Quality::Draft, 1) />
        }
    });
    let disabled = wait_for("the host's button to be disabled", WAIT, || {
        let b = button(&m.root, "Host generate")?;
        b.has_attribute("disabled").then_some(true)
    })
    .await;
    assert!(
        disabled,
        "use_affordability tells the host the balance is short"
    );
}

#[wasm_bindgen_test]
async fn spending_updates_the_balance_the_estimator_shows() {
    #[component]
    fn Bar(action: CreditAction) -> impl IntoView {
        let balance = use_balance();
        let spend = Callback::new(move |a: CreditAction| {
            if let Some(store) = balance.store {
                spawn_local(async move {
                    let _ = store.generate(&a).await;
                });
            }
        });
        let action = Signal::stored(action);
        view! {
            <CostEstimator action=action />
            <GenerateButton action=action on_generate=spend />
            <output class="shared-balance">{move || balance.state.get().credits().map(|n| n.to_string())}</output>
        }
    }
    let client = live_client("tok_ent_owner");
    let m = mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <Bar action=images(Quality::Draft, 2) />
        }
    });
    let trigger: HtmlElement = m
        .root
        .query_selector("[aria-haspopup=\"dialog\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    trigger.click();
    // The shared balance, once known, is what the estimator shows.
    let before: u64 = wait_for("the shared balance", WAIT, || {
        text(&m.root.query_selector(".shared-balance").ok()??)
            .parse()
            .ok()
    })
    .await;
    wait_for("the estimator to show it", WAIT, || {
        balance_now(&m).filter(|n| *n == before)
    })
    .await;
    let b = settled_button(&m).await;
    b.click();
    tick().await;
    assert!(
        by_role(&m.root, "dialog").is_none(),
        "clicking Generate, outside the popover, closes it"
    );
    let expected = before - 2;
    wait_for("the shared balance to follow the spend", WAIT, || {
        let shared: u64 = text(&m.root.query_selector(".shared-balance").ok()??)
            .parse()
            .ok()?;
        (shared == expected).then_some(())
    })
    .await;
    trigger.click();
    let after = wait_for("the reopened estimator's balance", WAIT, || balance_now(&m)).await;
    assert_eq!(
        after, expected,
        "2 draft images spent 2 credits and the estimator shows it"
    );
}

/// The estimator's "Balance now" figure, as a number.
fn balance_now(m: &Mounted) -> Option<u64> {
    query_text(&m.root, ".lc-cost-estimator__balance dd")
        .trim_end_matches(" credits")
        .replace(',', "")
        .parse()
        .ok()
}
