//! The rules of credit requests: what a member may ask for, how often, and
//! who may answer. Pure: `db::requests` stores them.
//!
//! - A request asks for credits (1 to a top-up's most) or for a plan, with an
//!   optional message of at most [`MAX_REQUEST_MESSAGE`] characters.
//! - One pending request per member per cycle for the same thing: asking
//!   again answers the pending one (200) instead of adding another.
//! - At most [`RATE_LIMIT`] new requests per member in [`RATE_WINDOW`]; the
//!   next is refused with 429 until the oldest of them leaves the window.
//! - Owners and admins answer: decline with a note, or grant by a top-up or
//!   plan change naming the request. An answered request stays answered.

use credits_core::credit_request::{MAX_REQUESTED_CREDITS, MAX_REQUEST_MESSAGE};
use credits_core::{BalanceMember, NewCreditRequest, PlanId, Role};

use crate::domain::model::Workspace;

/// Most new requests per member in [`RATE_WINDOW`].
pub const RATE_LIMIT: usize = 5;
/// The rate limit's window: one hour.
pub const RATE_WINDOW: i64 = 3_600;
/// Most requests `GET .../requests` lists.
pub const LIST_LIMIT: u32 = 50;

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Credits(u64),
    Plan(PlanId),
}

/// Why a request's body is refused (422): the field at fault and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub code: &'static str,
    pub field: &'static str,
    pub detail: String,
}

fn invalid(code: &'static str, field: &'static str, detail: impl Into<String>) -> Invalid {
    Invalid {
        code,
        field,
        detail: detail.into(),
    }
}

/// The ask and the trimmed message (`None` when empty) of a new request.
pub fn validate(r: &NewCreditRequest) -> Result<(Ask, Option<String>), Invalid> {
    let ask = match (r.credits, r.plan) {
        (Some(_), Some(_)) | (None, None) => {
            return Err(invalid(
                "invalid_request",
                "credits",
                "ask for either credits or a plan",
            ))
        }
        (Some(n), None) if n == 0 || n > MAX_REQUESTED_CREDITS => {
            return Err(invalid(
                "invalid_setting",
                "credits",
                format!("a request asks for 1 to {MAX_REQUESTED_CREDITS} credits"),
            ))
        }
        (Some(n), None) => Ask::Credits(n),
        (None, Some(PlanId::Unknown)) => {
            return Err(invalid(
                "unknown_plan",
                "plan",
                "no such plan: see GET /v1/plans for their ids",
            ))
        }
        (None, Some(plan)) => Ask::Plan(plan),
    };
    Ok((ask, text(r.message.as_deref(), "message")?))
}

/// A message or note, trimmed: `None` when empty, refused beyond [`MAX_REQUEST_MESSAGE`] characters.
pub fn text(said: Option<&str>, field: &'static str) -> Result<Option<String>, Invalid> {
    let said = said.map(str::trim).filter(|s| !s.is_empty());
    match said {
        Some(s) if s.chars().count() > MAX_REQUEST_MESSAGE => Err(invalid(
            "invalid_setting",
            field,
            format!("the {field} must be at most {MAX_REQUEST_MESSAGE} characters"),
        )),
        other => Ok(other.map(str::to_owned)),
    }
}

/// Seconds until another request is allowed, given when this member's requests
/// in the window were made; `None` when one is allowed now.
pub fn retry_after(recent: &[i64], now: i64) -> Option<i64> {
    if recent.len() < RATE_LIMIT {
        return None;
    }
    let oldest = recent.iter().copied().min().unwrap_or(now);
    Some(
        oldest
            .saturating_add(RATE_WINDOW)
            .saturating_sub(now)
            .max(1),
    )
}

/// Whether `role` may answer requests: owners and admins.
pub fn may_answer(role: Role) -> bool {
    role.can_change_plan()
}

/// Where this cycle began for the "same request twice" rule: the cycle's
/// start, or the beginning of time without a cycle.
pub fn cycle_start(w: &Workspace) -> i64 {
    w.cycle.map_or(i64::MIN, |c| c.started_at)
}

/// The owners, then the admins: whom a request goes to.
pub fn admins(w: &Workspace) -> Vec<BalanceMember> {
    let by = |role| w.members.iter().filter(move |m| m.role == role);
    by(Role::Owner)
        .chain(by(Role::Admin))
        .map(|m| BalanceMember {
            id: m.id.clone(),
            name: m.name.clone(),
            role: m.role,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(credits: Option<u64>, plan: Option<PlanId>, message: Option<&str>) -> NewCreditRequest {
        NewCreditRequest {
            credits,
            plan,
            message: message.map(str::to_owned),
        }
    }

    #[test]
    fn a_request_asks_for_credits_or_a_plan_never_both_nor_neither() {
        assert_eq!(
            validate(&ask(Some(500), None, None)).unwrap().0,
            Ask::Credits(500)
        );
        assert_eq!(
            validate(&ask(None, Some(PlanId::Pro), None)).unwrap().0,
            Ask::Plan(PlanId::Pro)
        );
        assert_eq!(
            validate(&ask(Some(5), Some(PlanId::Pro), None))
                .unwrap_err()
                .field,
            "credits"
        );
        assert_eq!(
            validate(&ask(None, None, None)).unwrap_err().code,
            "invalid_request"
        );
        assert_eq!(
            validate(&ask(Some(0), None, None)).unwrap_err().code,
            "invalid_setting"
        );
        assert_eq!(
            validate(&ask(None, Some(PlanId::Unknown), None))
                .unwrap_err()
                .code,
            "unknown_plan"
        );
    }

    #[test]
    fn messages_are_trimmed_and_capped_in_characters() {
        assert_eq!(
            validate(&ask(Some(1), None, Some("  hi ")))
                .unwrap()
                .1
                .as_deref(),
            Some("hi")
        );
        assert_eq!(validate(&ask(Some(1), None, Some("   "))).unwrap().1, None);
        let long = "é".repeat(MAX_REQUEST_MESSAGE);
        assert!(validate(&ask(Some(1), None, Some(&long))).is_ok());
        let longer = format!("{long}x");
        assert_eq!(
            validate(&ask(Some(1), None, Some(&longer)))
                .unwrap_err()
                .field,
            "message"
        );
    }

    #[test]
    fn the_sixth_request_in_an_hour_waits_for_the_oldest_to_leave_the_window() {
        assert_eq!(retry_after(&[100, 200, 300, 400], 500), None);
        assert_eq!(retry_after(&[100, 200, 300, 400, 500], 600), Some(3_100));
        assert_eq!(retry_after(&[100, 200, 300, 400, 500], 3_700), Some(1));
    }
}
