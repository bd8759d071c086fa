//! The quote client in headless Chromium against the live reference server:
//! latest wins, few requests, batching. Requests are counted by the server.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::*;
use common::*;
use leptos::prelude::*;
use leptos_credits::{
    use_quotes, CostBadge, CreditAction, CreditsClient, ImageGenerate, Quality, QuoteItem,
    QuotesState,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

/// A host's generation bar: Quality, Images and the cost badge.
fn bar(client: CreditsClient, workspace: &'static str, count: u32) -> Mounted {
    mount_with_provider(client, workspace, move || {
        let quality = RwSignal::new(Quality::Standard);
        let count = RwSignal::new(count);
        let action = Signal::derive(move || {
            CreditAction::ImageGenerate(ImageGenerate::new(quality.get(), count.get()))
        });
        view! {
            <select aria-label="Quality" on:change=move |ev| {
                if let Some(q) = Quality::parse(&event_target_value(&ev)) {
                    quality.set(q);
                }
            }>
                <option value="draft">"Draft"</option>
                <option value="standard" selected>"Standard"</option>
                <option value="high">"High"</option>
            </select>
            <input type="number" aria-label="Images" value=count.get_untracked().to_string()
                on:input=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        count.set(n);
                    }
                } />
            <CostBadge action=action />
        }
    })
}

fn badge_text(m: &Mounted) -> Option<String> {
    by_role(&m.root, "status").map(|b| text(&b))
}

async fn shows(m: &Mounted, expected: &str) {
    wait_for(expected, WAIT, || {
        (badge_text(m)? == expected).then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_slow_old_answer_never_shows_after_a_fast_new_one() {
    // The bug this guards against: a cost preview fired a request per change
    // and whichever answer came last won, showing settings already left.
    let tc = TestClient::new("latest-wins");
    tc.delay(&[1500, 0]).await;
    let m = bar(tc.client("tok_ent_owner"), "ws_enterprise", 1);
    sleep(200).await;
    fill(&m.root, "Images", "3").unwrap();
    shows(&m, "Cost: 12 credits").await;
    // The slow answer for 1 image (4 credits) arrives ~1.5 s after it was asked.
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < 2000.0 {
        assert_eq!(
            badge_text(&m).as_deref(),
            Some("Cost: 12 credits"),
            "only the cost of the current settings (3 images) is ever shown"
        );
        sleep(25).await;
    }
    let asked: Vec<_> = tc.quote_requests().await;
    assert_eq!(asked.len(), 2, "one request per settled setting: {asked:?}");
}

#[wasm_bindgen_test]
async fn a_burst_of_ten_changes_sends_at_most_two_requests() {
    let tc = TestClient::new("burst");
    let m = bar(tc.client("tok_ent_owner"), "ws_enterprise", 1);
    shows(&m, "Cost: 4 credits").await;
    tc.forget().await;
    // Typing "2", "3", ... "11" in quick succession, like holding the arrow key.
    for n in 2..=11 {
        fill(&m.root, "Images", &n.to_string()).unwrap();
        sleep(10).await;
    }
    shows(&m, "Cost: 44 credits").await;
    sleep(400).await;
    let asked = tc.quote_requests().await;
    console_log!("a burst of 10 changes sent {} quote requests", asked.len());
    assert!(
        asked.len() <= 2,
        "10 changes send at most 2 requests, sent {}: {asked:?}",
        asked.len()
    );
}

#[wasm_bindgen_test]
async fn a_single_change_is_sent_at_once() {
    let tc = TestClient::new("single");
    let m = bar(tc.client("tok_ent_owner"), "ws_enterprise", 1);
    shows(&m, "Cost: 4 credits").await;
    sleep(300).await;
    let start = js_sys::Date::now();
    choose(&m.root, "Quality", "high").unwrap();
    shows(&m, "Cost: 10 credits").await;
    let took = js_sys::Date::now() - start;
    assert!(
        took < 140.0,
        "a lone change is not debounced: it took {took} ms"
    );
}

#[wasm_bindgen_test]
async fn settings_seen_before_repaint_at_once_without_a_request() {
    let tc = TestClient::new("repeat");
    let m = bar(tc.client("tok_ent_owner"), "ws_enterprise", 2);
    shows(&m, "Cost: 8 credits").await;
    choose(&m.root, "Quality", "high").unwrap();
    shows(&m, "Cost: 20 credits").await;
    choose(&m.root, "Quality", "draft").unwrap();
    shows(&m, "Cost: 2 credits").await;
    tc.forget().await;

    choose(&m.root, "Quality", "standard").unwrap();
    tick().await;
    assert_eq!(
        badge_text(&m).as_deref(),
        Some("Cost: 8 credits"),
        "a setting seen before shows its cost on the next tick, with no estimating state"
    );
    choose(&m.root, "Quality", "high").unwrap();
    tick().await;
    assert_eq!(badge_text(&m).as_deref(), Some("Cost: 20 credits"));
    sleep(400).await;
    assert_eq!(
        tc.quote_requests().await.len(),
        0,
        "settings seen before send no request"
    );
}

#[wasm_bindgen_test]
async fn identical_requests_in_flight_share_one_fetch() {
    let tc = TestClient::new("shared");
    let client = tc.client("tok_ent_owner");
    let action = Signal::stored(CreditAction::ImageGenerate(ImageGenerate::new(
        Quality::High,
        2,
    )));
    let m = mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <CostBadge action=action />
            <CostBadge action=action />
            <CostBadge action=action />
        }
    });
    wait_for("three costs", WAIT, || {
        let all = m.root.query_selector_all("[role=\"status\"]").ok()?;
        let texts: Vec<String> = (0..all.length())
            .filter_map(|i| all.item(i))
            .filter_map(|n| n.text_content())
            .collect();
        (texts.len() == 3 && texts.iter().all(|t| t == "Cost: 20 credits")).then_some(())
    })
    .await;
    let asked = tc.quote_requests().await;
    assert_eq!(asked.len(), 1, "three badges, one fetch: {asked:?}");
    assert_eq!(asked[0].items, Some(1));
}

