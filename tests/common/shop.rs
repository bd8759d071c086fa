//! A host page that sells through the library's own checkout: a Generate
//! button that really generates, its cost, the prompt with no host hooks,
//! and Settings → Subscription (balance and plans), all on one provider.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_credits::testing::{mount_with_provider, Mounted};
use leptos_credits::{
    use_balance, Affordability, BalanceHandle, CostBadge, CreditAction, CreditsClient,
    GenerateButton, OutOfCreditsPrompt, PlanComparison, Refusal, SubscriptionBalance,
};

/// Mounts [`Shop`] for `action` in `workspace`.
pub fn shop(client: CreditsClient, workspace: &str, action: CreditAction) -> Mounted {
    let workspace = workspace.to_owned();
    mount_with_provider(client, workspace, move || view! { <Shop action=action /> })
}

/// What a host's `on_refused` does: the refusal of `action` from the shared
/// figures, into `refusal` (which opens the prompt).
pub fn refuse_into(
    balance: BalanceHandle,
    refusal: RwSignal<Option<Refusal>>,
    action: Signal<CreditAction>,
) -> Callback<Affordability> {
    Callback::new(move |fit| {
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

/// `.shop-status` says "generated N" after a generation, or "refused" / "failed".
#[component]
fn Shop(action: CreditAction) -> impl IntoView {
    let balance = use_balance();
    let refusal = RwSignal::new(None::<Refusal>);
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let action = Signal::stored(action);
    let refused = refuse_into(balance, refusal, action);
    let generate = Callback::new(move |a: CreditAction| {
        let Some(store) = balance.store else { return };
        busy.set(true);
        spawn_local(async move {
            let said = match store.generate(&a).await {
                Ok(done) => format!("generated {}", done.credits_charged),
                Err(e) => match Refusal::from_error(&e, Some(a)) {
                    Some(r) => {
                        refusal.try_set(Some(r));
                        "refused".to_owned()
                    }
                    None => format!("failed {e}"),
                },
            };
            status.try_set(said);
            busy.try_set(false);
        });
    });
    view! {
        <CostBadge action=action />
        <GenerateButton action=action on_generate=generate on_refused=refused busy=busy />
        <p class="shop-status">{move || status.get()}</p>
        <OutOfCreditsPrompt refusal=refusal on_close=Callback::new(move |()| refusal.set(None)) />
        <SubscriptionBalance />
        <PlanComparison />
    }
}
