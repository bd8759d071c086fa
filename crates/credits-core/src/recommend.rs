//! Which plan to recommend from the pace of use this cycle: the credits spent
//! so far, projected to the whole cycle, against each plan's monthly
//! allocation with headroom ("at your pace you use about 3,100 credits a
//! month; Pro gives 5,000").

use crate::{Plan, PlanId};

/// Headroom a recommended plan keeps above the projected use, in percent.
pub const HEADROOM_PERCENT: u64 = 20;

const DAY: i64 = 86_400;

/// Credits the cycle would use at this cycle's pace: `spent` over the days
/// gone (at least one), times the cycle's days. `None` when the cycle's
/// times make no sense (it ends before it starts).
pub fn projected_use(spent: u64, started_at: i64, resets_at: i64, now: i64) -> Option<u64> {
    // Checked and saturating: times from a caller, not only from the API,
    // may sit at the ends of `i64`.
    let length = resets_at.checked_sub(started_at).filter(|l| *l > 0)?;
    // Whole days gone, at least one, at most the cycle: a pace from the first
    // hour of a cycle is not a month's worth of anything.
    let gone = now.saturating_sub(started_at).clamp(DAY, length.max(DAY));
    let projected = (spent as u128 * length as u128 + gone as u128 / 2) / gone as u128;
    Some(projected.min(u64::MAX as u128) as u64)
}

/// A number as a person would say it roughly: to the nearest 100 from 1,000,
/// to the nearest 10 from 100, else as is.
pub fn about(n: u64) -> u64 {
    let step = match n {
        0..=99 => return n,
        100..=999 => 10,
        _ => 100,
    };
    n.saturating_add(step / 2) / step * step
}

/// The plan to suggest and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recommendation {
    pub plan: PlanId,
    /// Credits a cycle uses at the current pace (rounded with [`about`]).
    pub pace: u64,
    /// The plan's monthly allocation.
    pub allocation: u64,
    /// Whether the allocation covers the pace with headroom; `false` when
    /// even the most generous plan does not (it is still the best there is).
    pub covers: bool,
}

/// The cheapest plan above `current` whose allocation covers `pace` plus
/// [`HEADROOM_PERCENT`] and that has `action_id` (when given); when none
/// covers it, the most generous plan above `current` that has the action.
/// `None` when no plan is above `current` (Enterprise, or an unknown plan)
/// or none has the action.
pub fn recommend_plan(
    plans: &[Plan],
    current: PlanId,
    pace: u64,
    action_id: Option<&str>,
) -> Option<Recommendation> {
    if current == PlanId::Unknown {
        return None;
    }
    let wanted = pace.saturating_add(pace.saturating_mul(HEADROOM_PERCENT).div_ceil(100));
    let has = |p: &&Plan| action_id.is_none_or(|a| p.features.iter().any(|f| f == a));
    let above: Vec<&Plan> = plans
        .iter()
        .filter(|p| p.id > current && p.id != PlanId::Unknown)
        .filter(has)
        .collect();
    let pick = |p: &Plan, covers| Recommendation {
        plan: p.id,
        pace: about(pace),
        allocation: p.monthly_credits,
        covers,
    };
    match above.iter().find(|p| p.monthly_credits >= wanted) {
        Some(p) => Some(pick(p, true)),
        None => above
            .iter()
            .max_by_key(|p| p.monthly_credits)
            .map(|p| pick(p, false)),
    }
}

#[cfg(test)]
#[path = "recommend_tests.rs"]
mod tests;
