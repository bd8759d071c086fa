//! The alternatives ladder and the saving hints.

use credits_core::estimate::{hints, Change, DraftPlan, PlanCost};
use credits_core::{Action as CreditAction, QuoteItem};
use leptos::prelude::*;

use super::labels;
use super::ladder::Ladder;
use crate::text::fill;
use crate::CreditsContext;
use credits_core::PlanId;

/// The quoted credits of an item a person could pick; `None` when invalid or blocked.
fn usable_credits(item: &QuoteItem) -> Option<u64> {
    match item {
        QuoteItem::Quoted(q) if q.blocked.is_none() => Some(q.credits),
        _ => None,
    }
}

/// What a click on an option tells the host.
#[derive(Clone, Copy)]
pub struct Picks {
    pub pick: Option<Callback<CreditAction>>,
    /// When given, the draft preview is a draft-then-finish plan, not a pick.
    pub draft_first: Option<Callback<DraftPlan>>,
}

pub fn options(
    ctx: CreditsContext,
    ladder: &Ladder,
    current: CreditAction,
    picks: Picks,
) -> AnyView {
    if ladder.options.is_empty() {
        return ().into_any();
    }
    let rows = ladder
        .options
        .iter()
        .map(|(alt, item)| {
            let is_current = alt.action == current;
            let label = labels::change(&ctx, alt.change);
            let cost = match item {
                QuoteItem::Quoted(q) if q.blocked.is_some() => {
                    let plan = ctx.plan_name(PlanId::from_word(
                        q.blocked.as_ref().and_then(|b| b.required_plan.as_deref()).unwrap_or_default(),
                    ));
                    fill(ctx.word(|t| &t.needs_plan), &[("plan", &plan)])
                }
                QuoteItem::Quoted(q) if q.is_free() => ctx.word(|t| &t.free),
                QuoteItem::Quoted(q) => ctx.credits(q.credits),
                QuoteItem::Invalid { .. } => "—".to_owned(),
            };
            // The draft preview, when the host takes plans: draft it, keep the settings, finish after.
            let plan = match (alt.change, picks.draft_first) {
                (Change::DraftPreview, Some(cb)) => Some((cb, DraftPlan {
                    draft: alt.action.clone(),
                    finish: current.clone(),
                })),
                _ => None,
            };
            let plan_cost = plan.as_ref().and_then(|_| {
                PlanCost::new(usable_credits(item)?, usable_credits(&ladder.current)?)
            });
            let action = alt.action.clone();
            let pickable = usable_credits(item).is_some() && !is_current;
            view! {
                <li>
                    <button
                        type="button"
                        class="lc-cost-estimator__option"
                        data-change=change_key(alt.change)
                        aria-current=is_current.then_some("true")
                        aria-disabled=(!pickable && !is_current).then_some("true")
                        on:click=move |_| match (&plan, picks.pick) {
                            _ if !pickable => {}
                            (Some((cb, p)), _) => cb.run(p.clone()),
                            (None, Some(cb)) => cb.run(action.clone()),
                            (None, None) => {}
                        }
                    >
                        <span class="lc-cost-estimator__option-label">{label}</span>
                        {is_current
                            .then(|| {
                                view! {
                                    <span class="lc-cost-estimator__current">{ctx.word(|t| &t.current_option)}</span>
                                }
                            })}
                        <span class="lc-cost-estimator__option-cost">{cost}</span>
                        {plan_cost
                            .map(|c| {
                                view! { <span class="lc-cost-estimator__option-plan">{ctx.plan_cost(c)}</span> }
                            })}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="lc-cost-estimator__options">
            <h3 class="lc-cost-estimator__subtitle">{ctx.word(|t| &t.options_title)}</h3>
            <ul>{rows}</ul>
        </section>
    }
    .into_any()
}

pub fn hint_list(ctx: CreditsContext, ladder: &Ladder) -> AnyView {
    let Some(current) = usable_credits(&ladder.current) else {
        return ().into_any();
    };
    let quoted: Vec<(Change, Option<u64>)> = ladder
        .options
        .iter()
        .map(|(alt, item)| (alt.change, usable_credits(item)))
        .collect();
    let found = hints(current, Some(ladder.balance), &quoted);
    if found.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="lc-cost-estimator__hints">
            {found.into_iter().map(|h| view! { <li>{labels::hint(&ctx, h)}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// A stable word per change for `data-change` (styling and tests).
fn change_key(change: Change) -> String {
    match change {
        Change::Quality(q) => format!("quality-{}", q.as_str()),
        Change::Count(n) => format!("count-{n}"),
        Change::Duration(s) => format!("duration-{s}"),
        Change::Resolution(r) => format!("resolution-{}", r.as_str()),
        Change::Steps(n) => format!("steps-{n}"),
        Change::TrainingImages(n) => format!("training-images-{n}"),
        Change::DraftPreview => "draft-preview".to_owned(),
    }
}
