//! What the out-of-credits prompt says, as lines: which sentence, with which
//! numbers and names, decided from the refusal, the balance, the plans and
//! the cycle's spend per member. The view puts each line into the person's
//! words; nothing here is English.

use crate::estimate::Change;
use crate::prompt::{top_spender, Why};
use crate::prompt_ways::{unlocking_plan, ways_for};
use crate::time::{days_until, parse_rfc3339};
use crate::ways_out::{WayOut, WaysOut};
use crate::{Action, BalanceResponse, GrantKind, MemberSpend, Plan, PlanId, Reason};

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

/// The prompt's lines for `f`.
pub fn prompt_lines(f: &PromptFacts<'_>) -> Said {
    let ways = ways_for(f);
    let monthly_plans = match f.refused.why {
        Why::Short(Reason::TrialExhausted) => f
            .plans
            .iter()
            .filter(|p| p.monthly_credits > 0)
            .map(|p| Line::PlanMonthly {
                plan: p.id,
                credits: p.monthly_credits,
            })
            .collect(),
        _ => Vec::new(),
    };
    Said {
        ways,
        reason: reason_lines(f),
        numbers: number_lines(f),
        monthly_plans,
        why: why_lines(f.refused.why, ways, f.plans),
    }
}

fn reason_lines(f: &PromptFacts<'_>) -> Vec<Line> {
    let current = f.figures.map(|b| b.plan);
    let mut lines = Vec::new();
    match f.refused.why {
        Why::Short(Reason::MonthlyLimitReached) => lines.push(Line::MonthlyBody),
        Why::Short(Reason::SubscriptionExpired) => {
            lines.extend(current.map(|plan| Line::ExpiredBody { plan }));
            let ended = f
                .figures
                .and_then(|b| parse_rfc3339(&b.cycle.as_ref()?.resets_at))
                .filter(|at| *at <= f.now);
            lines.extend(ended.map(|at| Line::ExpiredWhen { at }));
        }
        Why::Short(Reason::SharedPoolExhausted) => {
            lines.push(Line::SharedBody);
            let me = f.figures.map_or("", |b| b.member.id.as_str());
            let top = f.by_member.and_then(|spends| top_spender(spends, me));
            lines.extend(top.map(|s| Line::SharedTop {
                name: s.member.name.clone(),
                credits: s.credits,
            }));
        }
        Why::Short(Reason::TrialExhausted) => {
            let trial = f
                .figures
                .and_then(|b| b.grants.iter().find(|g| g.kind == GrantKind::Trial))
                .filter(|g| g.granted > 0);
            lines.extend(trial.map(|g| match (g.granted, g.remaining) {
                (credits, 0) => Line::TrialSpent { credits },
                (credits, left) if left >= credits => Line::TrialUnused { credits },
                (credits, balance) => Line::TrialShort { credits, balance },
            }));
        }
        Why::FeatureNotInPlan => {
            lines.push(match unlocking_plan(f).filter(|p| *p != PlanId::Unknown) {
                Some(plan) => Line::FeatureBody { plan },
                None => Line::FeatureAnyPlan,
            });
            lines.extend(f.figures.map(|b| Line::FeatureLocked {
                workspace: b.workspace.name.clone(),
                plan: b.plan,
            }));
        }
        Why::Short(Reason::PaymentFailed) => {
            lines.extend(current.map(|plan| Line::PaymentBody { plan }));
        }
        Why::Short(Reason::Unknown) => lines.push(Line::UnknownBody),
    }
    lines
}

/// "This needs 160 credits; you have 120 left." and "They come back in 6 days, on Dec 1."
fn number_lines(f: &PromptFacts<'_>) -> Vec<Line> {
    let r = f.refused;
    let have = r.balance.or(f.figures.map(|b| b.balance));
    let mut lines: Vec<Line> = r
        .needed
        .zip(have)
        .map(|(needed, balance)| Line::NeededVsLeft { needed, balance })
        .into_iter()
        .collect();
    let waits = matches!(
        r.why,
        Why::Short(Reason::MonthlyLimitReached | Reason::SharedPoolExhausted | Reason::Unknown)
    );
    let cycle_end = || Some(f.figures?.cycle.as_ref()?.resets_at.as_str());
    let at = r
        .resets_at
        .or_else(cycle_end)
        .and_then(parse_rfc3339)
        .filter(|_| waits);
    lines.extend(at.and_then(|at| {
        let days = days_until(f.now, at);
        (days > 0).then_some(Line::ComesBack { at, days })
    }));
    lines
}

/// What the plan a way out names brings, unless the prompt is about the
/// plan the workspace already has (a locked feature, a lapsed or unpaid
/// plan), and the pace behind it.
fn why_lines(why: Why, ways: WaysOut, plans: &[Plan]) -> Vec<Line> {
    let about_this_plan = matches!(
        why,
        Why::FeatureNotInPlan | Why::Short(Reason::SubscriptionExpired | Reason::PaymentFailed)
    );
    let named = [Some(ways.primary), ways.secondary]
        .into_iter()
        .flatten()
        .find_map(|w| match w {
            WayOut::Upgrade(p) | WayOut::ContactSales(p) => Some(p),
            _ => None,
        })
        .filter(|_| !about_this_plan)
        .and_then(|id| plans.iter().find(|p| p.id == id));
    let mut lines: Vec<Line> = named
        .map(|p| Line::UpgradeAdds {
            plan: p.id,
            credits: p.monthly_credits,
        })
        .into_iter()
        .collect();
    lines.extend(ways.pace.map(|r| Line::RecommendWhy {
        pace: r.pace,
        plan: r.plan,
        allocation: r.allocation,
    }));
    lines
}

#[cfg(test)]
#[path = "prompt_lines_tests.rs"]
mod tests;
