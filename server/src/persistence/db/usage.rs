//! The spend history: pages of the ledger, newest first, narrowed by member
//! and status, their totals, and spend per member.

use credits_core::UsageStatus;
use rusqlite::{params_from_iter, types::Value, Connection};

use super::{from_sql, parse_enum};
use crate::domain::model::LedgerEntry;

/// Where a page starts: just after the entry at (`at`, `seq`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct After {
    pub at: i64,
    pub seq: i64,
}

/// Which entries a page and its totals cover: one member's, some statuses'.
/// Statuses are kept in one order, and all three mean no narrowing, so equal
/// filters have equal [`Filter::key`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub member: Option<String>,
    statuses: Vec<UsageStatus>,
}

/// Every status an entry can have, in the filter's order.
pub const STATUSES: [UsageStatus; 3] = [
    UsageStatus::Charged,
    UsageStatus::Failed,
    UsageStatus::Refunded,
];

impl Filter {
    /// Only `member`'s entries (any member when `None`) with one of `statuses` (any when empty).
    pub fn new(member: Option<String>, statuses: &[UsageStatus]) -> Filter {
        let mut statuses: Vec<UsageStatus> = STATUSES
            .into_iter()
            .filter(|s| statuses.contains(s))
            .collect();
        if statuses.len() == STATUSES.len() {
            statuses.clear();
        }
        Filter { member, statuses }
    }

    /// A canonical text of the filter, empty for none (a cursor is bound to it).
    pub fn key(&self) -> String {
        if self.member.is_none() && self.statuses.is_empty() {
            return String::new();
        }
        let statuses: Vec<&str> = self.statuses.iter().map(|s| s.as_str()).collect();
        format!(
            "{}\n{}",
            self.member.as_deref().unwrap_or(""),
            statuses.join(",")
        )
    }

    /// ` AND ...` for the ledger `l`, with the parameters it adds after `args`.
    fn sql(&self, args: &mut Vec<Value>) -> String {
        let mut sql = String::new();
        if let Some(member) = &self.member {
            args.push(Value::Text(member.clone()));
            sql.push_str(&format!(" AND l.member_id = ?{}", args.len()));
        }
        if !self.statuses.is_empty() {
            let marks: Vec<String> = self
                .statuses
                .iter()
                .map(|s| {
                    args.push(Value::Text(s.as_str().to_owned()));
                    format!("?{}", args.len())
                })
                .collect();
            sql.push_str(&format!(" AND l.status IN ({})", marks.join(", ")));
        }
        sql
    }
}

/// A ledger entry with the member's name and its place in the order.
#[derive(Debug, Clone)]
pub struct Row {
    pub entry: LedgerEntry,
    pub member_name: String,
    pub position: After,
}

/// How many entries a filter matches since a time, and what they spent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub count: u64,
    /// Charged and failed entries' credits; a refunded one spent nothing.
    pub credits: u64,
}

/// One page of the history, the filter's totals and the cycle's spend per member.
#[derive(Debug, Clone)]
pub struct Page {
    pub rows: Vec<Row>,
    /// Whether entries older than the last row exist.
    pub more: bool,
    pub totals: Totals,
    pub by_member: Vec<MemberTotal>,
}

/// What one member spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberTotal {
    pub id: String,
    pub name: String,
    pub credits: u64,
}

/// Up to `limit` entries of `workspace_id` matching `filter` after `after`,
/// newest first, and whether more follow.
pub fn page(
    conn: &Connection,
    workspace_id: &str,
    filter: &Filter,
    after: Option<After>,
    limit: u32,
) -> rusqlite::Result<(Vec<Row>, bool)> {
    let (at, seq) = after.map_or((i64::MAX, i64::MAX), |a| (a.at, a.seq));
    let mut args = vec![
        Value::Text(workspace_id.to_owned()),
        Value::Integer(at),
        Value::Integer(seq),
        Value::Integer(i64::from(limit) + 1),
    ];
    let narrow = filter.sql(&mut args);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT l.seq, l.id, l.member_id, m.name, l.action, l.credits, l.status, l.at
         FROM ledger l JOIN members m ON m.id = l.member_id
         WHERE l.workspace_id = ?1 AND (l.at < ?2 OR (l.at = ?2 AND l.seq < ?3)){narrow}
         ORDER BY l.at DESC, l.seq DESC LIMIT ?4"
    ))?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
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

/// The entries of `workspace_id` matching `filter` since `since`: how many, and what they spent.
pub fn totals(
    conn: &Connection,
    workspace_id: &str,
    filter: &Filter,
    since: i64,
) -> rusqlite::Result<Totals> {
    let mut args = vec![Value::Text(workspace_id.to_owned()), Value::Integer(since)];
    let narrow = filter.sql(&mut args);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT COUNT(*),
                COALESCE(SUM(CASE WHEN l.status IN ('charged', 'failed') THEN l.credits END), 0)
         FROM ledger l WHERE l.workspace_id = ?1 AND l.at >= ?2{narrow}"
    ))?;
    stmt.query_row(params_from_iter(args), |r| {
        Ok(Totals {
            count: from_sql(r.get(0)?),
            credits: from_sql(r.get(1)?),
        })
    })
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
    let rows = stmt.query_map(rusqlite::params![workspace_id, since], |r| {
        Ok(MemberTotal {
            id: r.get(0)?,
            name: r.get(1)?,
            credits: from_sql(r.get(2)?),
        })
    })?;
    rows.collect()
}
