//! The demo's stand-in for real generation: it spends credits through the
//! reference server's generations endpoint and says what happened.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_credits::{use_balance, use_credits, Action, ClientError};

/// A callback that spends credits for an action and writes the outcome to `status`.
pub fn use_spend(status: RwSignal<String>, busy: RwSignal<bool>) -> Callback<Action> {
    let balance = use_balance();
    let ctx = use_credits();
    let credits = move |n: u64| ctx.map(|c| c.credits(n)).unwrap_or_else(|| n.to_string());
    Callback::new(move |action: Action| {
        let Some(store) = balance.store else {
            status.set("No credits provider on this page.".into());
            return;
        };
        busy.set(true);
        status.set("Generating…".into());
        spawn_local(async move {
            let message = match store.generate(&action).await {
                Ok(done) => format!(
                    "Done: {} spent, {} left.",
                    credits(done.credits_charged),
                    credits(done.balance)
                ),
                Err(ClientError::InsufficientCredits(refusal)) => format!(
                    "Not enough credits: this needs {}, the workspace has {}.",
                    credits(refusal.needed.unwrap_or_default()),
                    credits(refusal.balance.unwrap_or_default())
                ),
                Err(ClientError::FeatureNotInPlan(refusal)) => format!(
                    "This workspace's plan does not include it (needs {}).",
                    refusal.required_plan.as_deref().unwrap_or("another plan")
                ),
                Err(other) => format!("Could not generate: {other}"),
            };
            let _ = status.try_set(message);
            let _ = busy.try_set(false);
        });
    })
}
