//! The host's generation bar: Quality, Images, the cost, the estimator and
//! Generate, with the low-balance banner above it and the out-of-credits
//! prompt a refusal opens.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_credits::{
    use_affordability, use_balance, use_credits, Affordability, CostBadge, CostEstimator,
    CreditAction, GenerateButton, ImageGenerate, LowBalanceBanner, OutOfCreditsPrompt, PlanId,
    Quality, Refusal,
};

const QUALITIES: &[(Quality, &str)] = &[
    (Quality::Draft, "Draft"),
    (Quality::Standard, "Standard"),
    (Quality::High, "High"),
];

/// `status` is where the bar (and the prompt's ways out) say what happened.
#[component]
pub fn GenerationBar(status: RwSignal<String>) -> impl IntoView {
    let quality = RwSignal::new(Quality::Standard);
    let count = RwSignal::new(4u32);
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<Refusal>);
    let action = Signal::derive(move || {
        CreditAction::ImageGenerate(ImageGenerate::new(quality.get(), count.get()))
    });
    let balance = use_balance();
    let ctx = use_credits();
    let credits = move |n: u64| ctx.map_or_else(|| n.to_string(), |c| c.credits(n));
    let figures = move || {
        balance
            .state
            .with_untracked(|s| s.known().map(|k| k.figures.clone()))
    };

    // Spends through the API; a 402/403 from the server opens the prompt too.
    let generate = Callback::new(move |action: CreditAction| {
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
    });
    // Refused before asking: the balance in hand says why.
    let refused = Callback::new(move |fit: Affordability| {
        refusal.set(Refusal::from_affordability(
            &fit,
            figures().as_ref(),
            Some(action.get_untracked()),
        ));
    });
    let short = Callback::new(move |shortfall: u64| {
        if let Some(f) = figures() {
            refusal.set(Refusal::from_estimator_shortfall(
                shortfall,
                &f,
                Some(action.get_untracked()),
            ));
        }
    });
    let on_pick = Callback::new(move |picked: CreditAction| {
        if let CreditAction::ImageGenerate(s) = picked {
            quality.set(s.quality);
            count.set(s.count);
        }
    });
    let fit = use_affordability(action);
    let next_cost = Signal::derive(move || match fit.get() {
        Affordability::Short { cost, .. } => Some(cost),
        _ => None,
    });
    let initial_quality = quality.get_untracked();

    view! {
        <LowBalanceBanner next_cost=next_cost />
        <form class="host-bar" on:submit=move |ev| ev.prevent_default()>
            <label>
                <span>"Quality"</span>
                <select
                    prop:value=move || quality.get().as_str()
                    on:change=move |ev| {
                        if let Some(q) = Quality::parse(&event_target_value(&ev)) {
                            quality.set(q);
                        }
                    }
                >
                    {QUALITIES
                        .iter()
                        .map(|&(q, label)| {
                            view! {
                                <option value=q.as_str() selected=q == initial_quality>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>"Images"</span>
                <input
                    type="number"
                    min="1"
                    max="16"
                    value=count.get_untracked().to_string()
                    prop:value=move || count.get().to_string()
                    on:input=move |ev| {
                        // Keep the last valid count while the person is mid-edit.
                        if let Ok(n @ 1..=16) = event_target_value(&ev).parse::<u32>() {
                            count.set(n);
                        }
                    }
                />
            </label>
            <CostBadge action=action />
            <CostEstimator action=action on_pick=on_pick on_short=short />
            <GenerateButton action=action on_generate=generate on_refused=refused busy=busy />
        </form>
        <p class="host-status" role="status">{move || status.get()}</p>
        <OutOfCreditsPrompt
            refusal=refusal
            on_close=Callback::new(move |()| refusal.set(None))
            on_upgrade=Callback::new(move |plan: PlanId| {
                status.set(format!("The checkout for the {} plan would open here.", plan.as_str()))
            })
            on_top_up=Callback::new(move |credits: u64| {
                status.set(format!("The checkout for {credits} credits would open here."))
            })
            on_ask_admin=Callback::new(move |()| {
                status.set("Your request for credits went to the workspace's admins.".into())
            })
            on_fix_payment=Callback::new(move |()| {
                status.set("The payment method form would open here.".into())
            })
            on_pick=on_pick
        />
    }
}
