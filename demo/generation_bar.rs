use leptos::prelude::*;
use leptos_credits::primitives::{dynamic, effect};
use leptos_credits::{
    use_affordability, Affordability, CostBadge, CostEstimator, CreditAction, DraftPlan,
    FinishButton, GenerateButton, LowBalanceBanner, Refusal,
};

use crate::bar_settings::{ModeFields, Settings};
use crate::live_state::LiveState;
use crate::mode_switch::ModeSwitch;
use crate::spend::{use_refused, use_short, use_spend, use_spend_then, DemoPrompt};

/// The host's generation bar: prompt, mode (Image, Video, Train) and its
/// settings, the cost estimator, Generate, and Finish after a draft.
/// `settings` and `prompt` are the host's, kept across a language switch.
#[component]
pub fn GenerationBar(settings: Settings, prompt: RwSignal<String>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<Refusal>);
    let spend = use_spend(status, busy, refusal);
    let action = Signal::derive(move || settings.action());
    let refused = use_refused(refusal, action);
    let short = use_short(refusal, action);
    let fit = use_affordability(action);
    let next_cost = Signal::derive(move || match fit.get() {
        Affordability::Short { cost, .. } => Some(cost),
        _ => None,
    });
    // The estimator proposes other settings; the host adopts the one picked.
    let on_pick = Callback::new(move |picked: CreditAction| settings.adopt(picked));

    // Draft first, then finish: the draft runs with the settings left as they
    // are; once it is done, Finish offers the settings themselves.
    let drafting = StoredValue::new(None::<DraftPlan>);
    let drafted = RwSignal::new(None::<DraftPlan>);
    let draft_done = Callback::new(move |_| drafted.set(drafting.get_value()));
    let spend_draft = use_spend_then(status, busy, refusal, Some(draft_done));
    let on_draft_first = Callback::new(move |plan: DraftPlan| {
        drafted.set(None);
        drafting.set_value(Some(plan.clone()));
        spend_draft.run(plan.draft);
    });
    let on_finish = Callback::new(move |finish: CreditAction| {
        drafted.set(None);
        spend.run(finish);
    });
    // Other settings than the drafted ones: Generate is the way, not Finish.
    effect(move || {
        let now = action.get();
        if drafted.with_untracked(|d| d.as_ref().is_some_and(|p| p.finish != now)) {
            drafted.set(None);
        }
    });

    view! {
        <LowBalanceBanner next_cost=next_cost />
        <form class="gen-bar" on:submit=move |ev| ev.prevent_default()>
            <textarea
                class="gen-bar__prompt"
                aria-label="Prompt"
                dir="auto"
                rows="2"
                placeholder="A lighthouse at dusk, painted in gouache"
                prop:value=move || prompt.get()
                on:input=move |ev| prompt.set(event_target_value(&ev))
            ></textarea>
            <div class="gen-bar__controls">
                <ModeSwitch mode=settings.mode />
                <ModeFields settings=settings />
                <span class="gen-bar__spacer"></span>
                <LiveState />
                <CostBadge action=action />
                <CostEstimator
                    action=action
                    on_pick=on_pick
                    on_draft_first=on_draft_first
                    on_short=short
                />
                <FinishButton plan=drafted on_finish=on_finish on_refused=refused busy=busy />
                <GenerateButton action=action on_generate=spend on_refused=refused busy=busy />
            </div>
            <p class="gen-bar__status" role="status" lang="en">{dynamic(move || status.get().into_any())}</p>
        </form>
        <DemoPrompt refusal=refusal status=status on_pick=on_pick />
    }
}
