//! What the prompt's rule tests decide from: a balance, the shipped plans,
//! the cycle's spends, a refusal and the facts built of them.

use crate::prompt::Why;
use crate::prompt_lines::{PromptFacts, Refused};
use crate::time::parse_rfc3339;
use crate::{
    BalanceMember, BalanceResponse, CycleView, GrantKind, GrantView, MemberRef, MemberSpend,
    PaymentMethod, Plan, PlanId, PlansResponse, Role, Status, WorkspaceRef,
};

/// The cycle every balance here is in.
pub const CYCLE_START: &str = "2026-11-01T00:00:00Z";
pub const CYCLE_END: &str = "2026-12-01T00:00:00Z";
/// A week before the cycle ends.
pub const NOW: &str = "2026-11-24T00:00:00Z";
/// The packs on sale.
pub const PACKS: &[u64] = &[500, 1000, 5000];

/// Unix seconds of an RFC 3339 time written in a test.
pub fn at(s: &str) -> i64 {
    parse_rfc3339(s).unwrap_or_else(|| panic!("{s} is a time"))
}

pub fn grant(kind: GrantKind, granted: u64, remaining: u64) -> GrantView {
    GrantView {
        kind,
        granted,
        remaining,
        expires_at: None,
    }
}

/// A Pro workspace's balance, seen by a member named "Me", in the cycle above.
pub fn balance(
    status: Status,
    balance: u64,
    grants: Vec<GrantView>,
    shared: bool,
) -> BalanceResponse {
    BalanceResponse {
        workspace: WorkspaceRef {
            id: "ws".into(),
            name: "Harbor Lane Photo".into(),
        },
        member: BalanceMember {
            id: "u_me".into(),
            name: "Me".into(),
            role: Role::Member,
        },
        plan: PlanId::Pro,
        status,
        balance,
        grants,
        cycle: Some(CycleView {
            started_at: CYCLE_START.into(),
            resets_at: CYCLE_END.into(),
        }),
        shared_pool: shared,
        payment_method: PaymentMethod::Ok,
        low_balance_threshold: 250,
        as_of: NOW.into(),
        admins: Vec::new(),
        pending_plan_change: None,
        purchases: Vec::new(),
    }
}

/// This cycle's monthly grant, nearly spent: 6 of 1,000 left.
pub fn monthly() -> Vec<GrantView> {
    vec![grant(GrantKind::Monthly, 1000, 6)]
}

/// A trialing workspace's balance: `remaining` of a trial of `granted`.
pub fn trial(granted: u64, remaining: u64) -> BalanceResponse {
    let grants = vec![grant(GrantKind::Trial, granted, remaining)];
    balance(Status::Trialing, remaining, grants, false)
}

/// An owner's balance on `plan`, 6 monthly credits left.
pub fn owner_on(plan: PlanId) -> BalanceResponse {
    on(
        plan,
        Role::Owner,
        balance(Status::Active, 6, monthly(), false),
    )
}

/// [`balance`] on `plan`, seen by someone with `role`.
pub fn on(plan: PlanId, role: Role, b: BalanceResponse) -> BalanceResponse {
    BalanceResponse {
        plan,
        member: BalanceMember { role, ..b.member },
        ..b
    }
}

/// An admin of the workspace, by name.
pub fn admin(name: &str) -> BalanceMember {
    BalanceMember {
        id: format!("u_{name}"),
        name: name.into(),
        role: Role::Admin,
    }
}

/// What `id` (named `id` too) spent this cycle.
pub fn spend(id: &str, credits: u64) -> MemberSpend {
    MemberSpend {
        member: MemberRef {
            id: id.into(),
            name: id.into(),
        },
        credits,
    }
}

/// The plans the reference server lists (server/data/plans.toml): Free,
/// Basic 1,000 and Pro 5,000 a month, self-serve; Enterprise 50,000, by contact.
pub fn plans() -> Vec<Plan> {
    const SHIPPED: &str = include_str!("../../../server/data/plans.toml");
    let listed: PlansResponse = toml::from_str(SHIPPED).expect("plans.toml parses as plans");
    listed.plans
}

/// A refusal for `why` with nothing else known.
pub fn refused(why: Why) -> Refused<'static> {
    Refused {
        why,
        needed: None,
        balance: None,
        resets_at: None,
        suggested_plan: None,
        required_plan: None,
        action: None,
    }
}

/// The facts of `refused` with the balance and plans given, no spends read,
/// the packs on sale, at [`NOW`].
pub fn facts<'a>(
    refused: Refused<'a>,
    figures: Option<&'a BalanceResponse>,
    plans: &'a [Plan],
) -> PromptFacts<'a> {
    PromptFacts {
        refused,
        figures,
        by_member: None,
        plans,
        top_ups: PACKS,
        now: at(NOW),
    }
}
