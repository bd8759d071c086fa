//! The prompt's body: `credits_core`'s lines for the refusal in the host's
//! words, and the ways out as buttons. The body is drawn once per prompt:
//! what the reads bring later (the usage, the plans, the quotes) changes its
//! words, and a button only when what it offers changes, so focus stays
//! where the person put it.

use credits_core::prompt::Why;
use credits_core::prompt_lines::{prompt_lines, Line, Said};
use credits_core::prompt_ways::offers;
use leptos::prelude::*;

use super::buying::failure;
use super::offers::{alternative, resync};
use super::say::say;
use super::ways_out::{draw, drawn, Tools};
use super::Refusal;
use crate::primitives::dynamic;
use crate::text::word;
use crate::CreditsContext;

/// `lines` as paragraphs with `class`.
fn paragraphs(
    ctx: Option<CreditsContext>,
    lines: Vec<Line>,
    class: Option<&'static str>,
) -> AnyView {
    lines
        .iter()
        .map(|l| view! { <p class=class>{say(ctx, l)}</p> })
        .collect_view()
        .into_any()
}

#[component]
pub(super) fn PromptBody(
    /// Decided again once the usage is read.
    refusal: Memo<Refusal>,
    tools: Tools,
) -> impl IntoView {
    let tools = Tools {
        refusal: Some(refusal),
        ..tools
    };
    let (ctx, on_close, data) = (tools.ctx, tools.on_close, tools.data);
    let why = Memo::new(move |_| refusal.with(|r| r.why));
    let said = Memo::new(move |_| refusal.with(|r| data.with_facts(r, prompt_lines)));
    let ways = Memo::new(move |_| said.with(|s| s.ways));
    // After the numbers: the plans that bring monthly credits, for a trial.
    let monthly_plans = move || {
        let plans = said.with(|s| s.monthly_plans.clone());
        (!plans.is_empty()).then(|| {
            let items = plans.iter().map(|l| view! { <li>{say(ctx, l)}</li> });
            view! {
                <p>{word(ctx, |t| &t.prompts.trial_plans)}</p>
                <ul class="lc-prompt__plans">{items.collect_view()}</ul>
            }
        })
    };
    // The main way out and the second each redraw only when what they show changes.
    let slot = move |main: bool| {
        let shown = Memo::new(move |_| {
            let ways = ways.get();
            let way = if main {
                Some(ways.primary)
            } else {
                ways.secondary
            };
            let offered = way
                .map(|way| refusal.with(|r| data.with_facts(r, |f| offers(f, way, main))))
                .unwrap_or_default();
            drawn(tools, offered)
        });
        dynamic(move || {
            shown
                .get()
                .into_iter()
                .map(|d| draw(tools, d))
                .collect_view()
                .into_any()
        })
    };
    let part = move |pick: fn(&Said) -> &Vec<Line>, class| {
        dynamic(move || paragraphs(ctx, said.with(|s| pick(s).clone()), class))
    };
    view! {
        <div class="lc-prompt__body">
            {part(|s| &s.reason, None)}
            {part(|s| &s.numbers, Some("lc-prompt__numbers"))}
            {dynamic(move || monthly_plans().into_any())}
            {part(|s| &s.why, Some("lc-prompt__why"))}
            {dynamic(move || (why.get() == Why::FeatureNotInPlan).then(|| resync(tools, refusal)).into_any())}
            {alternative(tools)}
            {failure(tools)}
        </div>
        <div class="lc-prompt__actions">
            {slot(true)}
            {slot(false)}
            <button type="button" class="lc-prompt__action" on:click=move |_| on_close.run(())>
                {dynamic(move || word(ctx, |t| &t.prompts.not_now).into_any())}
            </button>
        </div>
    }
}
