//! Small helpers the subscription components share: their words, templates
//! filled in one pass, the clock, and status names.

use std::borrow::Cow;

use credits_core::{GrantKind, PaymentMethod, Status, UsageStatus};
use leptos::prelude::*;

use crate::SubscriptionText;
use crate::hooks::{CheckoutHandle, CheckoutState};
use crate::text::error_message;
use crate::{ClientError, CreditsContext, PluralText};

pub(crate) type Pick = fn(&SubscriptionText) -> &Cow<'static, str>;

/// One of the host's subscription words.
pub(crate) fn sw(ctx: CreditsContext, pick: Pick) -> String {
    ctx.text.with_value(|t| pick(&t.subscription).to_string())
}

/// A subscription word with its `{key}`s filled in.
pub(crate) fn swf(ctx: CreditsContext, pick: Pick, pairs: &[(&str, &str)]) -> String {
    ctx.text.with_value(|t| fill(pick(&t.subscription), pairs))
}

/// A counted subscription phrase ("12 generations"), number and plural form from `Intl`.
pub(crate) fn sw_counted(
    ctx: CreditsContext,
    pick: fn(&SubscriptionText) -> &PluralText,
    n: u64,
) -> String {
    let loc = ctx.locale.get();
    let formatted = crate::intl::format_count(n, loc.as_deref());
    let category = crate::intl::plural_category(n, loc.as_deref());
    ctx.text
        .with_value(|t| pick(&t.subscription).render(&category, &formatted))
}

pub(crate) use crate::primitives::now_s;
pub(crate) use crate::text::fill;

pub(crate) fn locale(ctx: CreditsContext) -> Option<String> {
    ctx.locale.get()
}

pub(crate) fn status_pick(s: Status) -> Pick {
    match s {
        Status::Free => |t| &t.status_free,
        Status::Trialing => |t| &t.status_trialing,
        Status::Active => |t| &t.status_active,
        Status::PastDue => |t| &t.status_past_due,
        Status::Expired => |t| &t.status_expired,
        Status::Canceled => |t| &t.status_canceled,
        Status::Unknown => |t| &t.status_unknown,
    }
}

pub(crate) fn grant_pick(k: GrantKind) -> Pick {
    match k {
        GrantKind::Monthly => |t| &t.grant_monthly,
        GrantKind::Trial => |t| &t.grant_trial,
        GrantKind::TopUp => |t| &t.grant_top_up,
        GrantKind::Promo => |t| &t.grant_promo,
        GrantKind::Unknown => |t| &t.grant_other,
    }
}

pub(crate) fn payment_pick(p: PaymentMethod) -> Pick {
    match p {
        PaymentMethod::Ok => |t| &t.payment_ok,
        PaymentMethod::Missing => |t| &t.payment_missing,
        PaymentMethod::Failing => |t| &t.payment_failing,
        PaymentMethod::Unknown => |t| &t.payment_unknown,
    }
}

pub(crate) fn usage_pick(s: UsageStatus) -> Pick {
    match s {
        UsageStatus::Charged => |t| &t.usage_charged,
        UsageStatus::Failed => |t| &t.usage_failed,
        UsageStatus::Refunded => |t| &t.usage_refunded,
        UsageStatus::Unknown => |t| &t.usage_unknown,
    }
}

/// An action id's name in the host's words.
pub(crate) fn action_name(ctx: CreditsContext, id: &str) -> String {
    ctx.action_name(id)
}

/// What a component shows outside a `CreditsProvider`: the generic error, no panic.
pub(crate) fn no_provider(classes: impl Fn() -> String + Send + Sync + 'static) -> AnyView {
    view! {
        <section class=classes data-state="failed">
            <p role="alert">{error_message(None, &ClientError::NoProvider)}</p>
        </section>
    }
    .into_any()
}

/// `base` merged with the host's extra classes.
pub(crate) fn merge_class(base: &str, extra: Option<String>) -> String {
    match extra {
        Some(e) if !e.trim().is_empty() => format!("{base} {e}"),
        _ => base.to_owned(),
    }
}

/// "Done: 500 credits added; ..." after a purchase from this page.
pub(crate) fn bought_line(ctx: CreditsContext, checkout: CheckoutHandle) -> Option<String> {
    checkout.state.with(|s| match s {
        CheckoutState::Done(_, p) => Some(swf(
            ctx,
            |t| &t.bought,
            &[
                ("credits", &ctx.credits(p.purchase.credits)),
                ("balance", &ctx.credits(p.balance)),
            ],
        )),
        _ => None,
    })
}
