//! Why the prompt opened, as lines: one set per reason, with the plan, the
//! day the subscription ended, who used the shared pool most, the trial's credits.

use crate::prompt::{top_spender, Why};
use crate::prompt_facts::{Line, PromptFacts};
use crate::prompt_ways::unlocking_plan;
use crate::time::parse_rfc3339;
use crate::{GrantKind, PlanId, Reason};

/// The lines that say why the prompt opened.
pub(crate) fn reason_lines(f: &PromptFacts<'_>) -> Vec<Line> {
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

#[cfg(test)]
#[path = "prompt_reasons_tests.rs"]
mod tests;
