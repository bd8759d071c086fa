//! Idempotency keys, for generations (`idempotency`) and checkouts
//! (`purchase_keys`): looked up, remembered with their first answer, and
//! forgotten after [`KEY_LIFETIME`]; and the random ids of what they answered.

use rusqlite::{params, Connection, OptionalExtension};

use crate::domain::clock::DAY;

/// How long an idempotency key is remembered: 24 hours from the spend it answered.
pub const KEY_LIFETIME: i64 = DAY;

/// What a live key remembers, as seen by a request with `fingerprint`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Earlier {
    /// The same request: its first answer, byte for byte.
    Same(String),
    /// Another request under the same key.
    Other,
}

/// The live (younger than [`KEY_LIFETIME`] at `now`) record of `key` for this member,
/// in the key table `table` (`idempotency` or `purchase_keys`).
pub fn earlier(
    conn: &Connection,
    table: &str,
    workspace_id: &str,
    member_id: &str,
    key: &str,
    fingerprint: &str,
    now: i64,
) -> rusqlite::Result<Option<Earlier>> {
    let found: Option<(String, String)> = conn
        .prepare_cached(&format!(
            "SELECT fingerprint, answer FROM {table}
             WHERE workspace_id = ?1 AND member_id = ?2 AND key = ?3 AND created_at > ?4"
        ))?
        .query_row(
            params![
                workspace_id,
                member_id,
                key,
                now.saturating_sub(KEY_LIFETIME)
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(found.map(|(stored, answer)| {
        if stored == fingerprint {
            Earlier::Same(answer)
        } else {
            Earlier::Other
        }
    }))
}

/// A done request's answer, to keep under its key.
pub struct KeyRecord<'a> {
    /// `idempotency` (generations) or `purchase_keys` (checkouts), and its row column.
    pub table: &'a str,
    pub seq_column: &'a str,
    pub workspace_id: &'a str,
    pub member_id: &'a str,
    pub key: &'a str,
    pub fingerprint: &'a str,
    pub seq: i64,
    pub answer: &'a str,
    pub now: i64,
}

/// Keeps `r.answer` under its key, and forgets the expired keys of its table
/// (this one included if it had expired).
pub fn remember(conn: &Connection, r: &KeyRecord<'_>) -> rusqlite::Result<()> {
    let (table, seq) = (r.table, r.seq_column);
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE created_at <= ?1"))?
        .execute(params![r.now.saturating_sub(KEY_LIFETIME)])?;
    conn.prepare_cached(&format!(
        "INSERT INTO {table}
            (workspace_id, member_id, key, fingerprint, {seq}, answer, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (workspace_id, member_id, key) DO UPDATE SET
            fingerprint = excluded.fingerprint, {seq} = excluded.{seq},
            answer = excluded.answer, created_at = excluded.created_at"
    ))?
    .execute(params![
        r.workspace_id,
        r.member_id,
        r.key,
        r.fingerprint,
        r.seq,
        r.answer,
        r.now
    ])?;
    Ok(())
}

/// An answer as its key keeps it: its JSON.
pub fn stored_answer<T: serde::Serialize>(answer: &T) -> rusqlite::Result<String> {
    serde_json::to_string(answer).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))
}

/// A generation id: `gen_` and 32 lowercase hex digits, 128 bits from the OS.
pub fn new_generation_id() -> rusqlite::Result<String> {
    new_id("gen_")
}

/// `prefix` and 32 lowercase hex digits, 128 bits from the OS (an error without them).
pub fn new_id(prefix: &str) -> rusqlite::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        rusqlite::Error::ToSqlConversionFailure(format!("no OS randomness: {e}").into())
    })?;
    let mut id = String::with_capacity(prefix.len() + 32);
    id.push_str(prefix);
    for b in bytes {
        id.push_str(&format!("{b:02x}"));
    }
    Ok(id)
}
