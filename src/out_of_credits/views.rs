//! The words and ways out for each reason. The body is drawn once per
//! prompt: what the reads bring later (the usage, the plans, the quotes)
//! changes its words, and a button only when what it offers changes, so
//! focus stays where the person put it.

use credits_core::prompt::Why;
use credits_core::time::{days_until, parse_rfc3339};
use credits_core::Reason;
use leptos::prelude::*;

use super::buying::{failure, Look};
use super::choice::ways_for;
use super::offers::{alternative, resync, why_lines};
use super::plans::PromptData;
use super::ways_out::{draw, drawn, Tools};
use super::words::{credits, locale, word, Pick};
use super::{reasons, Refusal};
use crate::intl::{format_day, format_in_days};
use crate::primitives::{dynamic, now_s};
use crate::text::fill;

#[component]
pub(super) fn PromptBody(
    /// Decided again once the usage is read.
    refusal: Memo<Refusal>,
    data: PromptData,
    tools: Tools,
    /// The packs on sale, in credits.
    top_ups: StoredValue<Vec<u64>>,
) -> impl IntoView {
    let tools = Tools {
        refusal: Some(refusal),
        ..tools
    };
    let (ctx, on_close) = (tools.ctx, tools.on_close);
    let why = Memo::new(move |_| refusal.with(|r| r.why));
    let w = move |pick: Pick| word(ctx, pick);
    let cr = move |n: u64| credits(ctx, n);
    let figures = data.figures;
    let plans = move || data.plans.get().unwrap_or_default();

    // "This needs 160 credits; you have 120 left."
    let numbers = move || {
        let (needed, balance) = refusal.with(|r| (r.needed, r.balance));
        let have = balance.or(figures.with(|f| f.as_ref().map(|f| f.balance)))?;
        Some(fill(
            w(|t| &t.prompts.needed_vs_left),
            &[("needed", &cr(needed?)), ("balance", &cr(have))],
        ))
    };
    // "Your credits come back in 6 days, on Dec 1."
    let comes_back = move || {
        if !matches!(
            why.get(),
            Why::Short(Reason::MonthlyLimitReached | Reason::SharedPoolExhausted | Reason::Unknown)
        ) {
            return None;
        }
        let at = refusal.with(|r| r.resets_at.clone()).or_else(|| {
            figures.with(|f| f.as_ref()?.cycle.as_ref().map(|c| c.resets_at.clone()))
        })?;
        let t = parse_rfc3339(&at)?;
        let days = days_until(now_s(), t);
        (days > 0).then(|| {
            let loc = locale(ctx);
            fill(
                w(|t| &t.prompts.comes_back),
                &[
                    ("in_days", &format_in_days(days, loc.as_deref())),
                    ("day", &format_day(t, loc.as_deref())),
                ],
            )
        })
    };
    let reason_lines = move || {
        let f = figures.get();
        let listed = plans();
        refusal.with(|r| {
            data.by_member
                .with(|b| reasons::reason_lines(ctx, r.why, r, f.as_ref(), b.as_deref(), &listed))
        })
    };
    // After the numbers: the plans that bring monthly credits, for a trial.
    let monthly_plans = move || {
        (why.get() == Why::Short(Reason::TrialExhausted)).then(|| {
            let items = move || {
                plans()
                    .into_iter()
                    .filter(|p| p.monthly_credits > 0)
                    .map(|p| {
                        let line = fill(
                            w(|t| &t.prompts.plan_monthly),
                            &[("plan", &p.name), ("credits", &cr(p.monthly_credits))],
                        );
                        view! { <li>{line}</li> }
                    })
                    .collect_view()
            };
            view! {
                <p>{w(|t| &t.prompts.trial_plans)}</p>
                <ul class="lc-prompt__plans">{dynamic(move || items().into_any())}</ul>
            }
        })
    };
    let ways = Memo::new(move |_| {
        let (listed, packs) = (plans(), top_ups.get_value());
        refusal.with(|r| figures.with(|f| ways_for(r, f.as_ref(), &listed, &packs, now_s())))
    });
    // The main way out and the second each redraw only when what they show changes.
    let slot = move |main: bool| {
        let shown = Memo::new(move |_| {
            let ways = ways.get();
            let (way, look) = match main {
                true => (Some(ways.primary), Look::Primary),
                false => (ways.secondary, Look::Plain),
            };
            let listed = plans();
            figures.with(|f| {
                way.map(|way| drawn(tools, way, look, f.as_ref(), &listed))
                    .unwrap_or_default()
            })
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
    let why_lines = move || {
        let listed = plans();
        why_lines(ctx, why.get(), ways.get(), &listed)
            .into_iter()
            .map(|l| view! { <p class="lc-prompt__why">{l}</p> })
            .collect_view()
    };
    view! {
        <div class="lc-prompt__body">
            {dynamic(move || reason_lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view().into_any())}
            {dynamic(move || numbers().map(|n| view! { <p class="lc-prompt__numbers">{n}</p> }).into_any())}
            {dynamic(move || comes_back().map(|n| view! { <p class="lc-prompt__numbers">{n}</p> }).into_any())}
            {dynamic(move || monthly_plans().into_any())}
            {dynamic(move || why_lines().into_any())}
            {dynamic(move || (why.get() == Why::FeatureNotInPlan).then(|| resync(ctx, refusal, data)).into_any())}
            {alternative(tools, data)}
            {failure(tools)}
        </div>
        <div class="lc-prompt__actions">
            {slot(true)}
            {slot(false)}
            <button type="button" class="lc-prompt__action" on:click=move |_| on_close.run(())>
                {dynamic(move || w(|t| &t.prompts.not_now).into_any())}
            </button>
        </div>
    }
}
