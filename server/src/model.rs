//! What the server keeps about workspaces and their members.
//!
//! Plain data, independent of how it is stored (see `store`) and of the wire
//! shapes (see `credits_core`). Times are seconds since the Unix epoch.

use credits_core::PlanId;

/// A member's role: only owners and admins can change the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Admin,
    Member,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// A batch of credits: `monthly`, `trial`, `top_up` or `promo`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub kind: String,
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
    /// `free`, `trialing`, `active`, `past_due`, `expired` or `canceled`.
    pub status: String,
    pub shared_pool: bool,
    /// `ok`, `missing` or `failing`.
    pub payment_method: String,
    pub low_balance_threshold: u64,
    pub cycle: Option<Cycle>,
    pub members: Vec<Member>,
    pub grants: Vec<Grant>,
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
}
