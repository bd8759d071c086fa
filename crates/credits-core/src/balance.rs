//! The balance of a workspace, as `GET /v1/workspaces/{workspace}/balance` answers it.
//!
//! Every enum here has an `Unknown` fallback: a value a newer server adds
//! decodes as `Unknown` instead of failing the whole answer.

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum_deserialize;

use crate::checkout::{PendingPlanChange, Purchase};
use crate::PlanId;

/// Where a workspace's subscription stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Free,
    Trialing,
    Active,
    PastDue,
    Expired,
    Canceled,
    Unknown,
}

open_enum_deserialize!(Status: Free, Trialing, Active, PastDue, Expired, Canceled);

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Free => "free",
            Status::Trialing => "trialing",
            Status::Active => "active",
            Status::PastDue => "past_due",
            Status::Expired => "expired",
            Status::Canceled => "canceled",
            Status::Unknown => "unknown",
        }
    }
}

/// A member's role: only owners and admins can change the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Admin,
    Member,
    Unknown,
}

open_enum_deserialize!(Role: Owner, Admin, Member);

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
            Role::Unknown => "unknown",
        }
    }

    /// Owners and admins may change the plan.
    pub fn can_change_plan(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }
}

/// Whether the workspace can be charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Ok,
    Missing,
    Failing,
    Unknown,
}

open_enum_deserialize!(PaymentMethod: Ok, Missing, Failing);

impl PaymentMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Ok => "ok",
            PaymentMethod::Missing => "missing",
            PaymentMethod::Failing => "failing",
            PaymentMethod::Unknown => "unknown",
        }
    }
}

/// Where a batch of credits came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantKind {
    Monthly,
    Trial,
    TopUp,
    Promo,
    Unknown,
}

open_enum_deserialize!(GrantKind: Monthly, Trial, TopUp, Promo);

impl GrantKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GrantKind::Monthly => "monthly",
            GrantKind::Trial => "trial",
            GrantKind::TopUp => "top_up",
            GrantKind::Promo => "promo",
            GrantKind::Unknown => "unknown",
        }
    }
}

/// `{id, name}` of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceRef {
    pub id: String,
    pub name: String,
}

/// The member who asks, with their role in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceMember {
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// One batch of credits. `expires_at` is `None` for credits that never expire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantView {
    pub kind: GrantKind,
    pub granted: u64,
    pub remaining: u64,
    pub expires_at: Option<String>,
}

/// The billing cycle of a paid plan (RFC 3339 UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleView {
    pub started_at: String,
    pub resets_at: String,
}

/// `GET /v1/workspaces/{workspace}/balance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceResponse {
    pub workspace: WorkspaceRef,
    pub member: BalanceMember,
    pub plan: PlanId,
    pub status: Status,
    /// The sum of `remaining` over live grants.
    pub balance: u64,
    pub grants: Vec<GrantView>,
    /// `None` without a paid plan.
    pub cycle: Option<CycleView>,
    pub shared_pool: bool,
    pub payment_method: PaymentMethod,
    pub low_balance_threshold: u64,
    /// When these figures last changed (RFC 3339 UTC).
    pub as_of: String,
    /// The owners and admins, who can change the plan or top up: the people a
    /// member is told to ask. Empty from a server that does not send it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub admins: Vec<BalanceMember>,
    /// A downgrade waiting for the cycle's end; `None` from a server without a checkout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_plan_change: Option<PendingPlanChange>,
    /// The latest checkouts, newest first; empty from a server without a checkout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purchases: Vec<Purchase>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decodes_the_example_of_api_md() {
        let body = json!({
            "workspace": {"id": "ws_pro_team", "name": "Northwind Studio"},
            "member": {"id": "u_kim", "name": "Kim", "role": "member"},
            "plan": "pro", "status": "active", "balance": 120,
            "grants": [
                {"kind": "monthly", "granted": 5000, "remaining": 120, "expires_at": "2026-12-01T00:00:00Z"},
                {"kind": "trial", "granted": 50, "remaining": 0, "expires_at": null}
            ],
            "cycle": {"started_at": "2026-11-01T00:00:00Z", "resets_at": "2026-12-01T00:00:00Z"},
            "shared_pool": true, "payment_method": "ok", "low_balance_threshold": 250,
            "as_of": "2026-11-24T20:00:00Z"
        });
        let b: BalanceResponse = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(b.grants[1].kind, GrantKind::Trial);
        assert!(!b.member.role.can_change_plan());
        assert_eq!(serde_json::to_value(&b).unwrap(), body);
    }

    #[test]
    fn newer_values_decode_as_unknown() {
        let s: Status = serde_json::from_value(json!("paused")).unwrap();
        assert_eq!(s, Status::Unknown);
        let r: Role = serde_json::from_value(json!("billing")).unwrap();
        assert_eq!(r, Role::Unknown);
        let p: PaymentMethod = serde_json::from_value(json!("expiring")).unwrap();
        assert_eq!(p, PaymentMethod::Unknown);
        let k: GrantKind = serde_json::from_value(json!("referral")).unwrap();
        assert_eq!(k, GrantKind::Unknown);
        let s: Status = serde_json::from_value(json!("past_due")).unwrap();
        assert_eq!((s, s.as_str()), (Status::PastDue, "past_due"));
        assert_eq!(GrantKind::TopUp.as_str(), "top_up");
    }
}
