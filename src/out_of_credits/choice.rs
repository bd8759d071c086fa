//! Which ways out the prompt offers: `credits_core::ways_out`'s rule over
//! the refusal, the balance, the plans and the packs on sale.

use credits_core::ways_out::{way_out, Cycle, Situation, WayOut, WaysOut};
use credits_core::{BalanceResponse, Plan, PlanId};

use super::Refusal;

/// The packs a prompt offers when the host names none: what the reference
/// server's checkout sells (any amount from 100 to 100,000 credits).
pub const DEFAULT_TOP_UPS: [u64; 3] = [500, 1000, 5000];

/// The ways out for `refusal`. Before the balance is known, the plan the
/// refusal names (or the plans) is the one way out.
pub(super) fn ways_for(
    refusal: &Refusal,
    f: Option<&BalanceResponse>,
    plans: &[Plan],
    top_ups: &[u64],
    now: i64,
) -> WaysOut {
    let Some(f) = f else {
        let primary = match refusal.required_plan.or(refusal.suggested_plan) {
            Some(id) if plans.iter().any(|p| p.id == id && p.sold_by_contact()) => {
                WayOut::ContactSales(id)
            }
            Some(id) => WayOut::Upgrade(id),
            None => WayOut::SeePlans,
        };
        return WaysOut {
            primary,
            secondary: None,
            pace: None,
        };
    };
    let action_id = refusal.action.as_ref().map(|a| a.id());
    way_out(&Situation {
        why: refusal.why,
        role: Some(f.member.role),
        plan: f.plan,
        plans,
        action_id,
        required_plan: refusal.required_plan,
        needed: refusal.needed.unwrap_or_default(),
        balance: refusal.balance.unwrap_or(f.balance),
        cycle: Cycle::from_balance(f),
        now,
        top_ups,
    })
}

/// The plan that unlocks the refused action: the one the refusal names, else
/// the first above the workspace's that has it.
pub(super) fn unlocking_plan(
    refusal: &Refusal,
    f: Option<&BalanceResponse>,
    plans: &[Plan],
) -> Option<PlanId> {
    refusal.required_plan.or_else(|| {
        let (f, a) = (f?, refusal.action.as_ref()?.id());
        plans
            .iter()
            .find(|p| p.id > f.plan && p.features.iter().any(|x| x == a))
            .map(|p| p.id)
    })
}
