//! The checkout stand-ins: `POST .../top-ups`, `.../plan`, `.../renewal` and
//! `.../payment-method` (bodies and answers), and what the balance answer adds
//! about them (`pending_plan_change`, `purchases`).

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum_deserialize;

use crate::{MemberRef, PlanId};

/// Fewest and most credits one top-up buys.
pub const MIN_TOP_UP: u64 = 100;
pub const MAX_TOP_UP: u64 = 100_000;

/// `POST .../top-ups`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopUpRequest {
    pub credits: u64,
    /// The credit request (`req_...`) this top-up answers: marked `granted` with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
}

/// `POST .../plan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanChangeRequest {
    pub plan: PlanId,
    /// The credit request (`req_...`) this change answers: marked `granted` with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
}

/// `POST .../renewal` and `POST .../payment-method` take an empty object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmptyRequest {}

/// What a purchase was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PurchaseKind {
    TopUp,
    Upgrade,
    Downgrade,
    Renewal,
    PaymentFixed,
    Unknown,
}

open_enum_deserialize!(PurchaseKind: TopUp, Upgrade, Downgrade, Renewal, PaymentFixed);

impl PurchaseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PurchaseKind::TopUp => "top_up",
            PurchaseKind::Upgrade => "upgrade",
            PurchaseKind::Downgrade => "downgrade",
            PurchaseKind::Renewal => "renewal",
            PurchaseKind::PaymentFixed => "payment_fixed",
            PurchaseKind::Unknown => "unknown",
        }
    }
}

/// One checkout, as the balance answer's `purchases` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchase {
    /// `pur_` and 32 lowercase hex digits.
    pub id: String,
    pub kind: PurchaseKind,
    pub at: String,
    pub member: MemberRef,
    /// The plan it was for (a top-up: the plan at the time).
    pub plan: PlanId,
    /// Credits it granted at once (0 for a downgrade).
    pub credits: u64,
    /// When it takes effect: `at`, or the cycle's end for a downgrade.
    pub effective_at: String,
}

/// The 201 answer of a checkout: the purchase and the balance right after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseResponse {
    #[serde(flatten)]
    pub purchase: Purchase,
    pub balance: u64,
}

/// A downgrade waiting for the cycle's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingPlanChange {
    pub plan: PlanId,
    pub effective_at: String,
}
