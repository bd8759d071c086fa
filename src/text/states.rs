//! The catalogue's word for each state the API reports: a plan's status, a
//! grant's kind, the payment method, a usage record's outcome.

use credits_core::{GrantKind, PaymentMethod, Status, UsageStatus};

use super::Pick;

pub fn status_pick(s: Status) -> Pick {
    match s {
        Status::Free => |t| &t.subscription.status_free,
        Status::Trialing => |t| &t.subscription.status_trialing,
        Status::Active => |t| &t.subscription.status_active,
        Status::PastDue => |t| &t.subscription.status_past_due,
        Status::Expired => |t| &t.subscription.status_expired,
        Status::Canceled => |t| &t.subscription.status_canceled,
        Status::Unknown => |t| &t.subscription.status_unknown,
    }
}

pub fn grant_pick(k: GrantKind) -> Pick {
    match k {
        GrantKind::Monthly => |t| &t.subscription.grant_monthly,
        GrantKind::Trial => |t| &t.subscription.grant_trial,
        GrantKind::TopUp => |t| &t.subscription.grant_top_up,
        GrantKind::Promo => |t| &t.subscription.grant_promo,
        GrantKind::Unknown => |t| &t.subscription.grant_other,
    }
}

pub fn payment_pick(p: PaymentMethod) -> Pick {
    match p {
        PaymentMethod::Ok => |t| &t.subscription.payment_ok,
        PaymentMethod::Missing => |t| &t.subscription.payment_missing,
        PaymentMethod::Failing => |t| &t.subscription.payment_failing,
        PaymentMethod::Unknown => |t| &t.subscription.payment_unknown,
    }
}

pub fn usage_pick(s: UsageStatus) -> Pick {
    match s {
        UsageStatus::Charged => |t| &t.subscription.usage_charged,
        UsageStatus::Failed => |t| &t.subscription.usage_failed,
        UsageStatus::Refunded => |t| &t.subscription.usage_refunded,
        UsageStatus::Unknown => |t| &t.subscription.usage_unknown,
    }
}
