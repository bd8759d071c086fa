//! Spend history, as `GET /v1/workspaces/{workspace}/usage` answers it.

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum_deserialize;

/// Most items one usage page may carry, and the default page size.
pub const MAX_USAGE_LIMIT: u32 = 100;
pub const DEFAULT_USAGE_LIMIT: u32 = 50;

/// What became of a generation's credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UsageStatus {
    /// Spent.
    Charged,
    /// Charged, then given back: costs nothing.
    Refunded,
    /// The generation failed after its credits were spent.
    Failed,
    Unknown,
}

open_enum_deserialize!(UsageStatus: Charged, Refunded, Failed);

impl UsageStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            UsageStatus::Charged => "charged",
            UsageStatus::Refunded => "refunded",
            UsageStatus::Failed => "failed",
            UsageStatus::Unknown => "unknown",
        }
    }

    /// Whether the credits of an item with this status are gone from the balance.
    pub fn counts_as_spent(self) -> bool {
        matches!(self, UsageStatus::Charged | UsageStatus::Failed)
    }
}

/// `{id, name}` of a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRef {
    pub id: String,
    pub name: String,
}

/// One generation in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageItem {
    pub id: String,
    /// RFC 3339 UTC.
    pub at: String,
    pub member: MemberRef,
    /// The action id, e.g. `image.generate`.
    pub action: String,
    pub credits: u64,
    pub status: UsageStatus,
}

/// A member's spend over the current cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSpend {
    pub member: MemberRef,
    pub credits: u64,
}

/// What the history's filter matches over the current cycle (the same
/// period as `by_member`): how many generations, and the credits they spent
/// (charged and failed; a refunded one spent nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageTotals {
    pub count: u64,
    pub credits: u64,
}

/// `GET /v1/workspaces/{workspace}/usage`: newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageResponse {
    pub items: Vec<UsageItem>,
    /// Pass it back as `cursor` for the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    /// The filter's totals this cycle, on every page; `None` from a server that does not send them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<UsageTotals>,
    /// Spend per member over the current cycle, biggest first.
    pub by_member: Vec<MemberSpend>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_their_cost() {
        let s: UsageStatus = serde_json::from_value(serde_json::json!("disputed")).unwrap();
        assert_eq!(s, UsageStatus::Unknown);
        assert!(UsageStatus::Failed.counts_as_spent());
        assert!(!UsageStatus::Refunded.counts_as_spent());
    }
}
