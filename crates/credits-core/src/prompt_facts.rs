//! What the out-of-credits prompt decides from (the refusal, the balance,
//! the plans, the cycle's spend per member) and what it says: lines, each a
//! sentence with the numbers and names it needs, for the view to put into
//! the person's words. Nothing here is English.

use crate::estimate::Change;
use crate::prompt::Why;
use crate::ways_out::WaysOut;
use crate::{Action, BalanceResponse, MemberSpend, Plan, PlanId};

/// One sentence of the prompt and what it names. Times are Unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    MonthlyBody,
    ExpiredBody {
        plan: PlanId,
    },
    /// The subscription ended at `at`, in the past.
    ExpiredWhen {
        at: i64,
    },
    SharedBody,
    /// The teammate who used the most of the shared pool this cycle.
    SharedTop {
        name: String,
        credits: u64,
    },
    /// The whole trial of `credits` is spent.
    TrialSpent {
        credits: u64,
    },
    /// The trial of `credits` is untouched, and fewer than the action needs.
    TrialUnused {
        credits: u64,
    },
    /// `balance` of the trial's `credits` are left, not enough.
    TrialShort {
        credits: u64,
        balance: u64,
    },
    FeatureBody {
        plan: PlanId,
    },
    FeatureAnyPlan,
    FeatureLocked {
        workspace: String,
        plan: PlanId,
    },
    PaymentBody {
        plan: PlanId,
    },
    UnknownBody,
    NeededVsLeft {
        needed: u64,
        balance: u64,
    },
    /// The credits come back at `at`, in `days` (at least 1) days.
    ComesBack {
        at: i64,
        days: i64,
    },
    /// A plan that brings `credits` every month (listed after a trial).
    PlanMonthly {
        plan: PlanId,
        credits: u64,
    },
    /// What the plan a way out names brings.
    UpgradeAdds {
        plan: PlanId,
        credits: u64,
    },
    /// The pace behind the plan picked.
    RecommendWhy {
        pace: u64,
        plan: PlanId,
        allocation: u64,
    },
    /// Whom a member asks, before the Ask button, when no admin is named.
    AskAdmins {
        workspace: String,
    },
    AskAdminsNamed {
        workspace: String,
        admins: Vec<String>,
    },
    /// A cheaper setting that fits the balance, and its cost.
    Alternative {
        change: Change,
        credits: u64,
    },
    Resyncing,
    ResyncUnlocked,
    ResyncStillLocked {
        plan: PlanId,
    },
    /// A member's credit request went out (or is still pending).
    RequestSent,
    RequestSentTo {
        admins: Vec<String>,
    },
}

/// The refusal as the prompt reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused<'a> {
    pub why: Why,
    /// The credits the action costs, when known.
    pub needed: Option<u64>,
    /// The credits the workspace has, when known.
    pub balance: Option<u64>,
    /// When the allowance renews (RFC 3339).
    pub resets_at: Option<&'a str>,
    /// The plan that would cover it (402).
    pub suggested_plan: Option<PlanId>,
    /// The plan that unlocks the action (403, or a blocked quote).
    pub required_plan: Option<PlanId>,
    pub action: Option<&'a Action>,
}

/// Everything the prompt decides from; what is not read yet is `None` or empty.
#[derive(Debug, Clone, Copy)]
pub struct PromptFacts<'a> {
    pub refused: Refused<'a>,
    pub figures: Option<&'a BalanceResponse>,
    pub by_member: Option<&'a [MemberSpend]>,
    /// Cheapest first, as `GET /v1/plans` lists them.
    pub plans: &'a [Plan],
    /// The top-up packs on sale, in credits.
    pub top_ups: &'a [u64],
    pub now: i64,
}

/// What the prompt says, part by part, and its ways out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub ways: WaysOut,
    /// Why the prompt opened.
    pub reason: Vec<Line>,
    /// The credits needed and left, and when they come back.
    pub numbers: Vec<Line>,
    /// After a trial: the plans that bring credits every month.
    pub monthly_plans: Vec<Line>,
    /// What the plan offered brings, and the pace behind it.
    pub why: Vec<Line>,
}
