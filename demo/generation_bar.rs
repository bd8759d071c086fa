use leptos::prelude::*;
use leptos_credits::{
    use_affordability, Affordability, CostBadge, CostEstimator, CreditAction, GenerateButton,
    ImageGenerate, LowBalanceBanner, Quality, Refusal,
};

use crate::spend::{use_refused, use_short, use_spend, DemoPrompt};

/// The host's generation bar: prompt, Quality, Images, the cost estimator and Generate.
#[component]
pub fn GenerationBar() -> impl IntoView {
    let quality = RwSignal::new(Quality::Standard);
    let count = RwSignal::new(4u32);
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<Refusal>);
    let spend = use_spend(status, busy, refusal);
    let action = Signal::derive(move || {
        CreditAction::ImageGenerate(ImageGenerate::new(quality.get(), count.get()))
    });
    let refused = use_refused(refusal, action);
    let short = use_short(refusal, action);
    let fit = use_affordability(action);
    let next_cost = Signal::derive(move || match fit.get() {
        Affordability::Short { cost, .. } => Some(cost),
        _ => None,
    });
    // The estimator proposes other settings; the host adopts the one picked.
    let on_pick = Callback::new(move |picked: CreditAction| {
        if let CreditAction::ImageGenerate(s) = picked {
            quality.set(s.quality);
            count.set(s.count);
        }
    });

    view! {
        <LowBalanceBanner next_cost=next_cost />
        <form class="gen-bar" on:submit=move |ev| ev.prevent_default()>
            <textarea
                class="gen-bar__prompt"
                aria-label="Prompt"
                rows="2"
                placeholder="A lighthouse at dusk, painted in gouache"
            ></textarea>
            <div class="gen-bar__controls">
                <label class="demo-field">
                    <span>"Quality"</span>
                    <select
                        prop:value=move || quality.get().as_str()
                        on:change=move |ev| {
                            if let Some(q) = Quality::parse(&event_target_value(&ev)) {
                                quality.set(q);
                            }
                        }
                    >
                        <option value="draft">"Draft"</option>
                        <option value="standard">"Standard"</option>
                        <option value="high">"High"</option>
                    </select>
                </label>
                <label class="demo-field">
                    <span>"Images"</span>
                    <input
                        type="number"
                        min="1"
                        max="16"
                        prop:value=move || count.get().to_string()
                        on:input=move |ev| {
                            // Keep the last valid count while the person is mid-edit.
                            if let Ok(n @ 1..=16) = event_target_value(&ev).parse::<u32>() {
                                count.set(n);
                            }
                        }
                    />
                </label>
                <span class="gen-bar__spacer"></span>
                <CostBadge action=action />
                <CostEstimator action=action on_pick=on_pick on_short=short />
                <GenerateButton action=action on_generate=spend on_refused=refused busy=busy />
            </div>
            <p class="gen-bar__status" role="status">{move || status.get()}</p>
        </form>
        <DemoPrompt refusal=refusal status=status on_pick=on_pick />
    }
}
