//! A host app's generate bar, written as an app embedding leptos-credits
//! writes it. `tests/generate_bar.rs` checks the integration in headless
//! Chromium against a running `credits-server`, with
//! `leptos_credits::testing`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_credits::{
    use_balance, CostBadge, CreditAction, GenerateButton, ImageGenerate, Quality,
};

/// The number of images, their cost, Generate (spending through the shared
/// balance), the balance, and what the last generation charged. Goes inside
/// the app's `<CreditsProvider>`.
#[component]
pub fn GenerateBar() -> impl IntoView {
    let count = RwSignal::new(4u32);
    let action = Signal::derive(move || {
        CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, count.get()))
    });
    let balance = use_balance();
    let outcome = RwSignal::new(String::new());
    let generate = Callback::new(move |action: CreditAction| {
        let Some(store) = balance.store else { return };
        spawn_local(async move {
            outcome.set(match store.generate(&action).await {
                Ok(done) => format!("Charged {} credits", done.credits_charged),
                Err(e) => e.to_string(),
            });
        });
    });
    let credits = move || {
        balance
            .state
            .get()
            .credits()
            .map_or_else(|| "…".to_owned(), |n| n.to_string())
    };
    view! {
        <label>
            "Images "
            <input
                type="number"
                min="1"
                prop:value=move || count.get().to_string()
                on:input=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        count.set(n);
                    }
                }
            />
        </label>
        <CostBadge action=action />
        <GenerateButton action=action on_generate=generate hide_cost=true />
        <output aria-label="Balance">{credits}</output>
        <output aria-label="Last generation">{move || outcome.get()}</output>
    }
}
