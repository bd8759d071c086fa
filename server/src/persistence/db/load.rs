//! Reading workspaces, members, grants and tokens back from the database.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::{checkout, from_sql, parse_enum};
use crate::domain::model::{Cycle, Grant, Member, Workspace};

/// Every workspace with its members and grants (in spending order), by id.
pub fn workspaces(conn: &Connection) -> rusqlite::Result<HashMap<String, Workspace>> {
    read_workspaces(conn, None)
}

/// One workspace, as [`workspaces`] reads it.
pub fn workspace(conn: &Connection, id: &str) -> rusqlite::Result<Option<Workspace>> {
    Ok(read_workspaces(conn, Some(id))?.remove(id))
}

fn read_workspaces(
    conn: &Connection,
    only: Option<&str>,
) -> rusqlite::Result<HashMap<String, Workspace>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, plan, status, shared_pool, payment_method, low_balance_threshold,
                cycle_started_at, cycle_resets_at, updated_at FROM workspaces
         WHERE ?1 IS NULL OR id = ?1",
    )?;
    let rows = stmt.query_map(params![only], |r| {
        let cycle = match (r.get::<_, Option<i64>>(7)?, r.get::<_, Option<i64>>(8)?) {
            (Some(started_at), Some(resets_at)) => Some(Cycle {
                started_at,
                resets_at,
            }),
            _ => None,
        };
        Ok(Workspace {
            id: r.get(0)?,
            name: r.get(1)?,
            plan: parse_enum(&r.get::<_, String>(2)?)?,
            status: parse_enum(&r.get::<_, String>(3)?)?,
            shared_pool: r.get(4)?,
            payment_method: parse_enum(&r.get::<_, String>(5)?)?,
            low_balance_threshold: from_sql(r.get(6)?),
            cycle,
            members: Vec::new(),
            grants: Vec::new(),
            updated_at: r.get(9)?,
            pending_change: None,
            purchases: Vec::new(),
        })
    })?;
    let mut all = HashMap::new();
    for w in rows {
        let mut w = w?;
        w.members = members(conn, &w.id)?;
        w.grants = grants(conn, &w.id)?;
        w.pending_change = checkout::pending(conn, &w.id)?;
        w.purchases = checkout::purchases(conn, &w.id)?;
        all.insert(w.id.clone(), w);
    }
    Ok(all)
}

fn members(conn: &Connection, workspace_id: &str) -> rusqlite::Result<Vec<Member>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.name, ms.role FROM memberships ms JOIN members m ON m.id = ms.member_id
         WHERE ms.workspace_id = ?1 ORDER BY ms.position",
    )?;
    let rows = stmt.query_map(params![workspace_id], |r| {
        Ok(Member {
            id: r.get(0)?,
            name: r.get(1)?,
            role: parse_enum(&r.get::<_, String>(2)?)?,
        })
    })?;
    rows.collect()
}

/// A workspace's grants, soonest-expiring first and never-expiring last.
pub fn grants(conn: &Connection, workspace_id: &str) -> rusqlite::Result<Vec<Grant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, granted, remaining, expires_at FROM grants WHERE workspace_id = ?1
         ORDER BY expires_at IS NULL, expires_at, id",
    )?;
    let rows = stmt.query_map(params![workspace_id], |r| {
        Ok(Grant {
            id: r.get(0)?,
            kind: parse_enum(&r.get::<_, String>(1)?)?,
            granted: from_sql(r.get(2)?),
            remaining: from_sql(r.get(3)?),
            expires_at: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// Bearer token → member id.
pub fn tokens(conn: &Connection) -> rusqlite::Result<HashMap<String, String>> {
    let mut stmt = conn.prepare("SELECT token, member_id FROM tokens")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}
