//! Why a workspace cannot pay for an action, and which plan would let it.
//!
//! The server decides the `reason` of a 402 `insufficient_credits` with
//! [`refusal_reason`]; the components use the same rule to word a prompt
//! before they even ask.

use serde::{Deserialize, Serialize};

use crate::{Plan, PlanId, Status};

/// The `reason` of a 402 `insufficient_credits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The paid plan's monthly allocation is used up; it comes back at `resets_at`.
    MonthlyLimitReached,
    /// The subscription ran out (or was canceled): no credits until it is renewed.
    SubscriptionExpired,
    /// Other members of a shared pool spent most of this cycle's credits.
    SharedPoolExhausted,
    /// No paid plan, and the one-time trial credits are used up.
    TrialExhausted,
    /// The plan is past due: the payment method failed, so the credits did not refresh.
    PaymentFailed,
    #[serde(other)]
    Unknown,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::MonthlyLimitReached => "monthly_limit_reached",
            Reason::SubscriptionExpired => "subscription_expired",
            Reason::SharedPoolExhausted => "shared_pool_exhausted",
            Reason::TrialExhausted => "trial_exhausted",
            Reason::PaymentFailed => "payment_failed",
            Reason::Unknown => "unknown",
        }
    }
}

/// What the rule needs to know about the workspace when the balance falls short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShortfallFacts {
    pub status: Status,
    /// Whether a live monthly grant exists (a paid plan's allocation).
    pub has_monthly_grant: bool,
    pub shared_pool: bool,
    /// Credits the asking member spent this cycle.
    pub own_cycle_spend: u64,
    /// Credits every other member spent this cycle.
    pub others_cycle_spend: u64,
}

/// The reason for a refusal, first match wins:
/// expired or canceled → `subscription_expired`; past due → `payment_failed`;
/// no monthly grant → `trial_exhausted`; a shared pool others spent more of
/// than the asker → `shared_pool_exhausted`; else `monthly_limit_reached`.
pub fn refusal_reason(f: &ShortfallFacts) -> Reason {
    match f.status {
        Status::Expired | Status::Canceled => Reason::SubscriptionExpired,
        Status::PastDue => Reason::PaymentFailed,
        _ if !f.has_monthly_grant => Reason::TrialExhausted,
        _ if f.shared_pool && f.others_cycle_spend > f.own_cycle_spend => {
            Reason::SharedPoolExhausted
        }
        _ => Reason::MonthlyLimitReached,
    }
}

/// The plan to offer: for an expired or past-due subscription, the current plan
/// when its allocation covers `needed` (renewing is enough); otherwise the
/// cheapest plan above the current one that has the action and whose monthly
/// allocation covers `needed`. `None` when no plan does.
pub fn suggested_plan(
    plans: &[Plan],
    current: PlanId,
    reason: Reason,
    action_id: &str,
    needed: u64,
) -> Option<PlanId> {
    let fits = |p: &&Plan| p.monthly_credits >= needed && p.features.iter().any(|f| f == action_id);
    let renew = matches!(reason, Reason::SubscriptionExpired | Reason::PaymentFailed);
    if renew {
        if let Some(p) = plans.iter().find(|p| p.id == current).filter(fits) {
            return Some(p.id);
        }
    }
    let above = plans
        .iter()
        .position(|p| p.id == current)
        .map_or(0, |i| i + 1);
    plans[above..].iter().find(fits).map(|p| p.id)
}

#[cfg(test)]
#[path = "refusal_tests.rs"]
mod tests;
