//! Video generation and model training, each priced by the badge, the
//! estimator (with its ladder) and Generate, in headless Chromium against the
//! live reference server's price book.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::estimator::{ladder, open_ladder, option_labelled};
use common::*;
use leptos::prelude::*;
use leptos_credits::{
    CostBadge, CostEstimator, CreditAction, GenerateButton, ModelTrain, Quality, Resolution,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn training(images: u32, steps: u32) -> CreditAction {
    CreditAction::ModelTrain(ModelTrain { images, steps })
}

/// A host's bar for `action` in the Enterprise workspace (which has video and
/// training): badge, estimator (whose picks change `action`) and Generate
/// (whose clicks land in `generated`).
fn bar(action: RwSignal<CreditAction>, generated: RwSignal<Vec<CreditAction>>) -> Mounted {
    mount_with_provider(live_client("tok_ent_owner"), "ws_enterprise", move || {
        view! {
            <CostBadge action=action />
            <CostEstimator action=action on_pick=Callback::new(move |picked| action.set(picked)) />
            <GenerateButton
                action=action
                on_generate=Callback::new(move |a| generated.update(|g| g.push(a)))
            />
        }
    })
}

/// Waits until the badge and Generate's chip both show `cost`.
async fn badge_and_generate_say(m: &Mounted, cost: &str) {
    wait_for(
        &format!("the badge and Generate to say {cost}"),
        WAIT,
        || {
            let badge = query_text(&m.root, ".lc-cost-badge__value");
            let chip = query_text(&m.root, ".lc-generate__cost");
            (badge == cost && chip == cost).then_some(())
        },
    )
    .await;
}

/// The Generate button, whose name ends with its cost.
fn generate(m: &Mounted) -> HtmlElement {
    by_role_where(&m.root, "button", |name| name.starts_with("Generate"))
        .and_then(|e| e.dyn_into().ok())
        .expect("a Generate button")
}

/// Picks `label` in the open ladder, then checks that the host's settings,
/// the badge and Generate follow, and that Generate starts the picked action.
async fn pick_then_generate(
    m: &Mounted,
    dialog: &Element,
    (label, picked, cost): (&str, CreditAction, &str),
    (action, generated): (RwSignal<CreditAction>, RwSignal<Vec<CreditAction>>),
) {
    option_labelled(dialog, label).click();
    tick().await;
    assert_eq!(action.get_untracked(), picked, "the host heard the pick");
    badge_and_generate_say(m, cost).await;
    generate(m).click();
    tick().await;
    assert_eq!(
        generated.get_untracked(),
        vec![picked],
        "Generate starts the picked settings"
    );
}

fn rows(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(l, c)| (l.to_string(), c.to_string()))
        .collect()
}

#[wasm_bindgen_test]
async fn video_is_priced_by_the_badge_the_estimator_with_its_ladder_and_generate() {
    let action = RwSignal::new(video_of(Quality::Standard, 8, Resolution::P720));
    let generated = RwSignal::new(Vec::new());
    let m = bar(action, generated);
    // The price book: draft 2, standard 6, high 15 credits a second, × 1, 2, 3 for 480p, 720p, 1080p.
    badge_and_generate_say(&m, "96 credits").await;

    let dialog = open_ladder(&m).await;
    assert_eq!(
        query_text(&dialog, ".lc-cost-estimator__cost"),
        "96 credits"
    );
    assert_eq!(
        query_text(&dialog, ".lc-cost-estimator__breakdown"),
        "8 s × 12 credits (720p)96 credits",
        "the server's breakdown"
    );
    assert_eq!(
        ladder(&dialog),
        rows(&[
            ("Draft quality", "32 credits"),
            ("Standard quality", "96 credits"),
            ("High quality", "240 credits"),
            ("4 seconds", "48 credits"),
            ("16 seconds", "192 credits"),
            ("480p", "48 credits"),
            ("1080p", "144 credits"),
            ("Draft preview", "8 credits"),
        ])
    );
    let picked = video_of(Quality::Standard, 8, Resolution::P1080);
    pick_then_generate(
        &m,
        &dialog,
        ("1080p", picked, "144 credits"),
        (action, generated),
    )
    .await;
}

#[wasm_bindgen_test]
async fn training_is_priced_by_the_badge_the_estimator_with_its_ladder_and_generate() {
    let action = RwSignal::new(training(20, 1000));
    let generated = RwSignal::new(Vec::new());
    let m = bar(action, generated);
    // The price book: 100 credits of setup + 1 credit per 1,000 image-steps.
    badge_and_generate_say(&m, "120 credits").await;

    let dialog = open_ladder(&m).await;
    assert_eq!(
        query_text(&dialog, ".lc-cost-estimator__cost"),
        "120 credits"
    );
    assert_eq!(
        query_text(&dialog, ".lc-cost-estimator__breakdown"),
        "Training setup100 credits20 images × 1,000 steps20 credits",
        "the server's breakdown, its numbers in the locale's digits"
    );
    assert_eq!(
        ladder(&dialog),
        rows(&[
            ("500 steps", "110 credits"),
            ("2,000 steps", "140 credits"),
            ("10 training images", "110 credits"),
            ("40 training images", "140 credits"),
        ])
    );
    let picked = training(40, 1000);
    pick_then_generate(
        &m,
        &dialog,
        ("40 training images", picked, "140 credits"),
        (action, generated),
    )
    .await;
}
