//! The rules of the subscription view: which grant comes first, how much of
//! the monthly allocation is used, what a drained balance means, and what to
//! tell a person whose credits did not refresh or whose feature is locked.
//! Pure: `now` is passed in (seconds since the Unix epoch).

use crate::time::{days_until, parse_rfc3339};
use crate::{BalanceResponse, GrantKind, GrantView, PaymentMethod, Plan, PlanId, Status};

/// The grants in the order the view lists them: monthly, trial, top-up,
/// promo, then kinds a newer server adds; within a kind, the one that
/// expires first comes first (never-expiring last).
pub fn grant_order(grants: &[GrantView]) -> Vec<&GrantView> {
    let rank = |k: GrantKind| match k {
        GrantKind::Monthly => 0,
        GrantKind::Trial => 1,
        GrantKind::TopUp => 2,
        GrantKind::Promo => 3,
        GrantKind::Unknown => 4,
    };
    let expiry = |g: &GrantView| {
        g.expires_at
            .as_deref()
            .and_then(parse_rfc3339)
            .unwrap_or(i64::MAX)
    };
    let mut out: Vec<&GrantView> = grants.iter().collect();
    out.sort_by_key(|g| (rank(g.kind), expiry(g)));
    out
}

/// The monthly allocation and how much of it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allocation {
    pub granted: u64,
    pub used: u64,
    /// Whole percent used, 0 to 100 (rounded down, so 100 only when all is gone).
    pub percent: u8,
}

/// The monthly grant's allocation, or `None` when the plan grants none.
pub fn allocation(b: &BalanceResponse) -> Option<Allocation> {
    let g = b
        .grants
        .iter()
        .find(|g| g.kind == GrantKind::Monthly && g.granted > 0)?;
    let used = g.granted.saturating_sub(g.remaining);
    let percent = (u128::from(used) * 100 / u128::from(g.granted)).min(100) as u8;
    Some(Allocation {
        granted: g.granted,
        used,
        percent,
    })
}

/// The cycle's reset as `(epoch seconds, whole days from now)`, when it is
/// still to come; `None` without a cycle or when the date has passed.
pub fn upcoming_reset(b: &BalanceResponse, now: i64) -> Option<(i64, i64)> {
    let at = parse_rfc3339(&b.cycle.as_ref()?.resets_at)?;
    (at > now).then(|| (at, days_until(now, at)))
}

/// What the balance means, in one word the view turns into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Credits left, above the low-balance threshold.
    Healthy,
    /// Credits left, under the threshold.
    Low,
    /// Nothing left, but the allocation comes back at the coming reset:
    /// empty until then, never "expired".
    EmptyUntilReset,
    /// Nothing left and nothing coming back by itself (trial used up, free plan).
    Empty,
    /// The subscription ran out (expired or canceled).
    Expired,
    /// The payment failed: the credits were not renewed.
    PastDue,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Healthy => "healthy",
            Standing::Low => "low",
            Standing::EmptyUntilReset => "empty_until_reset",
            Standing::Empty => "empty",
            Standing::Expired => "expired",
            Standing::PastDue => "past_due",
        }
    }
}

/// Where the workspace stands. A live plan whose reset is still to come is
/// "empty until reset" when drained, whatever the grants' own expiry says.
pub fn standing(b: &BalanceResponse, now: i64) -> Standing {
    match b.status {
        Status::Expired | Status::Canceled => return Standing::Expired,
        Status::PastDue => return Standing::PastDue,
        _ => {}
    }
    if b.balance == 0 {
        if upcoming_reset(b, now).is_some() {
            Standing::EmptyUntilReset
        } else {
            Standing::Empty
        }
    } else if b.balance < b.low_balance_threshold {
        Standing::Low
    } else {
        Standing::Healthy
    }
}

/// What to do when the credits did not refresh, most pressing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefreshAdvice {
    /// The payment failed: update the payment method, then the credits renew.
    FixPayment,
    /// The subscription ran out: renew or pick a plan.
    Renew,
    /// A paid plan with no payment method: add one before the reset.
    AddPayment,
    /// All is in order: the credits come back at the reset date.
    WaitForReset,
    /// The reset date passed and the plan is fine: re-sync, then contact support.
    Resync,
    /// No monthly credits on this plan (free or trial): upgrade for some.
    NoMonthlyCredits,
}

impl RefreshAdvice {
    pub fn as_str(self) -> &'static str {
        match self {
            RefreshAdvice::FixPayment => "fix_payment",
            RefreshAdvice::Renew => "renew",
            RefreshAdvice::AddPayment => "add_payment",
            RefreshAdvice::WaitForReset => "wait_for_reset",
            RefreshAdvice::Resync => "resync",
            RefreshAdvice::NoMonthlyCredits => "no_monthly_credits",
        }
    }
}

/// The advice for "my credits did not refresh".
pub fn refresh_advice(b: &BalanceResponse, now: i64) -> RefreshAdvice {
    if b.status == Status::PastDue || b.payment_method == PaymentMethod::Failing {
        return RefreshAdvice::FixPayment;
    }
    if matches!(b.status, Status::Expired | Status::Canceled) {
        return RefreshAdvice::Renew;
    }
    if b.cycle.is_none() || matches!(b.status, Status::Free | Status::Trialing) {
        return RefreshAdvice::NoMonthlyCredits;
    }
    if b.payment_method == PaymentMethod::Missing && b.plan != PlanId::Enterprise {
        return RefreshAdvice::AddPayment;
    }
    if upcoming_reset(b, now).is_some() {
        RefreshAdvice::WaitForReset
    } else {
        RefreshAdvice::Resync
    }
}

/// A feature (action id) the current plan lacks, and the cheapest plan that has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedFeature {
    pub feature: String,
    pub needs: PlanId,
}

/// The features some plan unlocks but `current` lacks, in the order the plans
/// list them, each with the first (cheapest) plan that has it.
pub fn locked_features(plans: &[Plan], current: PlanId) -> Vec<LockedFeature> {
    let have: &[String] = plans
        .iter()
        .find(|p| p.id == current)
        .map(|p| p.features.as_slice())
        .unwrap_or(&[]);
    let mut out: Vec<LockedFeature> = Vec::new();
    for plan in plans {
        for f in &plan.features {
            if !have.contains(f) && !out.iter().any(|l| &l.feature == f) {
                out.push(LockedFeature {
                    feature: f.clone(),
                    needs: plan.id,
                });
            }
        }
    }
    out
}

/// The bar lengths of a by-member chart: each spend as a share of the
/// biggest, in thousandths (0 to 1000), so the biggest bar is full width.
pub fn bar_lengths(spends: &[u64]) -> Vec<u32> {
    let max = spends.iter().copied().max().unwrap_or(0);
    spends
        .iter()
        .map(|&s| {
            if max == 0 {
                0
            } else {
                (u128::from(s) * 1000 / u128::from(max)) as u32
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "subscription_tests.rs"]
mod tests;
