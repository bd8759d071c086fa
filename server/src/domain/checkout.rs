//! The rules of the checkout stand-ins (top-up, plan change, renewal, payment
//! fix): what each does to a workspace, decided on the workspace as the
//! transaction read it. Pure: `db::checkout` writes the [`Change`].
//!
//! - A top-up adds a `top_up` grant that expires [`TOP_UP_LIFETIME`] after it.
//! - An upgrade takes effect at once. Mid-cycle, the live monthly grant becomes
//!   the new plan's: `granted` is the new plan's monthly credits and
//!   `remaining` that minus what the cycle used so far; the reset date stays.
//!   Without a live cycle (free, trialing) a new [`CYCLE_LENGTH`] cycle starts
//!   with the new plan's full allocation.
//! - A downgrade waits for the cycle's end (`pending_change`); then the plan
//!   changes, a new cycle starts there with the new plan's allocation (none
//!   for Free: the workspace becomes `free`, without a cycle).
//! - A renewal (expired, canceled) and a payment fix (past due) start a new
//!   cycle now with the plan's allocation; the status becomes `active`.

use credits_core::{GrantKind, PaymentMethod, PlanId, PurchaseKind, Role, Status};

use crate::domain::catalog::Catalog;
use crate::domain::clock::DAY;
use crate::domain::model::{Cycle, PendingChange, Workspace};

/// A billing cycle started by a checkout.
pub const CYCLE_LENGTH: i64 = 30 * DAY;
/// How long a top-up's credits last.
pub const TOP_UP_LIFETIME: i64 = 365 * DAY;

/// One checkout request, its body already validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    TopUp(u64),
    ChangePlan(PlanId),
    Renew,
    FixPayment,
}

/// Why a checkout was refused by the workspace's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A plan sold by contact (no price).
    ContactSales(PlanId),
    /// The workspace is on that plan already.
    PlanUnchanged(PlanId),
    /// A plan change on an expired, canceled or past-due subscription.
    NotActive(Status),
    /// A renewal of a subscription that has not expired.
    NotExpired(Status),
    /// A payment fix for a subscription that is not past due.
    NotPastDue(Status),
}

/// What a pending downgrade becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingWrite {
    Keep,
    Clear,
    Set(PendingChange),
}

/// What to write: the workspace's new subscription fields, grants, and the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: PurchaseKind,
    /// The plan the record names.
    pub plan: PlanId,
    /// Credits granted at once.
    pub credits: u64,
    pub effective_at: i64,
    pub new_plan: PlanId,
    pub status: Status,
    pub payment_method: PaymentMethod,
    pub cycle: Option<Cycle>,
    /// (grant id, granted, remaining) of the live monthly grant an upgrade resizes.
    pub resize: Option<(i64, u64, u64)>,
    /// (kind, credits, expires_at) of a grant to add.
    pub grant: Option<(GrantKind, u64, Option<i64>)>,
    pub pending: PendingWrite,
}

impl Change {
    fn unchanged(w: &Workspace, kind: PurchaseKind, now: i64) -> Change {
        Change {
            kind,
            plan: w.plan,
            credits: 0,
            effective_at: now,
            new_plan: w.plan,
            status: w.status,
            payment_method: w.payment_method,
            cycle: w.cycle,
            resize: None,
            grant: None,
            pending: PendingWrite::Keep,
        }
    }

    /// A new cycle from `start` with `monthly` credits; `free` without any.
    fn new_cycle(mut self, plan: PlanId, monthly: u64, start: i64) -> Change {
        self.new_plan = plan;
        self.pending = PendingWrite::Clear;
        if monthly == 0 {
            self.status = Status::Free;
            self.cycle = None;
            return self;
        }
        let resets_at = start.saturating_add(CYCLE_LENGTH);
        self.status = Status::Active;
        self.payment_method = PaymentMethod::Ok;
        self.cycle = Some(Cycle {
            started_at: start,
            resets_at,
        });
        self.grant = Some((GrantKind::Monthly, monthly, Some(resets_at)));
        self.credits = monthly;
        self
    }
}

/// Whether `role` may buy or change anything: owners and admins.
pub fn may_check_out(role: Role) -> bool {
    role.can_change_plan()
}

