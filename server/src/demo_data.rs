//! The demo workspaces (`--seed-demo`), read from `server/data/demo.toml`.

use serde::Deserialize;

use crate::clock::{start_of_day, DAY};
use crate::model::{Cycle, Grant, Member, Role, Workspace};
use crate::store::Store;

/// The demo data, compiled into the binary so it runs from any directory.
pub const DEMO_TOML: &str = include_str!("../data/demo.toml");

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
    plan: credits_core::PlanId,
    status: String,
    shared_pool: bool,
    payment_method: String,
    low_balance_threshold: u64,
    cycle: Option<CycleEntry>,
    members: Vec<MemberEntry>,
    grants: Vec<GrantEntry>,
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
    kind: String,
    granted: u64,
    remaining: u64,
    expires_in_days: Option<i64>,
}

/// A store holding the demo workspaces, their times counted from the day of `now`.
pub fn seeded_store(now: i64) -> Result<Store, String> {
    let file: File =
        toml::from_str(DEMO_TOML).map_err(|e| format!("server/data/demo.toml: {e}"))?;
    let today = start_of_day(now);
    let day = |n: i64| today.saturating_add(n.saturating_mul(DAY));
    let mut tokens = Vec::new();
    let mut workspaces = Vec::new();
    for w in file.workspaces {
        for m in &w.members {
            if let Some(token) = &m.token {
                tokens.push((token.clone(), m.id.clone()));
            }
        }
        workspaces.push(Workspace {
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
            grants: w
                .grants
                .into_iter()
                .map(|g| Grant {
                    kind: g.kind,
                    granted: g.granted,
                    remaining: g.remaining,
                    expires_at: g.expires_in_days.map(day),
                })
                .collect(),
        });
    }
    Ok(Store::with(workspaces, tokens))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_matches_the_table_in_api_md() {
        let now = 1_795_550_400;
        let store = seeded_store(now).unwrap();
        assert_eq!(store.workspace_count(), 7);
        let expect = [
            ("tok_trial_owner", "ws_trial", "trialing", 50, Role::Owner),
            ("tok_free_owner", "ws_free_empty", "free", 0, Role::Owner),
            (
                "tok_basic_owner",
                "ws_basic_limit",
                "active",
                6,
                Role::Owner,
            ),
            ("tok_pro_admin", "ws_pro_team", "active", 120, Role::Admin),
            ("tok_pro_member", "ws_pro_team", "active", 120, Role::Member),
            ("tok_expired_owner", "ws_expired", "expired", 0, Role::Owner),
            (
                "tok_past_due_owner",
                "ws_past_due",
                "past_due",
                0,
                Role::Owner,
            ),
            (
                "tok_ent_owner",
                "ws_enterprise",
                "active",
                48_000,
                Role::Owner,
            ),
        ];
        for (token, ws, status, balance, role) in expect {
            let member = store.member_id_for_token(token).unwrap();
            let view = store.member_view(&member, ws).unwrap();
            assert_eq!(view.workspace.status, status, "{ws}");
            assert_eq!(view.workspace.balance(now), balance, "{ws}");
            assert_eq!(view.member.role, role, "{token}");
            assert!(store.member_view(&member, "ws_other").is_none());
        }
        let pro = store.member_view("u_kim", "ws_pro_team").unwrap().workspace;
        assert!(pro.shared_pool && pro.low_balance_threshold == 250);
        let basic = store.member_view("u_sofia", "ws_basic_limit").unwrap();
        let resets = basic.workspace.cycle.unwrap().resets_at;
        assert!(resets > now && resets - now < 7 * DAY);
    }
}
