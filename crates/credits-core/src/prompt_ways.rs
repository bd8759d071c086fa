//! The prompt's ways out: which ways ([`way_out`]'s rule over the prompt's
//! facts), what each one offers, and what a member asks an admin for.

use crate::checkout::MIN_TOP_UP;
use crate::credit_request::MAX_REQUESTED_CREDITS;
use crate::prompt::Why;
use crate::prompt_facts::{Line, PromptFacts};
use crate::ways_out::{way_out, Cycle, Situation, WayOut, WaysOut};
use crate::{Action, NewCreditRequest, PlanId};

/// What a way out shows: a line said before it, or its button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    Say(Line),
    /// A button, or a link to `url` (the plan's `upgrade_url`, not yet
    /// checked as safe to follow) for "Contact sales".
    Way {
        way: WayOut,
        primary: bool,
        url: Option<String>,
    },
}

/// The ways out for `f`. Before the balance is known, the plan the refusal
/// names (or the plans) is the one way out.
pub fn ways_for(f: &PromptFacts<'_>) -> WaysOut {
    let r = f.refused;
    let Some(b) = f.figures else {
        let primary = match r.required_plan.or(r.suggested_plan) {
            Some(id) if f.plans.iter().any(|p| p.id == id && p.sold_by_contact()) => {
                WayOut::ContactSales(id)
            }
            Some(id) => WayOut::Upgrade(id),
            None => WayOut::SeePlans,
        };
        return WaysOut {
            primary,
            secondary: None,
            pace: None,
        };
    };
    way_out(&Situation {
        why: r.why,
        role: Some(b.member.role),
        plan: b.plan,
        plans: f.plans,
        action_id: r.action.map(Action::id),
        required_plan: r.required_plan,
        needed: r.needed.unwrap_or_default(),
        balance: r.balance.unwrap_or(b.balance),
        cycle: Cycle::from_balance(b),
        now: f.now,
        top_ups: f.top_ups,
    })
}

/// The plan that unlocks the refused action: the one the refusal names, else
/// the first above the workspace's that has it.
pub fn unlocking_plan(f: &PromptFacts<'_>) -> Option<PlanId> {
    f.refused.required_plan.or_else(|| {
        let (b, a) = (f.figures?, f.refused.action?.id());
        f.plans
            .iter()
            .find(|p| p.id > b.plan && p.features.iter().any(|x| x == a))
            .map(|p| p.id)
    })
}

/// What `way` offers, the main way when `primary`. "See the plans" is every
/// self-serve plan with monthly credits above the workspace's, the cheapest
/// first; a member is told whom to ask before the Ask button; waiting offers
/// nothing, as the prompt already says when the credits come back.
pub fn offers(f: &PromptFacts<'_>, way: WayOut, primary: bool) -> Vec<Offer> {
    let button = |way| Offer::Way {
        way,
        primary,
        url: None,
    };
    match way {
        WayOut::AskAdmin => {
            let Some(b) = f.figures else {
                return Vec::new();
            };
            let workspace = b.workspace.name.clone();
            let admins: Vec<String> = b.admins.iter().map(|a| a.name.clone()).collect();
            let say = match admins.is_empty() {
                true => Line::AskAdmins { workspace },
                false => Line::AskAdminsNamed { workspace, admins },
            };
            let ask = Offer::Way {
                way,
                primary: true,
                url: None,
            };
            vec![Offer::Say(say), ask]
        }
        WayOut::ContactSales(id) => vec![Offer::Way {
            way,
            primary,
            url: f
                .plans
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.upgrade_url.trim().to_owned())
                .filter(|u| !u.is_empty()),
        }],
        WayOut::WaitForReset { .. } => Vec::new(),
        WayOut::SeePlans => {
            let current = f.figures.map(|b| b.plan);
            f.plans
                .iter()
                .filter(|p| current.is_none_or(|c| p.id > c))
                .filter(|p| !p.sold_by_contact() && p.monthly_credits > 0)
                .enumerate()
                .map(|(i, p)| Offer::Way {
                    way: WayOut::Upgrade(p.id),
                    primary: primary && i == 0,
                    url: None,
                })
                .collect()
        }
        WayOut::FixPayment | WayOut::Renew(_) | WayOut::Upgrade(_) | WayOut::TopUp { .. } => {
            vec![button(way)]
        }
    }
}

/// What a member asks an admin for: the plan that unlocks a locked action,
/// else the credits short (a top-up's least when the numbers are unknown).
pub fn ask_for(f: &PromptFacts<'_>) -> NewCreditRequest {
    let r = f.refused;
    let plan = r
        .required_plan
        .or(r.suggested_plan)
        .filter(|p| *p != PlanId::Unknown);
    if r.why == Why::FeatureNotInPlan && plan.is_some() {
        return NewCreditRequest {
            plan,
            ..NewCreditRequest::default()
        };
    }
    let have = r.balance.or(f.figures.map(|b| b.balance)).unwrap_or(0);
    let short = r.needed.map_or(0, |n| n.saturating_sub(have));
    NewCreditRequest {
        credits: Some(match short {
            0 => MIN_TOP_UP,
            n => n.min(MAX_REQUESTED_CREDITS),
        }),
        ..NewCreditRequest::default()
    }
}

#[cfg(test)]
#[path = "prompt_ways_tests.rs"]
mod tests;
