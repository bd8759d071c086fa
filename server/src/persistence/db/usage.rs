//! The spend history: pages of the ledger, newest first, and spend per member.

use rusqlite::{params, Connection};

use super::{from_sql, parse_enum};
use crate::domain::model::LedgerEntry;

/// Where a page starts: just after the entry at (`at`, `seq`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct After {
    pub at: i64,
    pub seq: i64,
}

/// A ledger entry with the member's name and its place in the order.
#[derive(Debug, Clone)]
pub struct Row {
    pub entry: LedgerEntry,
    pub member_name: String,
    pub position: After,
}

/// One page of the history and the cycle's spend per member.
#[derive(Debug, Clone)]
pub struct Page {
    pub rows: Vec<Row>,
    /// Whether entries older than the last row exist.
    pub more: bool,
    pub by_member: Vec<MemberTotal>,
}

/// What one member spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberTotal {
    pub id: String,
    pub name: String,
    pub credits: u64,
}

/// Up to `limit` entries of `workspace_id` after `after`, newest first, and whether more follow.
pub fn page(
    conn: &Connection,
    workspace_id: &str,
    after: Option<After>,
    limit: u32,
) -> rusqlite::Result<(Vec<Row>, bool)> {
    let (at, seq) = after.map_or((i64::MAX, i64::MAX), |a| (a.at, a.seq));
    let mut stmt = conn.prepare_cached(
        "SELECT l.seq, l.id, l.member_id, m.name, l.action, l.credits, l.status, l.at
         FROM ledger l JOIN members m ON m.id = l.member_id
         WHERE l.workspace_id = ?1 AND (l.at < ?2 OR (l.at = ?2 AND l.seq < ?3))
         ORDER BY l.at DESC, l.seq DESC LIMIT ?4",
    )?;
    let rows = stmt.query_map(params![workspace_id, at, seq, i64::from(limit) + 1], |r| {
        let position = After {
            seq: r.get(0)?,
            at: r.get(7)?,
        };
        Ok(Row {
            entry: LedgerEntry {
                id: r.get(1)?,
                workspace_id: workspace_id.to_owned(),
                member_id: r.get(2)?,
                action: r.get(4)?,
                credits: from_sql(r.get(5)?),
                status: parse_enum(&r.get::<_, String>(6)?)?,
                at: position.at,
            },
            member_name: r.get(3)?,
            position,
        })
    })?;
    let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

/// Every member's spend (charged or failed) since `since`: (id, name, credits), biggest first.
pub fn by_member(
    conn: &Connection,
    workspace_id: &str,
    since: i64,
) -> rusqlite::Result<Vec<MemberTotal>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.name, COALESCE(SUM(l.credits), 0) AS spent
         FROM memberships ms JOIN members m ON m.id = ms.member_id
         LEFT JOIN ledger l ON l.workspace_id = ms.workspace_id AND l.member_id = ms.member_id
              AND l.at >= ?2 AND l.status IN ('charged', 'failed')
         WHERE ms.workspace_id = ?1
         GROUP BY m.id, m.name, ms.position ORDER BY spent DESC, ms.position",
    )?;
    let rows = stmt.query_map(params![workspace_id, since], |r| {
        Ok(MemberTotal {
            id: r.get(0)?,
            name: r.get(1)?,
            credits: from_sql(r.get(2)?),
        })
    })?;
    rows.collect()
}
