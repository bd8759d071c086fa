//! What an expired or past-due workspace can do from this page: Renew or
//! "Update payment method" for owners and admins (the host's callback, else
//! the checkout), and for a member whom to ask, by name.

use credits_core::{BalanceResponse, Status};
use leptos::prelude::*;

use crate::hooks::{use_checkout, Order};
use crate::intl::format_list_or;
use crate::primitives::bought_line;
use crate::primitives::{dynamic, purchase_button, purchase_failure};
use crate::CreditsContext;

/// The order that would put the workspace right, when it needs one.
fn remedy_for(b: &BalanceResponse) -> Option<Order> {
    match b.status {
        Status::Expired | Status::Canceled => Some(Order::Renew),
        Status::PastDue => Some(Order::FixPayment),
        _ => None,
    }
}

#[component]
pub(crate) fn Remedy(
    ctx: CreditsContext,
    figures: Signal<Option<BalanceResponse>>,
    on_renew: Option<Callback<()>>,
    on_fix_payment: Option<Callback<()>>,
) -> impl IntoView {
    let checkout = use_checkout();
    let action = move || {
        let b = figures.get()?;
        let order = remedy_for(&b)?;
        if !b.member.role.can_change_plan() {
            let admins: Vec<String> = b.admins.iter().map(|a| a.name.clone()).collect();
            let said = if admins.is_empty() {
                ctx.word(|t| &t.subscription.remedy_ask)
            } else {
                let who = format_list_or(&admins, ctx.locale.get().as_deref());
                ctx.fill(|t| &t.subscription.remedy_ask_named, &[("admins", &who)])
            };
            return Some(view! { <p class="lc-subscription__ask">{said}</p> }.into_any());
        }
        let (label, way, hook) = match order {
            Order::Renew => (
                ctx.fill(
                    |t| &t.subscription.renew,
                    &[("plan", &ctx.plan_name(b.plan))],
                ),
                "renew",
                on_renew,
            ),
            _ => (
                ctx.word(|t| &t.subscription.fix_payment),
                "fix_payment",
                on_fix_payment,
            ),
        };
        const CLASS: &str = "lc-subscription__remedy-action";
        Some(match hook {
            Some(h) => view! {
                <button type="button" class=CLASS data-way-out=way on:click=move |_| h.run(())>{label}</button>
            }
            .into_any(),
            None => purchase_button(Some(ctx), checkout, CLASS, way, label, order),
        })
    };
    view! {
        <div class="lc-subscription__remedy">
            {dynamic(move || action().into_any())}
            {purchase_failure(Some(ctx), checkout, "lc-subscription__error")}
            <p class="lc-subscription__bought" role="status">{dynamic(move || bought_line(ctx, checkout).into_any())}</p>
        </div>
    }
}