#[wasm_bindgen_test]
async fn several_actions_go_out_as_one_batched_request() {
    let tc = TestClient::new("batch");
    let client = tc.client("tok_ent_owner");
    let m = mount_with_provider(client, "ws_enterprise", move || {
        let ladder: Vec<CreditAction> = (1..=5)
            .map(|n| CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, n)))
            .collect();
        view! { <LadderOf actions=ladder /> }
    });
    let shown = wait_for("the ladder", WAIT, || {
        let list = m.root.query_selector("ol").ok()??;
        let t = text(&list);
        (!t.is_empty()).then_some(t)
    })
    .await;
    assert_eq!(shown, "4 8 12 16 20");
    let asked = tc.quote_requests().await;
    assert_eq!(asked.len(), 1, "five actions, one request: {asked:?}");
    assert_eq!(asked[0].items, Some(5));
}

#[component]
fn LadderOf(actions: Vec<CreditAction>) -> impl IntoView {
    let quotes = use_quotes(Signal::stored(actions));
    view! { <Ladder quotes=quotes.state /> }
}

#[component]
fn Ladder(quotes: Signal<QuotesState>) -> impl IntoView {
    move || match quotes.get() {
        QuotesState::Ready(r) => {
            let credits: Vec<String> = r
                .items
                .iter()
                .map(|i| match i {
                    QuoteItem::Quoted(q) => q.credits.to_string(),
                    QuoteItem::Invalid { error } => error.code.clone(),
                })
                .collect();
            view! { <ol>{credits.join(" ")}</ol> }.into_any()
        }
        QuotesState::Loading => view! { <p>"loading"</p> }.into_any(),
        QuotesState::Failed(e) => view! { <p>{e.to_string()}</p> }.into_any(),
    }
}
