//! The top of the popover: cost, breakdown, balance before and after, shortfall.

use credits_core::estimate::{affordability, Affordability};
use credits_core::{Quote, QuoteItem};
use leptos::prelude::*;

use super::ladder::Ladder;
use crate::text::{error_message, fill};
use crate::{CreditsContext, CreditsText};
use credits_core::PlanId;

/// Where a person goes when the balance is short (until the out-of-credit prompt).
#[derive(Clone)]
pub enum WayOut {
    Link(String),
    Callback(Callback<u64>),
}

/// What the estimator knows about the shared balance's freshness.
#[derive(Clone, Copy)]
pub struct Freshness {
    /// The last refresh failed: the figures may be out of date.
    pub stale: bool,
    pub refresh: Callback<()>,
}

pub fn summary(
    ctx: CreditsContext,
    ladder: &Ladder,
    way_out: Option<WayOut>,
    fresh: Freshness,
) -> AnyView {
    let quote = match &ladder.current {
        QuoteItem::Quoted(q) => q.clone(),
        QuoteItem::Invalid { error } => {
            let detail = error.detail.clone().unwrap_or_default();
            return view! {
                <p class="lc-cost-estimator__error" data-detail=detail>{ctx.word(|t| &t.error_generic)}</p>
            }
            .into_any();
        }
    };
    if let Some(blocked) = &quote.blocked {
        let plan = ctx.plan_name(PlanId::from_word(
            blocked.required_plan.as_deref().unwrap_or_default(),
        ));
        return view! {
            <p class="lc-cost-estimator__blocked">{fill(ctx.word(|t| &t.needs_plan), &[("plan", &plan)])}</p>
        }
        .into_any();
    }
    if quote.is_free() {
        return view! { <p class="lc-cost-estimator__cost" data-free="true">{ctx.word(|t| &t.free)}</p> }.into_any();
    }
    let balance = ladder.balance;
    let after = affordability(quote.credits, balance);
    view! {
        <p class="lc-cost-estimator__cost">{ctx.credits(quote.credits)}</p>
        {breakdown(ctx, &quote)}
        <dl class="lc-cost-estimator__balance" data-stale=fresh.stale.then_some("true")>
            <div>
                <dt>{ctx.word(|t| &t.balance_now)}</dt>
                <dd>{ctx.credits(balance)}</dd>
            </div>
            {match after {
                Affordability::Affordable { after } => view! {
                    <div>
                        <dt>{ctx.word(|t| &t.balance_after)}</dt>
                        <dd>{ctx.credits(after)}</dd>
                    </div>
                }
                .into_any(),
                Affordability::Short { .. } => ().into_any(),
            }}
        </dl>
        {fresh.stale.then(|| stale_view(ctx, fresh.refresh))}
        {match after {
            Affordability::Short { shortfall } => shortfall_view(ctx, shortfall, way_out).into_any(),
            Affordability::Affordable { .. } => ().into_any(),
        }}
    }
    .into_any()
}

fn stale_view(ctx: CreditsContext, refresh: Callback<()>) -> impl IntoView {
    view! {
        <p class="lc-cost-estimator__stale">
            {ctx.word(|t| &t.balance_stale)}
            " "
            <button type="button" class="lc-cost-estimator__refresh" on:click=move |_| refresh.run(())>
                {ctx.word(|t| &t.refresh)}
            </button>
        </p>
    }
}

fn breakdown(ctx: CreditsContext, quote: &Quote) -> impl IntoView {
    let lines = quote.breakdown.clone();
    (!lines.is_empty()).then(|| {
        view! {
            <ul class="lc-cost-estimator__breakdown">
                {lines
                    .into_iter()
                    .map(|line| {
                        view! {
                            <li>
                                <span>{ctx.breakdown_line(&line)}</span>
                                <span class="lc-cost-estimator__line-credits">{ctx.credits(line.credits)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

fn shortfall_view(ctx: CreditsContext, shortfall: u64, way_out: Option<WayOut>) -> impl IntoView {
    let label = ctx.word(|t| &t.get_more_credits);
    let action = match way_out {
        Some(WayOut::Link(href)) => {
            view! { <a class="lc-cost-estimator__way-out" href=href>{label}</a> }.into_any()
        }
        Some(WayOut::Callback(cb)) => view! {
            <button type="button" class="lc-cost-estimator__way-out" on:click=move |_| cb.run(shortfall)>
                {label}
            </button>
        }
        .into_any(),
        None => ().into_any(),
    };
    view! {
        <p class="lc-cost-estimator__shortfall" data-shortfall=shortfall.to_string()>
            {ctx.counted(|t| &t.shortfall, shortfall)}
        </p>
        {action}
    }
}

/// A failed quote: the reason in the host's words and a Retry button.
pub(super) fn failed(
    ctx: Option<CreditsContext>,
    error: crate::ClientError,
    retry: Callback<()>,
) -> AnyView {
    let retry_label = match ctx {
        Some(c) => c.word(|t| &t.retry),
        None => CreditsText::default().retry.to_string(),
    };
    view! {
        <p class="lc-cost-estimator__error" data-detail=error.to_string()>{error_message(ctx, &error)}</p>
        <button type="button" class="lc-cost-estimator__retry" on:click=move |_| retry.run(())>
            {retry_label}
        </button>
    }
    .into_any()
}