/// What `op` does to `w` at `now`, or why the workspace's state refuses it.
pub fn decide(w: &Workspace, op: &Op, catalog: &Catalog, now: i64) -> Result<Change, Refusal> {
    let monthly = |plan| catalog.get(plan).map_or(0, |p| p.monthly_credits);
    match *op {
        Op::TopUp(credits) => {
            let mut c = Change::unchanged(w, PurchaseKind::TopUp, now);
            let expires = now.saturating_add(TOP_UP_LIFETIME);
            c.grant = Some((GrantKind::TopUp, credits, Some(expires)));
            c.credits = credits;
            Ok(c)
        }
        Op::Renew => match w.status {
            Status::Expired | Status::Canceled => {
                let c = Change::unchanged(w, PurchaseKind::Renewal, now);
                Ok(c.new_cycle(w.plan, monthly(w.plan), now))
            }
            other => Err(Refusal::NotExpired(other)),
        },
        Op::FixPayment => match w.status {
            Status::PastDue => {
                let c = Change::unchanged(w, PurchaseKind::PaymentFixed, now);
                Ok(c.new_cycle(w.plan, monthly(w.plan), now))
            }
            other => Err(Refusal::NotPastDue(other)),
        },
        Op::ChangePlan(plan) => change_plan(w, plan, catalog, now),
    }
}

fn change_plan(
    w: &Workspace,
    plan: PlanId,
    catalog: &Catalog,
    now: i64,
) -> Result<Change, Refusal> {
    if plan == w.plan {
        return Err(Refusal::PlanUnchanged(plan));
    }
    if matches!(
        w.status,
        Status::Expired | Status::Canceled | Status::PastDue
    ) {
        return Err(Refusal::NotActive(w.status));
    }
    let rank = |id| catalog.plans().iter().position(|p| p.id == id);
    let target = catalog.get(plan).ok_or(Refusal::ContactSales(plan))?;
    if rank(plan) > rank(w.plan) {
        if target.price.is_none() {
            return Err(Refusal::ContactSales(plan));
        }
        let c = Change::unchanged(w, PurchaseKind::Upgrade, now);
        return Ok(upgrade(w, c, plan, target.monthly_credits, now));
    }
    let mut c = Change::unchanged(w, PurchaseKind::Downgrade, now);
    c.plan = plan;
    match w.upcoming_reset(now) {
        Some(at) => {
            c.effective_at = at;
            c.pending = PendingWrite::Set(PendingChange {
                plan,
                monthly_credits: target.monthly_credits,
                effective_at: at,
            });
        }
        // No cycle to wait for: at once, with nothing granted.
        None => {
            c.new_plan = plan;
            c.pending = PendingWrite::Clear;
        }
    }
    Ok(c)
}

/// At once: the live monthly grant resized to the new allocation minus this cycle's use.
fn upgrade(w: &Workspace, mut c: Change, plan: PlanId, monthly: u64, now: i64) -> Change {
    c.plan = plan;
    let live_monthly = w
        .grants
        .iter()
        .find(|g| g.kind == GrantKind::Monthly && g.is_live(now));
    match (live_monthly, w.upcoming_reset(now)) {
        (Some(g), Some(_)) => {
            let used = g.granted.saturating_sub(g.remaining);
            let remaining = monthly.saturating_sub(used).max(g.remaining);
            c.new_plan = plan;
            c.status = Status::Active;
            c.resize = Some((g.id, monthly.max(g.granted), remaining));
            c.credits = remaining - g.remaining;
            c.pending = PendingWrite::Clear;
            c
        }
        _ => c.new_cycle(plan, monthly, now),
    }
}

/// The scheduled downgrade of `w` when it is due at `now`, as a change to write.
pub fn due_change(w: &Workspace, now: i64) -> Option<Change> {
    let pending = w
        .pending_change
        .as_ref()
        .filter(|p| p.effective_at <= now)?;
    let c = Change::unchanged(w, PurchaseKind::Downgrade, pending.effective_at);
    let mut c = c.new_cycle(pending.plan, pending.monthly_credits, pending.effective_at);
    c.plan = pending.plan;
    c.pending = PendingWrite::Clear;
    Some(c)
}
