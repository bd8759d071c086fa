//! Which out-of-credits prompt to show, decided before any request from the
//! balance and a quote with the same rule the server uses for its 402s
//! ([`crate::refusal_reason`]), or read from a refusal's `reason` word.

use crate::{refusal_reason, BalanceResponse, GrantKind, MemberSpend, Reason, ShortfallFacts};

/// Why an action cannot run: a shortfall with its reason, or a plan that lacks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Why {
    Short(Reason),
    FeatureNotInPlan,
}

impl Why {
    /// A stable word for `data-reason`: the reason's wire word, or `feature_not_in_plan`.
    pub fn as_str(self) -> &'static str {
        match self {
            Why::Short(r) => r.as_str(),
            Why::FeatureNotInPlan => "feature_not_in_plan",
        }
    }
}

/// A 402's `reason` word; absent or a word a newer server adds is `Unknown`.
pub fn parse_reason(word: Option<&str>) -> Reason {
    match word {
        Some("monthly_limit_reached") => Reason::MonthlyLimitReached,
        Some("subscription_expired") => Reason::SubscriptionExpired,
        Some("shared_pool_exhausted") => Reason::SharedPoolExhausted,
        Some("trial_exhausted") => Reason::TrialExhausted,
        Some("payment_failed") => Reason::PaymentFailed,
        _ => Reason::Unknown,
    }
}

/// The facts [`refusal_reason`] needs, from the balance and (when known) the
/// cycle's spend per member. Without `by_member`, a shared pool is taken to be
/// spent mostly by others, the usual story of a team's pool.
pub fn shortfall_facts(b: &BalanceResponse, by_member: Option<&[MemberSpend]>) -> ShortfallFacts {
    let (own, others) = match by_member {
        Some(spends) => spends.iter().fold((0u64, 0u64), |(own, others), s| {
            if s.member.id == b.member.id {
                (own.saturating_add(s.credits), others)
            } else {
                (own, others.saturating_add(s.credits))
            }
        }),
        None if b.shared_pool => (0, 1),
        None => (0, 0),
    };
    ShortfallFacts {
        status: b.status,
        has_monthly_grant: b.grants.iter().any(|g| g.kind == GrantKind::Monthly),
        shared_pool: b.shared_pool,
        own_cycle_spend: own,
        others_cycle_spend: others,
    }
}

/// The prompt to show before asking the server: `None` when the balance
/// covers `cost` (exactly enough is enough), `FeatureNotInPlan` when the
/// quote is blocked, else the shortfall's reason.
pub fn prompt_why(
    b: &BalanceResponse,
    cost: u64,
    blocked: bool,
    by_member: Option<&[MemberSpend]>,
) -> Option<Why> {
    if blocked {
        return Some(Why::FeatureNotInPlan);
    }
    if cost <= b.balance {
        return None;
    }
    Some(Why::Short(refusal_reason(&shortfall_facts(b, by_member))))
}

/// The teammate (not `me`) who spent the most this cycle, if anyone did.
pub fn top_spender<'a>(by_member: &'a [MemberSpend], me: &str) -> Option<&'a MemberSpend> {
    by_member
        .iter()
        .filter(|s| s.member.id != me && s.credits > 0)
        .fold(None, |best: Option<&MemberSpend>, s| match best {
            Some(b) if b.credits >= s.credits => Some(b),
            _ => Some(s),
        })
}

#[cfg(test)]
#[path = "prompt_tests.rs"]
mod tests;
