//! What the prompt offers besides its ways out: the cheaper setting that
//! fits the balance, what a re-sync found, and whom a member's request went to.

use crate::estimate::{alternatives, Change};
use crate::prompt_facts::{Line, PromptFacts};
use crate::{Action, CreditRequest, QuoteItem};

/// A cheaper setting of the refused action that fits the balance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    pub change: Change,
    pub action: Action,
    pub credits: u64,
}

impl Fit {
    pub fn line(&self) -> Line {
        Line::Alternative {
            change: self.change,
            credits: self.credits,
        }
    }
}

/// The other settings of `refused` worth quoting, and how each differs.
pub fn other_settings(refused: &Action) -> Vec<(Change, Action)> {
    alternatives(refused)
        .into_iter()
        .filter(|alt| &alt.action != refused)
        .map(|alt| (alt.change, alt.action))
        .collect()
}

/// The dearest of `options` (quoted in the same order as `quoted`) that is
/// not blocked and costs at most `have`.
pub fn best_fit(options: &[(Change, Action)], quoted: &[QuoteItem], have: u64) -> Option<Fit> {
    options
        .iter()
        .zip(quoted)
        .filter_map(|((change, action), item)| match item {
            QuoteItem::Quoted(q) if q.blocked.is_none() && q.credits <= have => Some(Fit {
                change: *change,
                action: action.clone(),
                credits: q.credits,
            }),
            _ => None,
        })
        .max_by_key(|fit| fit.credits)
}

/// After a re-sync: whether the workspace's plan now has the refused action.
/// `None` until the balance is read.
pub fn resync_line(f: &PromptFacts<'_>) -> Option<Line> {
    let b = f.figures?;
    let has = f
        .plans
        .iter()
        .find(|p| p.id == b.plan)
        .zip(f.refused.action.map(Action::id))
        .is_some_and(|(p, a)| p.features.iter().any(|x| x == a));
    Some(match has {
        true => Line::ResyncUnlocked,
        false => Line::ResyncStillLocked { plan: b.plan },
    })
}

/// That a member's request went out, naming the admins it went to.
pub fn sent_line(r: &CreditRequest) -> Line {
    let admins: Vec<String> = r.admins.iter().map(|a| a.name.clone()).collect();
    match admins.is_empty() {
        true => Line::RequestSent,
        false => Line::RequestSentTo { admins },
    }
}

#[cfg(test)]
#[path = "prompt_fit_tests.rs"]
mod tests;
