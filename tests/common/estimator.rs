//! The cost estimator as a person meets it: its trigger, its quoted ladder.
#![allow(dead_code)]

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{by_role, query, query_all, query_text, wait_for, Mounted};

/// The estimator's trigger, the gear button that opens its dialog.
pub fn trigger(root: &Element) -> HtmlElement {
    query(root, "button[aria-haspopup=\"dialog\"]")
        .and_then(|e| e.dyn_into().ok())
        .expect("the estimator has a trigger button with aria-haspopup=dialog")
}

/// Clicks the trigger and waits for the quoted ladder's first option.
pub async fn open_ladder(m: &Mounted) -> Element {
    trigger(&m.root).click();
    wait_for("the estimator's ladder", Duration::from_secs(10), || {
        let dialog = by_role(&m.root, "dialog")?;
        query(&dialog, ".lc-cost-estimator__option").map(|_| dialog)
    })
    .await
}

/// `(label, cost)` of each ladder option, in order, with the current marker stripped.
pub fn ladder(dialog: &Element) -> Vec<(String, String)> {
    query_all(dialog, ".lc-cost-estimator__option")
        .iter()
        .map(|o| {
            (
                query_text(o, ".lc-cost-estimator__option-label"),
                query_text(o, ".lc-cost-estimator__option-cost"),
            )
        })
        .collect()
}

/// The option whose label is exactly `label`.
pub fn option_labelled(dialog: &Element, label: &str) -> HtmlElement {
    query_all(dialog, ".lc-cost-estimator__option")
        .into_iter()
        .find(|o| query_text(o, ".lc-cost-estimator__option-label") == label)
        .and_then(|o| o.dyn_into().ok())
        .unwrap_or_else(|| panic!("no option labelled {label}"))
}

/// `(words, credits)` of each line of the open popover's breakdown, once
/// its cost reads `cost` (the host may just have changed the action).
pub async fn breakdown_costing(m: &Mounted, cost: &str) -> Vec<(String, String)> {
    let what = format!("a breakdown costing {cost}");
    wait_for(&what, Duration::from_secs(10), || {
        let dialog = by_role(&m.root, "dialog")?;
        let lines = query_all(&dialog, ".lc-cost-estimator__breakdown li");
        (query_text(&dialog, ".lc-cost-estimator__cost") == cost && !lines.is_empty()).then(|| {
            lines
                .iter()
                .map(|li| {
                    (
                        query_text(li, "span:first-child"),
                        query_text(li, ".lc-cost-estimator__line-credits"),
                    )
                })
                .collect()
        })
    })
    .await
}

/// The English `label` of each breakdown line the live server sends for
/// `action` in the enterprise workspace.
pub async fn server_labels(action: &leptos_credits::CreditAction) -> Vec<String> {
    let answer = super::live_client("tok_ent_owner")
        .quote("ws_enterprise", std::slice::from_ref(action))
        .await
        .unwrap_or_else(|e| panic!("a quote for {action:?}: {e}"));
    match answer.items.first() {
        Some(leptos_credits::QuoteItem::Quoted(q)) => {
            q.breakdown.iter().map(|l| l.label.clone()).collect()
        }
        other => panic!("{action:?} was not quoted: {other:?}"),
    }
}
