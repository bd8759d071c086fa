//! Credit requests: a member asks the owners and admins for credits or a plan
//! (`POST .../requests`), sees their own (`GET .../requests`); an owner or
//! admin answers by a top-up or plan change naming the request, or declines it
//! (`POST .../requests/{id}/decline`).

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum_deserialize;
use crate::{BalanceMember, MemberRef, PlanId};

/// Longest `message` (and decline `note`), in characters.
pub const MAX_REQUEST_MESSAGE: usize = 500;
/// Most credits one request asks for (a top-up's most).
pub const MAX_REQUESTED_CREDITS: u64 = crate::checkout::MAX_TOP_UP;

/// `POST .../requests`: `credits` or `plan` (exactly one), and an optional message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCreditRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `POST .../requests/{id}/decline`: an optional note for the member.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclineCreditRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Pending,
    Granted,
    Declined,
    Unknown,
}

open_enum_deserialize!(RequestStatus: Pending, Granted, Declined);

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Granted => "granted",
            RequestStatus::Declined => "declined",
            RequestStatus::Unknown => "unknown",
        }
    }
}

/// One credit request, as every request endpoint answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditRequest {
    /// `req_` and 32 lowercase hex digits.
    pub id: String,
    /// Who asked.
    pub member: MemberRef,
    /// The credits asked for (`None` for a plan request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<u64>,
    /// The plan asked for (`None` for a credits request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanId>,
    #[serde(default)]
    pub message: Option<String>,
    pub status: RequestStatus,
    /// When it was asked (RFC 3339 UTC).
    pub at: String,
    /// The owners and admins it went to.
    #[serde(default)]
    pub admins: Vec<BalanceMember>,
    /// Who answered and when, once answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_by: Option<MemberRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<String>,
    /// The decline's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The purchase that granted it (`pur_...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase: Option<String>,
}

impl CreditRequest {
    pub fn is_pending(&self) -> bool {
        self.status == RequestStatus::Pending
    }

    /// Whether this asks for the same thing as `credits` / `plan`: any credits
    /// for a credits request, the same plan for a plan request.
    pub fn asks_for(&self, credits: Option<u64>, plan: Option<PlanId>) -> bool {
        match (plan, self.plan) {
            (Some(want), Some(asked)) => want == asked,
            (None, None) => credits.is_some() == self.credits.is_some(),
            _ => false,
        }
    }
}

/// `GET .../requests`: newest first (at most 50), and how many are pending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditRequestsResponse {
    pub items: Vec<CreditRequest>,
    pub pending: u64,
}

#[cfg(test)]
mod tests {
    use serde_json::{from_value, json, to_value};

    use super::*;

    #[test]
    fn a_granted_request_decodes_with_its_answer() {
        let r: CreditRequest = from_value(json!({
            "id": "req_1", "member": {"id": "u_kim", "name": "Kim"}, "credits": 500,
            "message": null, "status": "granted", "at": "2026-11-24T20:00:00Z",
            "admins": [{"id": "u_jonas", "name": "Jonas Weber", "role": "owner"}],
            "answered_by": {"id": "u_ari", "name": "Ari"}, "answered_at": "2026-11-24T21:00:00Z",
            "purchase": "pur_1"
        }))
        .unwrap();
        assert_eq!(
            (r.credits, r.plan, r.status),
            (Some(500), None, RequestStatus::Granted)
        );
        assert_eq!(r.admins[0].name, "Jonas Weber");
        assert_eq!(r.answered_by.unwrap().name, "Ari");
        assert_eq!(r.purchase.as_deref(), Some("pur_1"));
        assert!(from_value::<CreditRequest>(json!({"id": 5})).is_err());
    }

    #[test]
    fn a_new_status_and_missing_optional_fields_decode_without_error() {
        let r: CreditRequest = from_value(json!({
            "id": "req_2", "member": {"id": "u_kim", "name": "Kim"}, "plan": "pro",
            "status": "escalated", "at": "2026-11-24T20:00:00Z", "extra": 1
        }))
        .unwrap();
        assert_eq!(
            (r.plan, r.status),
            (Some(PlanId::Pro), RequestStatus::Unknown)
        );
        assert!(r.admins.is_empty() && r.message.is_none() && r.note.is_none());
        assert!(r.asks_for(None, Some(PlanId::Pro)));
        assert!(!r.asks_for(Some(5), None));
    }

    #[test]
    fn the_list_decodes_and_bodies_write_only_what_is_set() {
        let list: CreditRequestsResponse = from_value(json!({"items": [], "pending": 2})).unwrap();
        assert_eq!(list.pending, 2);
        let ask = NewCreditRequest {
            credits: Some(300),
            ..NewCreditRequest::default()
        };
        assert_eq!(to_value(&ask).unwrap(), json!({"credits": 300}));
        assert_eq!(
            to_value(DeclineCreditRequest::default()).unwrap(),
            json!({})
        );
        for s in [
            RequestStatus::Pending,
            RequestStatus::Granted,
            RequestStatus::Declined,
        ] {
            assert_eq!(
                from_value::<RequestStatus>(to_value(s).unwrap()).unwrap(),
                s
            );
        }
    }
}
