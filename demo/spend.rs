//! The demo's stand-in for real generation: it spends credits through the
//! reference server's generations endpoint and says what happened; a refusal
//! (402/403, or a short balance before asking) opens the out-of-credits prompt.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_credits::{
    use_balance, use_credits, Affordability, CreditAction, OutOfCreditsPrompt, PurchaseResponse,
    Refusal,
};

/// A callback that spends credits for an action and writes the outcome to
/// `status`; a refusal from the server opens the prompt through `refusal`.
pub fn use_spend(
    status: RwSignal<String>,
    busy: RwSignal<bool>,
    refusal: RwSignal<Option<Refusal>>,
) -> Callback<CreditAction> {
    use_spend_then(status, busy, refusal, None)
}

/// As [`use_spend`], then `then` with the action once the server charged for it.
pub fn use_spend_then(
    status: RwSignal<String>,
    busy: RwSignal<bool>,
    refusal: RwSignal<Option<Refusal>>,
    then: Option<Callback<CreditAction>>,
) -> Callback<CreditAction> {
    let balance = use_balance();
    let ctx = use_credits();
    let credits = move |n: u64| ctx.map(|c| c.credits(n)).unwrap_or_else(|| n.to_string());
    Callback::new(move |action: CreditAction| {
        let Some(store) = balance.store else {
            status.set("No credits provider on this page.".into());
            return;
        };
        busy.set(true);
        status.set("Generating…".into());
        spawn_local(async move {
            let message = match store.generate(&action).await {
                Ok(done) => {
                    if let Some(then) = then {
                        then.run(action.clone());
                    }
                    format!(
                        "Done: {} spent, {} left.",
                        credits(done.credits_charged),
                        credits(done.balance)
                    )
                }
                Err(e) => match Refusal::from_error(&e, Some(action)) {
                    Some(r) => {
                        let _ = refusal.try_set(Some(r));
                        String::new()
                    }
                    None => format!("Could not generate: {e}"),
                },
            };
            let _ = status.try_set(message);
            let _ = busy.try_set(false);
        });
    })
}

/// A `GenerateButton`'s `on_refused` for `action`: opens the prompt with the
/// reason the balance in hand gives (the server's own rule).
pub fn use_refused(
    refusal: RwSignal<Option<Refusal>>,
    action: Signal<CreditAction>,
) -> Callback<Affordability> {
    let balance = use_balance();
    Callback::new(move |fit: Affordability| {
        let figures = balance
            .state
            .with_untracked(|s| s.known().map(|k| k.figures.clone()));
        refusal.set(Refusal::from_affordability(
            &fit,
            figures.as_ref(),
            Some(action.get_untracked()),
        ));
    })
}

/// The estimator's `on_short` for `action`: the same prompt, from the shortfall.
pub fn use_short(
    refusal: RwSignal<Option<Refusal>>,
    action: Signal<CreditAction>,
) -> Callback<u64> {
    let balance = use_balance();
    Callback::new(move |shortfall: u64| {
        let figures = balance
            .state
            .with_untracked(|s| s.known().map(|k| k.figures.clone()));
        if let Some(f) = figures {
            refusal.set(Refusal::from_estimator_shortfall(
                shortfall,
                &f,
                Some(action.get_untracked()),
            ));
        }
    })
}

/// The prompt as this host wires it: its ways out buy through the reference
/// server's checkout (the library's own, as no checkout hook is given), and
/// what was bought is said in `status`.
#[component]
pub fn DemoPrompt(
    refusal: RwSignal<Option<Refusal>>,
    status: RwSignal<String>,
    #[prop(optional)] on_pick: Option<Callback<CreditAction>>,
) -> impl IntoView {
    let ctx = use_credits();
    let credits = move |n: u64| ctx.map(|c| c.credits(n)).unwrap_or_else(|| n.to_string());
    view! {
        <OutOfCreditsPrompt
            refusal=refusal
            on_close=Callback::new(move |()| refusal.set(None))
            on_purchase=Callback::new(move |p: PurchaseResponse| {
                status.set(format!("Done: {} now.", credits(p.balance)))
            })
            on_pick=on_pick.unwrap_or_else(|| Callback::new(|_| {}))
        />
    }
}
