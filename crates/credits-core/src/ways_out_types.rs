//! What the way-out rule ([`super::way_out`]) decides from and what it
//! answers: the situation, the billing cycle, and the ways out.

use crate::prompt::Why;
use crate::recommend::Recommendation;
use crate::time::parse_rfc3339;
use crate::{BalanceResponse, GrantKind, Plan, PlanId, Role};

/// One way out of the prompt; the view turns it into a button or a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WayOut {
    /// Buy the pack of this many credits.
    TopUp { credits: u64 },
    /// Move to this self-serve plan.
    Upgrade(PlanId),
    /// Talk to sales about this plan: it is sold by contact.
    ContactSales(PlanId),
    /// Renew this plan: the subscription ran out.
    Renew(PlanId),
    /// Update the payment method: the plan is past due.
    FixPayment,
    /// Ask an owner or admin: this person cannot buy.
    AskAdmin,
    /// The allocation comes back in this many days (at least 1).
    WaitForReset { days: i64 },
    /// Compare the plans: no single plan to name.
    SeePlans,
}

impl WayOut {
    /// A stable word for `data-way-out` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            WayOut::TopUp { .. } => "top_up",
            WayOut::Upgrade(_) => "upgrade",
            WayOut::ContactSales(_) => "contact_sales",
            WayOut::Renew(_) => "renew",
            WayOut::FixPayment => "fix_payment",
            WayOut::AskAdmin => "ask_admin",
            WayOut::WaitForReset { .. } => "wait_for_reset",
            WayOut::SeePlans => "see_plans",
        }
    }
}

/// The main way out, a second one, and the pace behind a plan picked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaysOut {
    pub primary: WayOut,
    pub secondary: Option<WayOut>,
    /// When the plan of `primary` was picked for this cycle's pace: the why
    /// ("at your pace you use about 7,200 credits a month; Pro gives 5,000").
    pub pace: Option<Recommendation>,
}

impl WaysOut {
    pub(super) fn new(primary: WayOut, secondary: Option<WayOut>) -> WaysOut {
        WaysOut {
            primary,
            secondary,
            pace: None,
        }
    }
}

/// The billing cycle and what its monthly grants spent so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle {
    /// Seconds since the Unix epoch.
    pub started_at: i64,
    pub resets_at: i64,
    /// Credits spent from the monthly allocation this cycle.
    pub spent: u64,
}

impl Cycle {
    /// The balance's cycle, its spend the used part of the monthly grants;
    /// `None` without a cycle or with times that do not parse.
    pub fn from_balance(b: &BalanceResponse) -> Option<Cycle> {
        let c = b.cycle.as_ref()?;
        let spent = b
            .grants
            .iter()
            .filter(|g| g.kind == GrantKind::Monthly)
            .fold(0u64, |sum, g| {
                sum.saturating_add(g.granted.saturating_sub(g.remaining))
            });
        Some(Cycle {
            started_at: parse_rfc3339(&c.started_at)?,
            resets_at: parse_rfc3339(&c.resets_at)?,
            spent,
        })
    }
}

/// What [`way_out`] decides from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation<'a> {
    pub why: Why,
    /// The asker's role; `None` when the balance is not known (the purchase
    /// ways are offered, and the checkout checks who may buy).
    pub role: Option<Role>,
    pub plan: PlanId,
    /// The catalogue, cheapest first (`GET /v1/plans`).
    pub plans: &'a [Plan],
    /// The refused action's id, when known.
    pub action_id: Option<&'a str>,
    /// The plan a 403 or a blocked quote names as unlocking the action.
    pub required_plan: Option<PlanId>,
    /// Credits the action costs.
    pub needed: u64,
    pub balance: u64,
    pub cycle: Option<Cycle>,
    /// Seconds since the Unix epoch.
    pub now: i64,
    /// The top-up packs on sale, in credits, in any order (0 is ignored).
    pub top_ups: &'a [u64],
}
