//! The alternatives ladder and the saving hints.

use credits_core::estimate::{hints, Change};
use credits_core::{Action as CreditAction, QuoteItem};
use leptos::prelude::*;

use super::labels;
use super::ladder::Ladder;
use crate::text::{fill, plan_name};
use crate::CreditsContext;

/// The quoted credits of an item a person could pick; `None` when invalid or blocked.
fn usable_credits(item: &QuoteItem) -> Option<u64> {
    match item {
        QuoteItem::Quoted(q) if q.blocked.is_none() => Some(q.credits),
        _ => None,
    }
}

pub fn options(
    ctx: CreditsContext,
    ladder: &Ladder,
    current: CreditAction,
    on_pick: Option<Callback<CreditAction>>,
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
                    let plan = plan_name(
                        q.blocked.as_ref().and_then(|b| b.required_plan.as_deref()).unwrap_or_default(),
                    );
                    fill(ctx.word(|t| &t.needs_plan), &[("plan", &plan)])
                }
                QuoteItem::Quoted(q) if q.is_free() => ctx.word(|t| &t.free),
                QuoteItem::Quoted(q) => ctx.credits(q.credits),
                QuoteItem::Invalid { .. } => "—".to_owned(),
            };
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
                        on:click=move |_| {
                            if let (true, Some(cb)) = (pickable, on_pick) {
                                cb.run(action.clone());
                            }
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
        Change::DraftPreview => "draft-preview".to_owned(),
    }
}
