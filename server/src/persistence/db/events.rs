//! The balance stream's events, kept in the database so their ids survive a restart.
//!
//! Every write that changes what `GET .../balance` answers calls [`append`] inside
//! its own transaction, so an event exists exactly when its write committed. An
//! event's `seq` counts up from 1 per workspace; its body is the balance answer as
//! it was right after the write, with `null` for the `member` (filled per reader, see
//! [`Event::data_for`]). The last [`KEPT`] events of a workspace, and those of the
//! last [`KEPT_SECONDS`], are kept; older ones are dropped as new ones come.

use credits_core::{BalanceMember, Role};
use rusqlite::{params, Connection, OptionalExtension};

use super::load;
use crate::domain::model::{Member, Workspace};
use crate::persistence::store::MemberView;

/// At least this many of a workspace's latest events are kept...
pub const KEPT: i64 = 1_000;
/// ...and every event younger than this.
pub const KEPT_SECONDS: i64 = 86_400;

/// One balance change of a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub workspace_id: String,
    pub seq: i64,
    /// The balance answer's JSON with `null` for its `member`.
    pub body: String,
}

impl Event {
    /// The event's data for the reader whose [`member_json`] is `member`: the
    /// balance answer they would have got.
    pub fn data_for(&self, member: &str) -> String {
        with_member(&self.body, member)
    }
}

/// Records the balance of `workspace_id` as it stands in `conn`'s transaction, as
/// the workspace's next event; `None` when there is no such workspace.
pub fn append(conn: &Connection, workspace_id: &str, now: i64) -> rusqlite::Result<Option<Event>> {
    let Some(workspace) = load::workspace(conn, workspace_id)? else {
        return Ok(None);
    };
    let body = body_of(workspace, now)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(std::io::Error::other(e))))?;
    let seq = latest(conn, workspace_id)? + 1;
    conn.prepare_cached(
        "INSERT INTO balance_events (workspace_id, seq, at, body) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![workspace_id, seq, now, body])?;
    if seq % 100 == 0 {
        conn.prepare_cached(
            "DELETE FROM balance_events WHERE workspace_id = ?1 AND seq <= ?2 AND at < ?3",
        )?
        .execute(params![workspace_id, seq - KEPT, now - KEPT_SECONDS])?;
    }
    Ok(Some(Event {
        workspace_id: workspace_id.to_owned(),
        seq,
        body,
    }))
}

/// The id of the workspace's latest event; 0 when it has none.
pub fn latest(conn: &Connection, workspace_id: &str) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT MAX(seq) FROM balance_events WHERE workspace_id = ?1")?
        .query_row(params![workspace_id], |r| r.get::<_, Option<i64>>(0))
        .map(Option::unwrap_or_default)
}

/// The workspace's latest event, if it has one.
pub fn newest(conn: &Connection, workspace_id: &str) -> rusqlite::Result<Option<Event>> {
    conn.prepare_cached(
        "SELECT seq, body FROM balance_events WHERE workspace_id = ?1 ORDER BY seq DESC LIMIT 1",
    )?
    .query_row(params![workspace_id], |r| {
        Ok(Event {
            workspace_id: workspace_id.to_owned(),
            seq: r.get(0)?,
            body: r.get(1)?,
        })
    })
    .optional()
}

/// The kept events after `seq`, oldest first.
pub fn after(conn: &Connection, workspace_id: &str, seq: i64) -> rusqlite::Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, body FROM balance_events WHERE workspace_id = ?1 AND seq > ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![workspace_id, seq], |r| {
        Ok(Event {
            workspace_id: workspace_id.to_owned(),
            seq: r.get(0)?,
            body: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// The body of an event: the balance answer of `workspace` at `now`, without a member.
pub fn body_of(workspace: Workspace, now: i64) -> Result<String, String> {
    let view = MemberView {
        member: Member {
            id: String::new(),
            name: String::new(),
            role: Role::Member,
        },
        workspace,
    };
    without_member(&crate::http::routes::balance::balance(&view, now))
}

/// Stands for the reader in a stored body; quotes inside JSON strings are
/// escaped, so this text can only be the field itself.
const NO_MEMBER: &str = ",\"member\":null";

/// The balance answer's JSON with `null` for its `member`.
fn without_member(balance: &credits_core::BalanceResponse) -> Result<String, String> {
    let json = serde_json::to_string(balance).map_err(|e| e.to_string())?;
    let member = serde_json::to_string(&balance.member).map_err(|e| e.to_string())?;
    let field = format!(",\"member\":{member}");
    match json.find(&field) {
        Some(at) => Ok(format!(
            "{}{NO_MEMBER}{}",
            &json[..at],
            &json[at + field.len()..]
        )),
        None => Err("the balance answer has no member field".to_owned()),
    }
}

/// `body` with `member` (JSON) in its `member` field: byte for byte the balance answer.
fn with_member(body: &str, member: &str) -> String {
    match body.find(NO_MEMBER) {
        Some(at) => format!(
            "{},\"member\":{member}{}",
            &body[..at],
            &body[at + NO_MEMBER.len()..]
        ),
        None => body.to_owned(),
    }
}

/// The JSON of `member` as a balance answer names them.
pub fn member_json(member: &Member) -> String {
    let member = BalanceMember {
        id: member.id.clone(),
        name: member.name.clone(),
        role: member.role,
    };
    serde_json::to_string(&member).unwrap_or_else(|_| "null".to_owned())
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
