//! Writing a `Seed` (the demo data) into an empty database.

use rusqlite::{params, Connection, TransactionBehavior};

use super::to_sql;
use crate::domain::model::Seed;

/// Writes `seed` when the database holds no workspace yet; `false` when it already had data
/// (a restarted file database keeps its own).
pub fn seed_if_empty(conn: &mut Connection, seed: &Seed) -> rusqlite::Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let count: i64 = tx.query_row("SELECT COUNT(*) FROM workspaces", [], |r| r.get(0))?;
    if count > 0 {
        return Ok(false);
    }
    for w in &seed.workspaces {
        tx.execute(
            "INSERT INTO workspaces (id, name, plan, status, shared_pool, payment_method,
                low_balance_threshold, cycle_started_at, cycle_resets_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                w.id,
                w.name,
                w.plan.as_str(),
                w.status.as_str(),
                w.shared_pool,
                w.payment_method.as_str(),
                to_sql(w.low_balance_threshold),
                w.cycle.map(|c| c.started_at),
                w.cycle.map(|c| c.resets_at),
                w.updated_at,
            ],
        )?;
        for (position, m) in w.members.iter().enumerate() {
            tx.execute(
                "INSERT INTO members (id, name) VALUES (?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name",
                params![m.id, m.name],
            )?;
            tx.execute(
                "INSERT INTO memberships (workspace_id, member_id, role, position)
                 VALUES (?1, ?2, ?3, ?4)",
                params![w.id, m.id, m.role.as_str(), to_sql(position as u64)],
            )?;
        }
        for g in &w.grants {
            tx.execute(
                "INSERT INTO grants (id, workspace_id, kind, granted, remaining, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    g.id,
                    w.id,
                    g.kind.as_str(),
                    to_sql(g.granted),
                    to_sql(g.remaining),
                    g.expires_at
                ],
            )?;
        }
    }
    for (token, member) in &seed.tokens {
        tx.execute(
            "INSERT INTO tokens (token, member_id) VALUES (?1, ?2)",
            params![token, member],
        )?;
    }
    // Oldest first, so that `seq` grows with time as it does for live spends.
    let mut ledger: Vec<_> = seed.ledger.iter().collect();
    ledger.sort_by_key(|e| e.at);
    for e in ledger {
        tx.execute(
            "INSERT INTO ledger (id, workspace_id, member_id, action, credits, status, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                e.id,
                e.workspace_id,
                e.member_id,
                e.action,
                to_sql(e.credits),
                e.status.as_str(),
                e.at
            ],
        )?;
    }
    tx.commit()?;
    Ok(true)
}
