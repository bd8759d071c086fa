//! Plans, as `GET /v1/plans` lists them.

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum_deserialize;

/// A plan tier. Ordered from cheapest to most generous.
/// A tier a newer server adds decodes as `Unknown`, not as an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanId {
    Free,
    Basic,
    Pro,
    Enterprise,
    Unknown,
}

open_enum_deserialize!(PlanId: Free, Basic, Pro, Enterprise);

impl PlanId {
    /// The plan a wire word names; a word a newer server adds is `Unknown`.
    pub fn from_word(word: &str) -> PlanId {
        [PlanId::Free, PlanId::Basic, PlanId::Pro, PlanId::Enterprise]
            .into_iter()
            .find(|p| p.as_str() == word)
            .unwrap_or(PlanId::Unknown)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PlanId::Free => "free",
            PlanId::Basic => "basic",
            PlanId::Pro => "pro",
            PlanId::Enterprise => "enterprise",
            PlanId::Unknown => "unknown",
        }
    }
}

/// A plan's price; `Plan::price` is `None` where the plan is sold by contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    pub amount_minor: u64,
    /// ISO 4217, e.g. `USD`.
    pub currency: String,
    /// `month` or `year`.
    pub interval: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    pub monthly_credits: u64,
    pub price: Option<Price>,
    /// Action ids the plan unlocks.
    pub features: Vec<String>,
    /// `None` means unlimited.
    pub seats: Option<u32>,
    /// https or a relative path; the components refuse anything else.
    pub upgrade_url: String,
}

impl Plan {
    /// A plan without a price is sold by contact: its button says "Contact
    /// sales", never "Upgrade".
    pub fn sold_by_contact(&self) -> bool {
        self.price.is_none()
    }
}

/// `GET /v1/plans`: cheapest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlansResponse {
    pub plans: Vec<Plan>,
}
