//! The demo workspaces (`--seed-demo`), read from `server/data/demo.toml`.

use credits_core::{GrantKind, PaymentMethod, PlanId, Role, Status, UsageStatus};
use serde::Deserialize;

use crate::domain::clock::{start_of_day, DAY};
use crate::domain::hash::fnv1a;
use crate::domain::model::{spending_order, Cycle, Grant, LedgerEntry, Member, Seed, Workspace};

/// The demo data, compiled into the binary so it runs from any directory.
pub const DEMO_TOML: &str = include_str!("../../data/demo.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    workspaces: Vec<WorkspaceEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkspaceEntry {
    id: String,
    name: String,
    plan: PlanId,
    status: Status,
    shared_pool: bool,
    payment_method: PaymentMethod,
    low_balance_threshold: u64,
    cycle: Option<CycleEntry>,
    members: Vec<MemberEntry>,
    grants: Vec<GrantEntry>,
    usage: Vec<UsageEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CycleEntry {
    started_days_ago: i64,
    resets_in_days: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberEntry {
    id: String,
    name: String,
    role: Role,
    token: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GrantEntry {
    kind: GrantKind,
    granted: u64,
    remaining: u64,
    expires_in_days: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UsageEntry {
    member: String,
    action: String,
    credits: u64,
    #[serde(default = "charged")]
    status: UsageStatus,
    hours_ago: i64,
}

fn charged() -> UsageStatus {
    UsageStatus::Charged
}

/// A past generation's id, shaped like a live one (`gen_` and 32 hex digits) but fixed,
/// so the demo history is the same on every start: two hashes of the workspace and number.
pub fn demo_generation_id(workspace_id: &str, n: usize) -> String {
    let half = |salt: u8| fnv1a(format!("{workspace_id}/{n}/{salt}").as_bytes());
    format!("gen_{:016x}{:016x}", half(0), half(1))
}

/// The demo data, its days counted from the day of `now` and its history from `now`.
pub fn demo_seed(now: i64) -> Result<Seed, String> {
    let file: File =
        toml::from_str(DEMO_TOML).map_err(|e| format!("server/data/demo.toml: {e}"))?;
    let today = start_of_day(now);
    let day = |n: i64| today.saturating_add(n.saturating_mul(DAY));
    let mut seed = Seed::default();
    let mut grant_id = 0;
    for w in file.workspaces {
        check_known(&w)?;
        for m in &w.members {
            if let Some(token) = &m.token {
                seed.tokens.push((token.clone(), m.id.clone()));
            }
        }
        for (i, u) in w.usage.iter().enumerate() {
            if w.members.iter().all(|m| m.id != u.member) {
                return Err(format!("{}: usage by unknown member {}", w.id, u.member));
            }
            seed.ledger.push(LedgerEntry {
                id: demo_generation_id(&w.id, w.usage.len() - i),
                workspace_id: w.id.clone(),
                member_id: u.member.clone(),
                action: u.action.clone(),
                credits: u.credits,
                status: u.status,
                at: now.saturating_sub(u.hours_ago.saturating_mul(3600)),
            });
        }
        let mut grants: Vec<Grant> = w
            .grants
            .into_iter()
            .map(|g| {
                grant_id += 1;
                Grant {
                    id: grant_id,
                    kind: g.kind,
                    granted: g.granted,
                    remaining: g.remaining,
                    expires_at: g.expires_in_days.map(day),
                }
            })
            .collect();
        spending_order(&mut grants);
        seed.workspaces.push(Workspace {
            id: w.id,
            name: w.name,
            plan: w.plan,
            status: w.status,
            shared_pool: w.shared_pool,
            payment_method: w.payment_method,
            low_balance_threshold: w.low_balance_threshold,
            cycle: w.cycle.map(|c| Cycle {
                started_at: day(-c.started_days_ago),
                resets_at: day(c.resets_in_days),
            }),
            members: w
                .members
                .into_iter()
                .map(|m| Member {
                    id: m.id,
                    name: m.name,
                    role: m.role,
                })
                .collect(),
            grants,
            updated_at: now,
            pending_change: None,
            purchases: Vec::new(),
        });
    }
    Ok(seed)
}

/// The `Unknown` fallbacks are for newer servers' answers, not for typos in our own data.
fn check_known(w: &WorkspaceEntry) -> Result<(), String> {
    let unknown = w.plan == PlanId::Unknown
        || w.status == Status::Unknown
        || w.payment_method == PaymentMethod::Unknown
        || w.members.iter().any(|m| m.role == Role::Unknown)
        || w.grants.iter().any(|g| g.kind == GrantKind::Unknown)
        || w.usage.iter().any(|u| u.status == UsageStatus::Unknown);
    if unknown {
        return Err(format!("server/data/demo.toml: {}: an unknown value", w.id));
    }
    Ok(())
}

#[cfg(test)]
#[path = "demo_data_tests.rs"]
mod tests;
