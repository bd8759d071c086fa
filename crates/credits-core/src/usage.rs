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

/// Which part of the history to ask for: one member's generations (any
/// member's when `None`), with one of `statuses` (any when empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct UsageFilter {
    /// A member id of the workspace, as in `by_member`.
    pub member: Option<String>,
    pub statuses: Vec<UsageStatus>,
}

impl UsageFilter {
    /// The `status` query value: the known statuses, comma-separated; `None` for any.
    pub fn status_param(&self) -> Option<String> {
        let words: Vec<&str> = self
            .statuses
            .iter()
            .filter(|s| **s != UsageStatus::Unknown)
            .map(|s| s.as_str())
            .collect();
        (!words.is_empty()).then(|| words.join(","))
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

    #[test]
    fn totals_are_read_when_sent_and_absent_from_an_older_server() {
        let page = |extra: &str| {
            serde_json::from_str::<UsageResponse>(&format!(
                r#"{{"items": [], "next_cursor": null{extra}, "by_member": []}}"#
            ))
        };
        let with = page(r#", "totals": {"count": 12, "credits": 840}"#).unwrap();
        assert_eq!(
            with.totals,
            Some(UsageTotals {
                count: 12,
                credits: 840
            })
        );
        assert_eq!(page("").unwrap().totals, None);
        assert!(page(r#", "totals": {"count": -1, "credits": 0}"#).is_err());
        assert!(page(r#", "totals": {"count": 1}"#).is_err());
    }

    #[test]
    fn a_filter_asks_for_its_known_statuses_comma_separated() {
        let any = UsageFilter::default();
        assert_eq!(any.status_param(), None);
        let some = UsageFilter {
            member: Some("u_kim".into()),
            statuses: vec![
                UsageStatus::Failed,
                UsageStatus::Unknown,
                UsageStatus::Refunded,
            ],
        };
        assert_eq!(some.status_param().as_deref(), Some("failed,refunded"));
        let unknown_only = UsageFilter {
            member: None,
            statuses: vec![UsageStatus::Unknown],
        };
        assert_eq!(unknown_only.status_param(), None);
    }
}
