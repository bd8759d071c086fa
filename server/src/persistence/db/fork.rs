//! A copy of a workspace under a new id (the browser tests' fork hook), so a
//! test can buy, spend and renew without changing what other tests see.
//!
//! The copy has the same members (so the same tokens work), grants, history,
//! pending plan change and purchases; its generations get new ids, since
//! generation ids are unique across the server.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::keys::new_id;

/// Most forks of one workspace (`ws-f1` … `ws-f100000`).
const MAX_FORKS: u32 = 100_000;

/// Why there is no fork.
#[derive(Debug)]
pub enum ForkRefusal {
    NoWorkspace,
    TooMany,
    Storage(String),
}

impl From<rusqlite::Error> for ForkRefusal {
    fn from(e: rusqlite::Error) -> Self {
        ForkRefusal::Storage(e.to_string())
    }
}

/// Copies `source` to the first free id of `<source>-f<n>`, in one transaction.
pub fn fork(conn: &mut Connection, source: &str) -> Result<String, ForkRefusal> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let exists = |id: &str| -> rusqlite::Result<bool> {
        tx.query_row("SELECT 1 FROM workspaces WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|found| found.is_some())
    };
    if !exists(source)? {
        return Err(ForkRefusal::NoWorkspace);
    }
    let mut id = None;
    for n in 1..=MAX_FORKS {
        let candidate = format!("{source}-f{n}");
        if !exists(&candidate)? {
            id = Some(candidate);
            break;
        }
    }
    let id = id.ok_or(ForkRefusal::TooMany)?;
    let copy = |sql: &str| tx.execute(sql, params![source, id]);
    copy(
        "INSERT INTO workspaces (id, name, plan, status, shared_pool, payment_method,
            low_balance_threshold, cycle_started_at, cycle_resets_at, updated_at)
         SELECT ?2, name, plan, status, shared_pool, payment_method,
            low_balance_threshold, cycle_started_at, cycle_resets_at, updated_at
         FROM workspaces WHERE id = ?1",
    )?;
    copy(
        "INSERT INTO memberships (workspace_id, member_id, role, position)
         SELECT ?2, member_id, role, position FROM memberships WHERE workspace_id = ?1",
    )?;
    copy(
        "INSERT INTO pending_plan_changes (workspace_id, plan, monthly_credits, effective_at)
         SELECT ?2, plan, monthly_credits, effective_at
         FROM pending_plan_changes WHERE workspace_id = ?1",
    )?;
    let grants = copy_rows(
        &tx,
        "SELECT id FROM grants WHERE workspace_id = ?1 ORDER BY id",
        source,
        |old| {
            tx.execute(
                "INSERT INTO grants (workspace_id, kind, granted, remaining, expires_at)
                 SELECT ?2, kind, granted, remaining, expires_at FROM grants WHERE id = ?1",
                params![old, id],
            )
        },
    )?;
    let ledger = copy_rows(
        &tx,
        "SELECT seq FROM ledger WHERE workspace_id = ?1 ORDER BY seq",
        source,
        |old| {
            tx.execute(
                "INSERT INTO ledger (id, workspace_id, member_id, action, credits, status, at)
                 SELECT ?3, ?2, member_id, action, credits, status, at FROM ledger WHERE seq = ?1",
                params![old, id, new_id("gen_")?],
            )
        },
    )?;
    let mut links = tx.prepare(
        "SELECT lg.ledger_seq, lg.grant_id, lg.credits FROM ledger_grants lg
         JOIN ledger l ON l.seq = lg.ledger_seq WHERE l.workspace_id = ?1",
    )?;
    let rows = links
        .query_map([source], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(links);
    for (seq, grant, credits) in rows {
        if let (Some(seq), Some(grant)) = (ledger.get(&seq), grants.get(&grant)) {
            tx.execute(
                "INSERT INTO ledger_grants (ledger_seq, grant_id, credits) VALUES (?1, ?2, ?3)",
                params![seq, grant, credits],
            )?;
        }
    }
    copy_rows(
        &tx,
        "SELECT seq FROM purchases WHERE workspace_id = ?1 ORDER BY seq",
        source,
        |old| {
            tx.execute(
                "INSERT INTO purchases
                    (id, workspace_id, member_id, kind, plan, credits, effective_at, at)
                 SELECT ?3, ?2, member_id, kind, plan, credits, effective_at, at
                 FROM purchases WHERE seq = ?1",
                params![old, id, new_id("pur_")?],
            )
        },
    )?;
    tx.commit()?;
    Ok(id)
}

/// Runs `insert` for each row key `select` lists, oldest first: old key → new row id.
fn copy_rows(
    tx: &Connection,
    select: &str,
    source: &str,
    mut insert: impl FnMut(i64) -> rusqlite::Result<usize>,
) -> rusqlite::Result<HashMap<i64, i64>> {
    let mut stmt = tx.prepare(select)?;
    let old: Vec<i64> = stmt
        .query_map([source], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut map = HashMap::with_capacity(old.len());
    for key in old {
        insert(key)?;
        map.insert(key, tx.last_insert_rowid());
    }
    Ok(map)
}
