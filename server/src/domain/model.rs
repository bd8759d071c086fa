//! What the server keeps about workspaces and their members.
//!
//! Plain data, independent of how it is stored (see `store`) and of the wire
//! shapes (see `credits_core`). Times are seconds since the Unix epoch.

use credits_core::{GrantKind, PaymentMethod, PlanId, Role, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// A batch of credits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub id: i64,
    pub kind: GrantKind,
    pub granted: u64,
    pub remaining: u64,
    /// `None`: never expires.
    pub expires_at: Option<i64>,
}

impl Grant {
    /// Whether the grant still counts at `now`.
    pub fn is_live(&self, now: i64) -> bool {
        self.expires_at.is_none_or(|t| t > now)
    }
}

/// The billing cycle of a paid plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle {
    pub started_at: i64,
    pub resets_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    pub id: String,
    pub name: String,
    pub plan: PlanId,
    pub status: Status,
    pub shared_pool: bool,
    pub payment_method: PaymentMethod,
    pub low_balance_threshold: u64,
    pub cycle: Option<Cycle>,
    pub members: Vec<Member>,
    /// Soonest-expiring first; grants that never expire last.
    pub grants: Vec<Grant>,
    /// When the workspace's figures were last written.
    pub updated_at: i64,
    /// A downgrade waiting for the cycle's end.
    pub pending_change: Option<PendingChange>,
    /// The latest checkouts, newest first (at most `db::checkout::PURCHASES_SHOWN`).
    pub purchases: Vec<PurchaseRecord>,
}

/// A plan change that takes effect at `effective_at` (a downgrade, at the cycle's end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingChange {
    pub plan: PlanId,
    /// The new plan's monthly allocation, as it was when the change was asked for.
    pub monthly_credits: u64,
    pub effective_at: i64,
}

/// One checkout: a top-up, a plan change, a renewal or a fixed payment method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseRecord {
    pub id: String,
    pub kind: credits_core::PurchaseKind,
    pub member_id: String,
    pub member_name: String,
    pub plan: PlanId,
    pub credits: u64,
    pub effective_at: i64,
    pub at: i64,
}

impl Workspace {
    /// The sum of `remaining` over the grants live at `now`.
    pub fn balance(&self, now: i64) -> u64 {
        self.grants
            .iter()
            .filter(|g| g.is_live(now))
            .fold(0u64, |sum, g| sum.saturating_add(g.remaining))
    }

    pub fn member(&self, member_id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == member_id)
    }

    /// Whether a monthly allocation is live at `now`.
    pub fn has_monthly_grant(&self, now: i64) -> bool {
        self.grants
            .iter()
            .any(|g| g.kind == GrantKind::Monthly && g.is_live(now))
    }

    /// When the balance last changed at `now`: the last write, or a grant's expiry since.
    pub fn changed_at(&self, now: i64) -> i64 {
        self.grants
            .iter()
            .filter_map(|g| g.expires_at)
            .filter(|&t| t <= now)
            .fold(self.updated_at, i64::max)
    }

    /// The cycle's reset, when it is still ahead of `now`.
    pub fn upcoming_reset(&self, now: i64) -> Option<i64> {
        self.cycle.map(|c| c.resets_at).filter(|&t| t > now)
    }
}

/// Sorts grants in spending order: soonest-expiring first, never-expiring last.
pub fn spending_order(grants: &mut [Grant]) {
    grants.sort_by_key(|g| (g.expires_at.is_none(), g.expires_at, g.id));
}

/// One generation in a workspace's ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerEntry {
    pub id: String,
    pub workspace_id: String,
    pub member_id: String,
    /// The action id, e.g. `image.generate`.
    pub action: String,
    pub credits: u64,
    pub status: credits_core::UsageStatus,
    pub at: i64,
}

/// Everything a store starts with: workspaces, bearer tokens, past generations.
#[derive(Debug, Clone, Default)]
pub struct Seed {
    pub workspaces: Vec<Workspace>,
    /// `(token, member id)`.
    pub tokens: Vec<(String, String)>,
    pub ledger: Vec<LedgerEntry>,
}
