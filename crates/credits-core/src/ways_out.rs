//! The way out of an out-of-credits prompt: what its main button offers, and
//! one second choice, from the reason, the asker's role, the plan and the
//! catalogue, this cycle's pace and the top-up packs on sale.
//!
//! The rule, first match wins:
//!
//! 1. Someone who cannot buy (a member, or a role a newer server adds) is
//!    told to ask an owner or admin ([`WayOut::AskAdmin`]), with no purchase;
//!    for a monthly or shared-pool shortfall, waiting for the reset is second.
//!    (Waiting is offered only when the allocation the reset brings back
//!    covers the action.)
//! 2. Past due → [`WayOut::FixPayment`].
//! 3. Expired → renew the plan ([`WayOut::Renew`]), or the plan above when
//!    this plan's allocation does not cover the action
//!    ([`crate::suggested_plan`]).
//! 4. The feature is not in the plan → the plan that unlocks it.
//! 5. Trial used up, or a reason this crate does not know → [`WayOut::SeePlans`].
//! 6. A monthly or shared-pool shortfall:
//!    - this cycle's pace, projected to a full cycle
//!      ([`crate::recommend::projected_use`]), above the plan's allocation by
//!      more than a top-up may cover ([`TOP_UP_REACH_PERCENT`] of it, at most
//!      the biggest pack) → the plan [`recommend_plan`] picks for that pace,
//!      a top-up for now second; when that plan is sold by contact and a pack
//!      covers the pace to the reset, that pack first and "Contact sales" second;
//!    - a reset within [`WAIT_AT_MOST_DAYS`] whose allocation covers the
//!      action → wait, a top-up second;
//!    - else the smallest pack that covers the pace to the reset (what this
//!      cycle still spends at its pace, less the balance, and at least the
//!      shortfall), or the smallest that covers the shortfall → top up,
//!      waiting second;
//!    - no pack fits → the plan that covers the need; none above → "Contact
//!      sales" when the plan itself is sold by contact, else wait, else the plans.
//!
//! Wherever a plan is the way out, a plan sold by contact (no price) is
//! [`WayOut::ContactSales`], never [`WayOut::Upgrade`].
//!
//! Pure: `now` is passed in (seconds since the Unix epoch); all arithmetic
//! saturates.

use crate::prompt::Why;
use crate::recommend::{projected_use, recommend_plan};
use crate::time::days_until;
use crate::{suggested_plan, Plan, PlanId, Reason, Role};

/// A top-up is for an overrun, not a habit: it may cover at most this share
/// of the plan's monthly allocation per cycle (and never more than the
/// biggest pack). A pace beyond the allocation and that share calls for the
/// next plan up: a quarter more every month is a plan's worth of use, bought
/// pack by pack each cycle and asked for again every month. Below it (Pro at
/// 5,200 of 5,000), a top-up does, and "Upgrade to Enterprise" would be absurd.
pub const TOP_UP_REACH_PERCENT: u64 = 25;

/// A reset this many days away or fewer is worth waiting for when the
/// allocation it brings back covers the action: waiting costs nothing, and
/// the top-up stays as the second choice for someone who cannot wait.
/// [`days_until`] counts up, so 1 is "within the next 24 hours".
pub const WAIT_AT_MOST_DAYS: i64 = 1;

#[path = "ways_out_types.rs"]
mod types;
pub use types::{Cycle, Situation, WayOut, WaysOut};

/// The way out for `s`: see the module's rule.
pub fn way_out(s: &Situation<'_>) -> WaysOut {
    let days_left = s
        .cycle
        .map(|c| days_until(s.now, c.resets_at))
        .filter(|d| *d > 0);
    let current = s.plans.iter().find(|p| p.id == s.plan);
    let allocation = current.map_or(0, |p| p.monthly_credits);
    // Waiting helps only when the allocation the reset brings back covers the action.
    let wait = days_left
        .filter(|_| s.needed <= allocation)
        .map(|days| WayOut::WaitForReset { days });
    let monthly = matches!(
        s.why,
        Why::Short(Reason::MonthlyLimitReached | Reason::SharedPoolExhausted)
    );
    if !s.role.is_none_or(Role::can_change_plan) {
        return WaysOut::new(WayOut::AskAdmin, wait.filter(|_| monthly));
    }
    match s.why {
        Why::Short(Reason::PaymentFailed) => WaysOut::new(WayOut::FixPayment, None),
        Why::Short(Reason::SubscriptionExpired) => WaysOut::new(renew(s), None),
        Why::FeatureNotInPlan => {
            let unlocks = s
                .required_plan
                .or_else(|| {
                    let a = s.action_id?;
                    s.plans
                        .iter()
                        .find(|p| p.id > s.plan && p.features.iter().any(|f| f == a))
                        .map(|p| p.id)
                })
                .filter(|id| *id > s.plan && *id != PlanId::Unknown);
            WaysOut::new(
                unlocks.map_or(WayOut::SeePlans, |id| buy(s.plans, id)),
                None,
            )
        }
        Why::Short(Reason::TrialExhausted | Reason::Unknown) => {
            WaysOut::new(WayOut::SeePlans, None)
        }
        Why::Short(Reason::MonthlyLimitReached | Reason::SharedPoolExhausted) => {
            shortfall(s, current, days_left, wait)
        }
    }
}

