//! One plan of the comparison.

use credits_core::{Plan, PlanId};
use leptos::prelude::*;

use crate::hooks::{CheckoutHandle, Order};
use crate::intl::format_money;
use crate::primitives::{is_safe_href, purchase_button};

use crate::CreditsContext;

/// The workspace as the cards see it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Mine {
    pub plan: PlanId,
    pub may_change: bool,
    /// The subscription has ended (expired or canceled).
    pub ended: bool,
}

const ACTION: &str = "lc-plans__upgrade";

pub(super) fn card(
    ctx: CreditsContext,
    plan: &Plan,
    mine: Option<Mine>,
    on_upgrade: Option<Callback<PlanId>>,
    checkout: CheckoutHandle,
) -> impl IntoView {
    let current = mine.map(|m| m.plan);
    let may_change = mine.is_some_and(|m| m.may_change);
    let ended = mine.is_some_and(|m| m.ended);
    let is_current = current == Some(plan.id);
    let above = current.is_some_and(|c| plan.id > c);
    let loc = ctx.locale.get_untracked();
    let price = match &plan.price {
        Some(p) => {
            let pick: crate::text::Pick = if p.interval == "year" {
                |t| &t.subscription.per_year
            } else {
                |t| &t.subscription.per_month
            };
            let money = format_money(p.amount_minor, &p.currency, loc.as_deref());
            ctx.fill(pick, &[("price", &money)])
        }
        None => ctx.word(|t| &t.subscription.contact_sales),
    };
    let seats = match plan.seats {
        Some(n) => ctx.counted(|t| &t.subscription.seats, u64::from(n)),
        None => ctx.word(|t| &t.subscription.seats_unlimited),
    };
    let credits = ctx.fill(
        |t| &t.subscription.monthly_credits,
        &[("credits", &ctx.credits(plan.monthly_credits))],
    );
    let features = plan
        .features
        .iter()
        .map(|f| view! { <li>{ctx.action_name(f)}</li> })
        .collect_view();
    let id = plan.id;
    let hook = |label: String, way: &'static str| {
        on_upgrade.map(|cb| {
            view! {
                <button type="button" class=ACTION data-way-out=way on:click=move |_| cb.run(id)>{label}</button>
            }
            .into_any()
        })
    };
    let action = if is_current && ended && may_change {
        let label = ctx.fill(
            |t| &t.subscription.renew,
            &[("plan", &ctx.listed_plan_name(plan))],
        );
        hook(label.clone(), "renew").or_else(|| {
            Some(purchase_button(
                Some(ctx),
                checkout,
                ACTION,
                "renew",
                label,
                Order::Renew,
            ))
        })
    } else if above && may_change && !ended {
        if plan.sold_by_contact() {
            let label = ctx.word(|t| &t.subscription.contact_sales);
            hook(label.clone(), "contact_sales").or_else(|| {
                Some(if is_safe_href(&plan.upgrade_url) {
                    view! {
                        <a class=ACTION data-way-out="contact_sales" href=plan.upgrade_url.trim().to_owned()>{label}</a>
                    }
                    .into_any()
                } else {
                    view! { <p class="lc-plans__refused" role="note">{ctx.word(|t| &t.subscription.link_refused)}</p> }
                        .into_any()
                })
            })
        } else {
            let label = ctx.fill(
                |t| &t.subscription.upgrade,
                &[("plan", &ctx.listed_plan_name(plan))],
            );
            hook(label.clone(), "upgrade").or_else(|| {
                Some(purchase_button(
                    Some(ctx),
                    checkout,
                    ACTION,
                    "upgrade",
                    label,
                    Order::ChangePlan(id),
                ))
            })
        }
    } else {
        None
    };
    let mark = is_current.then(|| {
        let word = if ended {
            ctx.word(|t| &t.subscription.plan_ended)
        } else {
            ctx.word(|t| &t.subscription.current_plan)
        };
        view! { <p class="lc-plans__current" data-ended=ended.then_some("true")>{word}</p> }
    });
    view! {
        <li
            class="lc-plans__plan"
            data-plan=plan.id.as_str()
            aria-current=is_current.then_some("true")
        >
            <h3 class="lc-plans__name">{ctx.listed_plan_name(plan)}</h3>
            {mark}
            <p class="lc-plans__price">{price}</p>
            <p class="lc-plans__credits">{credits}</p>
            <p class="lc-plans__seats">{seats}</p>
            <p class="lc-plans__features-label">{ctx.word(|t| &t.subscription.features_label)}</p>
            <ul class="lc-plans__features">{features}</ul>
            {action}
        </li>
    }
}
