//! What was bought: a downgrade waiting for the cycle's end, and the latest
//! purchases (the balance answer's `pending_plan_change` and `purchases`).

use credits_core::time::parse_rfc3339;
use credits_core::{BalanceResponse, Purchase, PurchaseKind};
use leptos::prelude::*;

use crate::intl::{format_day, format_moment};
use crate::text::Pick;
use crate::CreditsContext;

fn what(ctx: CreditsContext, p: &Purchase) -> String {
    let loc = ctx.locale.get();
    let plan = ctx.plan_name(p.plan);
    let credits = ctx.credits(p.credits);
    let day = parse_rfc3339(&p.effective_at)
        .map(|t| format_day(t, loc.as_deref()))
        .unwrap_or_default();
    let pick: Pick = match p.kind {
        PurchaseKind::TopUp => |t| &t.subscription.purchase_top_up,
        PurchaseKind::Upgrade => |t| &t.subscription.purchase_upgrade,
        PurchaseKind::Downgrade => |t| &t.subscription.purchase_downgrade,
        PurchaseKind::Renewal => |t| &t.subscription.purchase_renewal,
        PurchaseKind::PaymentFixed => |t| &t.subscription.purchase_payment_fixed,
        PurchaseKind::Unknown => |t| &t.subscription.purchase_other,
    };
    ctx.fill(
        pick,
        &[("plan", &plan), ("credits", &credits), ("date", &day)],
    )
}

/// The pending change and the purchases list; nothing when there is neither.
pub(crate) fn purchases(ctx: CreditsContext, b: &BalanceResponse) -> Option<AnyView> {
    if b.pending_plan_change.is_none() && b.purchases.is_empty() {
        return None;
    }
    let loc = ctx.locale.get();
    let pending = b.pending_plan_change.as_ref().map(|p| {
        let day = parse_rfc3339(&p.effective_at)
            .map(|t| format_day(t, loc.as_deref()))
            .unwrap_or_default();
        let said = ctx.fill(
            |t| &t.subscription.pending_change,
            &[("plan", &ctx.plan_name(p.plan)), ("date", &day)],
        );
        view! { <p class="lc-subscription__pending">{said}</p> }
    });
    let rows = b
        .purchases
        .iter()
        .map(|p| {
            let time = parse_rfc3339(&p.at)
                .map(|t| format_moment(t, loc.as_deref()))
                .unwrap_or_default();
            let by = ctx.fill(
                |t| &t.subscription.purchase_by,
                &[("time", &time), ("member", &p.member.name)],
            );
            view! {
                <li class="lc-subscription__purchase" data-kind=p.kind.as_str()>
                    <span class="lc-subscription__purchase-what">{what(ctx, p)}</span>
                    <span class="lc-subscription__purchase-by">{by}</span>
                </li>
            }
        })
        .collect_view();
    let list = (!b.purchases.is_empty()).then(|| {
        view! {
            <h3 class="lc-subscription__subtitle">{ctx.word(|t| &t.subscription.purchases_title)}</h3>
            <ul class="lc-subscription__purchases">{rows}</ul>
        }
    });
    Some(
        view! {
            {pending}
            {list}
        }
        .into_any(),
    )
}