/// A monthly or shared-pool shortfall, for someone who can buy.
fn shortfall(
    s: &Situation<'_>,
    current: Option<&Plan>,
    days_left: Option<i64>,
    wait: Option<WayOut>,
) -> WaysOut {
    let short = s.needed.saturating_sub(s.balance);
    let allocation = current.map_or(0, |p| p.monthly_credits);
    let mut packs: Vec<u64> = s.top_ups.iter().copied().filter(|p| *p > 0).collect();
    packs.sort_unstable();
    let biggest = packs.last().copied().unwrap_or(0);
    let pack_for = |need: u64| packs.iter().copied().find(|p| *p >= need);
    let for_now = pack_for(short).map(|credits| WayOut::TopUp { credits });
    let projected = s
        .cycle
        .and_then(|c| projected_use(c.spent, c.started_at, c.resets_at, s.now));

    // What the rest of the cycle spends at its pace, less the balance.
    let to_reset = match (projected, s.cycle) {
        (Some(p), Some(c)) => p.saturating_sub(c.spent).saturating_sub(s.balance),
        _ => 0,
    }
    .max(short);
    let cycle_pack = pack_for(to_reset).map(|credits| WayOut::TopUp { credits });

    // The pace calls for the next plan up. A plan sold by contact is a sales
    // call, not a way out today: a pack that covers the cycle's rest leads.
    let reach = percent_of(allocation, TOP_UP_REACH_PERCENT).min(biggest);
    if let Some(pace) = projected.filter(|p| *p > allocation.saturating_add(reach)) {
        if let Some(rec) = recommend_plan(s.plans, s.plan, pace, s.action_id) {
            let plan = buy(s.plans, rec.plan);
            let (primary, secondary) = match (plan, cycle_pack) {
                (WayOut::ContactSales(_), Some(pack)) => (pack, Some(plan)),
                _ => (plan, for_now),
            };
            return WaysOut {
                pace: Some(rec),
                ..WaysOut::new(primary, secondary)
            };
        }
    }

    // A top-up for the rest of the cycle at its pace, or a reset that is due.
    let pack = cycle_pack.or(for_now);
    let due = days_left.is_some_and(|d| d <= WAIT_AT_MOST_DAYS);
    if let Some(w) = wait.filter(|_| due) {
        return WaysOut::new(w, pack);
    }
    if let Some(p) = pack {
        return WaysOut::new(p, wait);
    }

    // No pack fits: the plan that covers the need.
    let need = projected.unwrap_or(0).max(s.needed);
    if let Some(rec) = recommend_plan(s.plans, s.plan, need, s.action_id) {
        return WaysOut {
            pace: projected.filter(|p| *p >= s.needed).map(|_| rec),
            ..WaysOut::new(buy(s.plans, rec.plan), wait)
        };
    }
    match (current.filter(|p| p.sold_by_contact()), wait) {
        (Some(p), w) => WaysOut::new(WayOut::ContactSales(p.id), w),
        (None, Some(w)) => WaysOut::new(w, None),
        (None, None) => WaysOut::new(WayOut::SeePlans, None),
    }
}

/// An expired subscription: renew this plan, or the plan above when this
/// plan's allocation does not cover the action.
fn renew(s: &Situation<'_>) -> WayOut {
    let target = s
        .action_id
        .and_then(|a| suggested_plan(s.plans, s.plan, Reason::SubscriptionExpired, a, s.needed))
        .unwrap_or(s.plan);
    match s.plans.iter().find(|p| p.id == target) {
        None => WayOut::SeePlans,
        Some(p) if matches!(p.id, PlanId::Free | PlanId::Unknown) => WayOut::SeePlans,
        Some(p) if p.id == s.plan && p.sold_by_contact() => WayOut::ContactSales(p.id),
        Some(p) if p.id == s.plan => WayOut::Renew(p.id),
        Some(p) => buy(s.plans, p.id),
    }
}

/// Moving to `id`: "Contact sales" for a plan sold by contact, else "Upgrade".
fn buy(plans: &[Plan], id: PlanId) -> WayOut {
    if plans.iter().any(|p| p.id == id && p.sold_by_contact()) {
        WayOut::ContactSales(id)
    } else {
        WayOut::Upgrade(id)
    }
}

/// `percent` (at most 100) of `n`, rounded down, without overflow.
fn percent_of(n: u64, percent: u64) -> u64 {
    let share = u128::from(n) * u128::from(percent.min(100)) / 100;
    u64::try_from(share).unwrap_or(u64::MAX)
}

#[cfg(test)]
#[path = "ways_out_tests.rs"]
mod tests;
