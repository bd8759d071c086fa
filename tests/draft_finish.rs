//! Draft first, then finish: the estimator's draft preview as a plan the
//! host takes (`on_draft_first`) and `FinishButton`, in headless Chromium
//! against the live reference server; the spending test runs on its own fork
//! of a demo workspace.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::estimator::open_ladder;
use common::hooks::fork_workspace;
use common::*;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_credits::{
    use_balance, BalanceAnswer, CostEstimator, CreditAction, CreditsProvider, CreditsText,
    DraftPlan, FinishButton, ImageGenerate, PluralText, Quality, QuoteItem, Resolution,
    VideoGenerate,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn images(quality: Quality, count: u32) -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(quality, count))
}

/// A host that drafts first: the estimator's plan generates the draft through
/// the shared balance store and keeps `settings`; once the draft is charged,
/// `FinishButton` offers the finish. Every charged action lands in `charged`.
#[component]
fn DraftHost(
    settings: RwSignal<CreditAction>,
    charged: RwSignal<Vec<CreditAction>>,
) -> impl IntoView {
    let balance = use_balance();
    let drafted = RwSignal::new(None::<DraftPlan>);
    let generate = move |action: CreditAction, then: Option<DraftPlan>| {
        let store = balance.store.expect("inside a provider");
        spawn_local(async move {
            let done = store.generate(&action).await;
            assert!(done.is_ok(), "the server generates {action:?}: {done:?}");
            charged.update(|c| c.push(action));
            drafted.set(then);
        });
    };
    view! {
        <CostEstimator
            action=settings
            on_pick=Callback::new(move |picked| settings.set(picked))
            on_draft_first=Callback::new(move |plan: DraftPlan| generate(plan.draft.clone(), Some(plan)))
        />
        <FinishButton plan=drafted on_finish=Callback::new(move |finish| generate(finish, None)) />
    }
}

fn draft_row(dialog: &Element) -> HtmlElement {
    query(dialog, "[data-change=\"draft-preview\"]")
        .and_then(|e| e.dyn_into().ok())
        .expect("a draft preview row")
}

async fn server_balance(token: &str, workspace: &str) -> u64 {
    match live_client(token).balance(workspace, None, None).await {
        Ok(BalanceAnswer::Fresh { balance, .. }) => balance.balance,
        other => panic!("the balance of {workspace}: {other:?}"),
    }
}

async fn server_quote(token: &str, workspace: &str, action: &CreditAction) -> u64 {
    let answer = live_client(token)
        .quote(workspace, std::slice::from_ref(action))
        .await;
    match answer.map(|r| r.items.into_iter().next()) {
        Ok(Some(QuoteItem::Quoted(q))) => q.credits,
        other => panic!("a quote for {action:?}: {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn draft_then_finish_keeps_the_settings_and_charges_exactly_draft_plus_final() {
    let ws = fork_workspace("ws_pro_team").await;
    let token = "tok_pro_admin";
    let before = server_balance(token, &ws).await;
    let high = images(Quality::High, 4);
    let draft = images(Quality::Draft, 1);
    let (draft_cost, final_cost) = (
        server_quote(token, &ws, &draft).await,
        server_quote(token, &ws, &high).await,
    );
    let settings = RwSignal::new(high.clone());
    let charged = RwSignal::new(Vec::new());
    let m = mount_with_provider(live_client(token), ws.clone(), move || {
        view! { <DraftHost settings=settings charged=charged /> }
    });

    let dialog = open_ladder(&m).await;
    let row = draft_row(&dialog);
    assert_eq!(
        query_text(&row, ".lc-cost-estimator__option-plan"),
        format!(
            "draft {draft_cost} + final {final_cost} = {} credits",
            draft_cost + final_cost
        ),
        "both costs up front, as the server quotes them"
    );
    row.click();
    tick().await;
    assert!(
        by_role(&m.root, "dialog").is_none(),
        "the popover closes for the draft"
    );
    assert_eq!(
        settings.get_untracked(),
        high,
        "the draft keeps the person's settings"
    );

    let finish: HtmlElement = wait_for("Finish after the draft", WAIT, || {
        by_role_where(&m.root, "button", |n| {
            n.starts_with("Finish at High quality")
        })
        .and_then(|e| e.dyn_into().ok())
    })
    .await;
    assert_eq!(
        server_balance(token, &ws).await,
        before - draft_cost,
        "the draft is charged alone first"
    );
    wait_for("Finish's cost", WAIT, || {
        (query_text(&m.root, ".lc-finish .lc-generate__cost") == format!("{final_cost} credits"))
            .then_some(())
    })
    .await;
    finish.click();
    wait_for("the finish to be charged", WAIT, || {
        (charged.with(Vec::len) == 2).then_some(())
    })
    .await;
    assert_eq!(
        charged.get_untracked(),
        vec![draft, high.clone()],
        "the draft, then the settings as they were"
    );
    assert_eq!(
        server_balance(token, &ws).await,
        before - draft_cost - final_cost,
        "the server charged exactly draft plus final"
    );
    assert_eq!(
        settings.get_untracked(),
        high,
        "the settings are still the person's"
    );
    wait_for("Finish to go once used", WAIT, || {
        query(&m.root, ".lc-finish").is_none().then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_plan_line_uses_the_hosts_words_and_the_locales_numbers() {
    let text = CreditsText {
        credits: PluralText::one_other("{n} Credit", "{n} Credits"),
        draft_plan: "Entwurf {draft} + fertig {finish} = {total}".into(),
        ..CreditsText::default()
    };
    // High quality, 60 s at 1080p: 15 × 3 × 60 = 2,700; its draft preview, 4 s at 480p: 2 × 1 × 4 = 8.
    let settings = RwSignal::new(CreditAction::VideoGenerate(VideoGenerate {
        model: None,
        quality: Quality::High,
        duration_s: 60,
        resolution: Resolution::P1080,
    }));
    let charged = RwSignal::new(Vec::new());
    let client = live_client("tok_ent_owner");
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace="ws_enterprise" locale="de-DE" text=text>
                <DraftHost settings=settings charged=charged />
            </CreditsProvider>
        }
    });
    let dialog = open_ladder(&m).await;
    assert_eq!(
        query_text(&draft_row(&dialog), ".lc-cost-estimator__option-plan"),
        "Entwurf 8 + fertig 2.700 = 2.708 Credits"
    );
}

#[wasm_bindgen_test]
async fn without_a_plan_callback_the_draft_preview_is_a_pick_with_no_plan_line() {
    let settings = RwSignal::new(images(Quality::High, 4));
    let m = mount_with_provider(live_client("tok_ent_owner"), "ws_enterprise", move || {
        view! { <CostEstimator action=settings on_pick=Callback::new(move |p| settings.set(p)) /> }
    });
    let dialog = open_ladder(&m).await;
    let row = draft_row(&dialog);
    assert!(
        query(&row, ".lc-cost-estimator__option-plan").is_none(),
        "no plan is offered"
    );
    row.click();
    tick().await;
    assert_eq!(
        settings.get_untracked(),
        images(Quality::Draft, 1),
        "an ordinary pick"
    );
}
