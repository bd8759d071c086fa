//! Which plan the prompt offers, from the refusal and this cycle's pace.

use credits_core::prompt::Why;
use credits_core::recommend::{projected_use, recommend_plan, Recommendation};
use credits_core::time::parse_rfc3339;
use credits_core::{suggested_plan, BalanceResponse, GrantKind, Plan, PlanId, Reason};

use super::Refusal;
use crate::primitives::now_s;

/// Credits spent from this cycle's monthly grants, projected to the cycle.
fn pace(f: &BalanceResponse) -> Option<u64> {
    let cycle = f.cycle.as_ref()?;
    let spent: u64 = f
        .grants
        .iter()
        .filter(|g| g.kind == GrantKind::Monthly)
        .map(|g| g.granted.saturating_sub(g.remaining))
        .sum();
    projected_use(
        spent,
        parse_rfc3339(&cycle.started_at)?,
        parse_rfc3339(&cycle.resets_at)?,
        now_s(),
    )
}

/// The plan to offer and, when the pace is known, the recommendation's why.
pub(super) fn target_plan(
    refusal: &Refusal,
    f: Option<&BalanceResponse>,
    plans: &[Plan],
) -> (Option<PlanId>, Option<Recommendation>) {
    let action_id = refusal.action.as_ref().map(|a| a.id());
    let Some(f) = f else {
        return (refusal.required_plan.or(refusal.suggested_plan), None);
    };
    match refusal.why {
        Why::FeatureNotInPlan => {
            let unlocks = refusal.required_plan.or_else(|| {
                let a = action_id?;
                plans
                    .iter()
                    .find(|p| p.id > f.plan && p.features.iter().any(|x| x == a))
                    .map(|p| p.id)
            });
            (unlocks, None)
        }
        Why::Short(Reason::SubscriptionExpired | Reason::PaymentFailed) => (Some(f.plan), None),
        Why::Short(reason) => {
            let suggested = refusal.suggested_plan.or_else(|| {
                suggested_plan(
                    plans,
                    f.plan,
                    reason,
                    action_id.unwrap_or_default(),
                    refusal.needed.unwrap_or_default(),
                )
            });
            let rec = pace(f).and_then(|p| recommend_plan(plans, f.plan, p, action_id));
            let target = match (suggested, rec) {
                (Some(s), Some(r)) => Some(s.max(r.plan)),
                (s, r) => s.or(r.map(|r| r.plan)),
            };
            (target, rec.filter(|r| Some(r.plan) == target))
        }
    }
}
