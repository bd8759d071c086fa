//! The prompt's lines: why it opened ([`crate::prompt_reasons`]), the
//! numbers, the plans after a trial, and what the plan offered brings.

use crate::prompt::Why;
pub use crate::prompt_facts::{Line, PromptFacts, Refused, Said};
use crate::prompt_reasons::reason_lines;
use crate::prompt_ways::ways_for;
use crate::time::{days_until, parse_rfc3339};
use crate::ways_out::{WayOut, WaysOut};
use crate::{Plan, Reason};

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
    let at = r.resets_at.or_else(cycle_end).filter(|_| waits);
    let back = at.and_then(|at| comes_back(at, f.now));
    lines.extend(back.map(|(at, days)| Line::ComesBack { at, days }));
    lines
}

/// When credits that renew at `resets_at` (RFC 3339) come back, seen at
/// `now`: the time and the days until then (at least 1); `None` once that
/// is past or when it does not parse.
pub fn comes_back(resets_at: &str, now: i64) -> Option<(i64, i64)> {
    let at = parse_rfc3339(resets_at)?;
    let days = days_until(now, at);
    (days > 0).then_some((at, days))
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
