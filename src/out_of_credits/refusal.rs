//! One input for the prompt, whichever path opened it: a refusal from the
//! server (402/403) or the balance and quote already in hand.

use credits_core::prompt::{parse_reason, prompt_why, Why};
use credits_core::prompt_lines::Refused;
use credits_core::{BalanceResponse, MemberSpend, PlanId, Reason};

use crate::{Affordability, ClientError, CreditAction};

/// Why an action cannot run, with the numbers the prompt shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub why: Why,
    /// The credits the action costs, when known.
    pub needed: Option<u64>,
    /// The credits the workspace has, when known.
    pub balance: Option<u64>,
    /// When the allowance renews (RFC 3339), if it does.
    pub resets_at: Option<String>,
    /// The plan that would cover it (402).
    pub suggested_plan: Option<PlanId>,
    /// The plan that unlocks the action (403, or a blocked quote).
    pub required_plan: Option<PlanId>,
    /// The action that was refused, for the cheaper alternative.
    pub action: Option<CreditAction>,
    /// Decided before any request, from the balance without the cycle's
    /// spend per member: the prompt decides again once it has read the usage.
    pub decided_locally: bool,
}

/// A plan id as the API spells it; a word a newer server adds is `Unknown`.
pub fn parse_plan(word: Option<&str>) -> Option<PlanId> {
    word.filter(|w| !w.is_empty()).map(PlanId::from_word)
}

impl Refusal {
    fn new(why: Why, action: Option<CreditAction>) -> Refusal {
        Refusal {
            why,
            needed: None,
            balance: None,
            resets_at: None,
            suggested_plan: None,
            required_plan: None,
            action,
            decided_locally: false,
        }
    }

    /// The prompt for a refused generation: `None` unless the error is a 402
    /// `insufficient_credits` or a 403 `feature_not_in_plan`. A `reason` the
    /// client does not know gives the generic prompt.
    pub fn from_error(error: &ClientError, action: Option<CreditAction>) -> Option<Refusal> {
        match error {
            ClientError::InsufficientCredits(i) => Some(Refusal {
                needed: i.needed,
                balance: i.balance,
                resets_at: i.resets_at.clone(),
                suggested_plan: parse_plan(i.suggested_plan.as_deref()),
                ..Refusal::new(Why::Short(parse_reason(i.reason.as_deref())), action)
            }),
            ClientError::FeatureNotInPlan(f) => Some(Refusal {
                required_plan: parse_plan(f.required_plan.as_deref()),
                ..Refusal::new(Why::FeatureNotInPlan, action)
            }),
            _ => None,
        }
    }

    /// The prompt before any request, from the quoted cost and the balance, with
    /// the rule the server uses: `None` when the balance covers the cost.
    pub fn from_shortfall(
        figures: &BalanceResponse,
        cost: u64,
        action: Option<CreditAction>,
        by_member: Option<&[MemberSpend]>,
    ) -> Option<Refusal> {
        let why = prompt_why(figures, cost, false, by_member)?;
        Some(Refusal {
            needed: Some(cost),
            balance: Some(figures.balance),
            resets_at: resets_at(figures, why),
            decided_locally: by_member.is_none(),
            ..Refusal::new(why, action)
        })
    }

    /// The prompt for a `GenerateButton`'s refusal (its `on_refused`), with the
    /// balance in hand; `None` when the affordability does not refuse.
    pub fn from_affordability(
        fit: &Affordability,
        figures: Option<&BalanceResponse>,
        action: Option<CreditAction>,
    ) -> Option<Refusal> {
        match fit {
            Affordability::Blocked { required_plan } => Some(Refusal {
                required_plan: parse_plan(required_plan.as_deref()),
                balance: figures.map(|f| f.balance),
                ..Refusal::new(Why::FeatureNotInPlan, action)
            }),
            Affordability::Short { cost, shortfall } => match figures {
                Some(f) => Refusal::from_shortfall(f, *cost, action, None),
                None => Some(Refusal {
                    needed: Some(*cost),
                    balance: Some(cost.saturating_sub(*shortfall)),
                    ..Refusal::new(Why::Short(Reason::Unknown), action)
                }),
            },
            _ => None,
        }
    }

    /// The prompt for the estimator's `on_short` (the shortfall in credits) and the balance.
    pub fn from_estimator_shortfall(
        shortfall: u64,
        figures: &BalanceResponse,
        action: Option<CreditAction>,
    ) -> Option<Refusal> {
        let cost = figures.balance.saturating_add(shortfall.max(1));
        Refusal::from_shortfall(figures, cost, action, None)
    }

    /// The refusal as `credits_core`'s prompt rules read it.
    pub(super) fn refused(&self) -> Refused<'_> {
        Refused {
            why: self.why,
            needed: self.needed,
            balance: self.balance,
            resets_at: self.resets_at.as_deref(),
            suggested_plan: self.suggested_plan,
            required_plan: self.required_plan,
            action: self.action.as_ref(),
        }
    }

    /// The same refusal, its reason decided again with the cycle's spend per
    /// member, when it was decided locally without it (a shared pool the asker
    /// spent most of is their own monthly limit, not their teammates').
    pub fn with_usage(
        &self,
        figures: Option<&BalanceResponse>,
        by_member: Option<&[MemberSpend]>,
    ) -> Refusal {
        let (Some(f), Some(spends), Some(needed)) = (figures, by_member, self.needed) else {
            return self.clone();
        };
        if !self.decided_locally || self.why == Why::FeatureNotInPlan {
            return self.clone();
        }
        match Refusal::from_shortfall(f, needed, self.action.clone(), Some(spends)) {
            Some(r) => Refusal {
                balance: self.balance.or(r.balance),
                ..r
            },
            None => self.clone(),
        }
    }
}

/// A reset worth waiting for: a live paid cycle's end, for a monthly shortfall or a shared pool.
fn resets_at(figures: &BalanceResponse, why: Why) -> Option<String> {
    match why {
        Why::Short(Reason::MonthlyLimitReached | Reason::SharedPoolExhausted) => {
            figures.cycle.as_ref().map(|c| c.resets_at.clone())
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "refusal_tests.rs"]
mod tests;
