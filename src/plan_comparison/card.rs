//! One plan of the comparison.

use credits_core::{Plan, PlanId};
use leptos::prelude::*;

use crate::intl::format_money;
use crate::primitives::is_safe_href;
use crate::subscription::words::{action_name, sw, swf};
use crate::CreditsContext;

pub(super) fn card(
    ctx: CreditsContext,
    plan: &Plan,
    current: Option<PlanId>,
    may_change: bool,
    on_upgrade: Option<Callback<PlanId>>,
) -> impl IntoView {
    let is_current = current == Some(plan.id);
    let above = current.is_some_and(|c| plan.id > c);
    let loc = ctx.locale.get_untracked();
    let price = match &plan.price {
        Some(p) => {
            let per = if p.interval == "year" {
                sw(ctx, |t| &t.per_year)
            } else {
                sw(ctx, |t| &t.per_month)
            };
            format!(
                "{} {per}",
                format_money(p.amount_minor, &p.currency, loc.as_deref())
            )
        }
        None => sw(ctx, |t| &t.contact_sales),
    };
    let seats = match plan.seats {
        Some(n) => ctx.text.with_value(|t| {
            let formatted = crate::intl::format_count(u64::from(n), loc.as_deref());
            let category = crate::intl::plural_category(u64::from(n), loc.as_deref());
            t.subscription.seats.render(&category, &formatted)
        }),
        None => sw(ctx, |t| &t.seats_unlimited),
    };
    let credits = swf(
        ctx,
        |t| &t.monthly_credits,
        &[("credits", &ctx.credits(plan.monthly_credits))],
    );
    let features = plan
        .features
        .iter()
        .map(|f| view! { <li>{action_name(ctx, f)}</li> })
        .collect_view();
    let action = (above && may_change).then(|| {
        let label = if plan.price.is_none() {
            sw(ctx, |t| &t.contact_sales)
        } else {
            swf(ctx, |t| &t.upgrade, &[("plan", &plan.name)])
        };
        let id = plan.id;
        match on_upgrade {
            Some(cb) => view! {
                <button type="button" class="lc-plans__upgrade" on:click=move |_| cb.run(id)>{label}</button>
            }
            .into_any(),
            None if is_safe_href(&plan.upgrade_url) => view! {
                <a class="lc-plans__upgrade" href=plan.upgrade_url.trim().to_owned()>{label}</a>
            }
            .into_any(),
            None => view! {
                <p class="lc-plans__refused" role="note">{sw(ctx, |t| &t.link_refused)}</p>
            }
            .into_any(),
        }
    });
    view! {
        <li
            class="lc-plans__plan"
            data-plan=plan.id.as_str()
            aria-current=is_current.then_some("true")
        >
            <h3 class="lc-plans__name">{plan.name.clone()}</h3>
            {is_current.then(|| view! { <p class="lc-plans__current">{sw(ctx, |t| &t.current_plan)}</p> })}
            <p class="lc-plans__price">{price}</p>
            <p class="lc-plans__credits">{credits}</p>
            <p class="lc-plans__seats">{seats}</p>
            <p class="lc-plans__features-label">{sw(ctx, |t| &t.features_label)}</p>
            <ul class="lc-plans__features">{features}</ul>
            {action}
        </li>
    }
}
