//! The words and ways out for each reason.

use credits_core::prompt::Why;
use credits_core::time::{days_until, parse_rfc3339};
use credits_core::{BalanceResponse, Reason};
use leptos::prelude::*;

use super::buying::failure;
use super::choice::ways_for;
use super::plans::{PromptData, Resync};
use super::ways_out::{ways_out, Tools};
use super::words::{credits, locale, name_of, word, Pick};
use super::{reasons, Refusal};
use crate::cost_estimator::labels::change;
use crate::intl::{format_day, format_in_days};
use crate::primitives::now_s;
use crate::text::fill;
use credits_core::ways_out::WayOut;

#[component]
pub(super) fn PromptBody(
    refusal: Refusal,
    data: PromptData,
    tools: Tools,
    /// The packs on sale, in credits.
    top_ups: StoredValue<Vec<u64>>,
) -> impl IntoView {
    let ctx = tools.ctx;
    let (hooks, on_close) = (tools.hooks, tools.on_close);
    let refusal = StoredValue::new(refusal);
    let why = refusal.with_value(|r| r.why);
    let w = move |pick: Pick| word(ctx, pick);
    let cr = move |n: u64| credits(ctx, n);
    let figures = data.figures;
    let plans = move || data.plans.get().unwrap_or_default();

    // "This needs 160 credits; you have 120 left."
    let numbers = move || {
        let r = refusal.get_value();
        let needed = r.needed?;
        let have = r
            .balance
            .or(figures.with(|f| f.as_ref().map(|f| f.balance)))?;
        Some(fill(
            w(|t| &t.prompts.needed_vs_left),
            &[("needed", &cr(needed)), ("balance", &cr(have))],
        ))
    };
    // "Your credits come back in 6 days, on Dec 1."
    let comes_back = move || {
        if !matches!(
            why,
            Why::Short(Reason::MonthlyLimitReached | Reason::SharedPoolExhausted | Reason::Unknown)
        ) {
            return None;
        }
        let at = refusal.get_value().resets_at.or_else(|| {
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
    let plan_of = move |f: &BalanceResponse| name_of(&plans(), f.plan);
    let reason_lines = move || {
        let f = figures.get();
        let listed = plans();
        refusal.with_value(|r| {
            data.by_member
                .with(|b| reasons::reason_lines(ctx, why, r, f.as_ref(), b.as_deref(), &listed))
        })
    };
    // The trial's plans that bring monthly credits.
    let monthly_plans = move || {
        if why != Why::Short(Reason::TrialExhausted) {
            return Vec::new();
        }
        plans()
            .into_iter()
            .filter(|p| p.monthly_credits > 0)
            .map(|p| {
                fill(
                    w(|t| &t.prompts.plan_monthly),
                    &[("plan", &p.name), ("credits", &cr(p.monthly_credits))],
                )
            })
            .collect::<Vec<_>>()
    };
    let ways = Memo::new(move |_| {
        let (listed, packs) = (plans(), top_ups.get_value());
        refusal.with_value(|r| figures.with(|f| ways_for(r, f.as_ref(), &listed, &packs, now_s())))
    });
    // "Pro gives 5,000 credits every month." and the pace's why.
    let why_lines = move || {
        let ways = ways.get();
        let mut lines = Vec::new();
        let plan = [Some(ways.primary), ways.secondary]
            .into_iter()
            .flatten()
            .find_map(|w| match w {
                WayOut::Upgrade(p) | WayOut::ContactSales(p) => Some(p),
                _ => None,
            })
            .filter(|_| {
                !matches!(
                    why,
                    Why::FeatureNotInPlan
                        | Why::Short(Reason::SubscriptionExpired | Reason::PaymentFailed)
                )
            });
        if let Some(p) = plan.and_then(|id| plans().into_iter().find(|p| p.id == id)) {
            lines.push(fill(
                w(|t| &t.prompts.upgrade_adds),
                &[("plan", &p.name), ("credits", &cr(p.monthly_credits))],
            ));
        }
        if let Some(r) = ways.pace {
            lines.push(fill(
                w(|t| &t.prompts.recommend_why),
                &[
                    ("pace", &cr(r.pace)),
                    ("plan", &name_of(&plans(), r.plan)),
                    ("allocation", &cr(r.allocation)),
                ],
            ));
        }
        lines
    };
    let alternative = move || {
        let (c, action, cost) = data.alternative.get()?;
        let label = ctx.map(|x| change(&x, c)).unwrap_or_default();
        let text = fill(
            w(|t| &t.prompts.alternative),
            &[("option", &label), ("credits", &cr(cost))],
        );
        let button = hooks.on_pick.map(|pick| {
            view! {
                <button
                    type="button"
                    class="lc-prompt__action"
                    on:click=move |_| {
                        pick.run(action.clone());
                        on_close.run(());
                    }
                >
                    {w(|t| &t.prompts.use_alternative)}
                </button>
            }
        });
        Some(view! {
            <p class="lc-prompt__alternative">
                <span>{text}</span>
                {button}
            </p>
        })
    };
    let resync = move || {
        if why != Why::FeatureNotInPlan {
            return None;
        }
        let status = move || match data.resync.get() {
            Resync::Idle => None,
            Resync::Checking => Some(w(|t| &t.prompts.resyncing)),
            Resync::Checked => {
                let action_id = refusal.with_value(|r| r.action.as_ref().map(|a| a.id()));
                let f = figures.get()?;
                let has = plans()
                    .iter()
                    .find(|p| p.id == f.plan)
                    .zip(action_id)
                    .is_some_and(|(p, a)| p.features.iter().any(|x| x == a));
                Some(if has {
                    w(|t| &t.prompts.resync_unlocked)
                } else {
                    fill(
                        w(|t| &t.prompts.resync_still_locked),
                        &[("plan", &plan_of(&f))],
                    )
                })
            }
        };
        Some(view! {
            <p class="lc-prompt__resync">
                <button
                    type="button"
                    class="lc-prompt__action"
                    disabled=move || data.resync.get() == Resync::Checking
                    on:click=move |_| data.resync_now.run(())
                >
                    {w(|t| &t.prompts.resync)}
                </button>
                <span role="status">{status}</span>
            </p>
        })
    };
    let ways_out = move || {
        let listed = plans();
        figures.with(|f| ways_out(tools, ways.get(), f.as_ref(), &listed))
    };
    view! {
        <div class="lc-prompt__body">
            {move || reason_lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
            {move || numbers().map(|n| view! { <p class="lc-prompt__numbers">{n}</p> })}
            {move || comes_back().map(|n| view! { <p class="lc-prompt__numbers">{n}</p> })}
            <ul class="lc-prompt__plans">
                {move || monthly_plans().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            {move || why_lines().into_iter().map(|l| view! { <p class="lc-prompt__why">{l}</p> }).collect_view()}
            {resync}
            {alternative}
            {failure(tools)}
        </div>
        <div class="lc-prompt__actions">
            {ways_out}
            <button type="button" class="lc-prompt__action" on:click=move |_| on_close.run(())>
                {move || w(|t| &t.prompts.not_now)}
            </button>
        </div>
    }
}
