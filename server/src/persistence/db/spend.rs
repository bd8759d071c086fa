//! One spend as one `BEGIN IMMEDIATE` transaction: idempotency check, grants,
//! ledger entry, idempotency record. Nothing is written unless all of it is.
//!
//! Idempotency keys belong to (workspace, member, key) and live [`KEY_LIFETIME`]:
//! after that the key is forgotten and its next use is a new request.

use credits_core::{GenerationResponse, UsageStatus};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{from_sql, load, to_sql};
use crate::domain::clock::DAY;
use crate::domain::model::Grant;
use crate::domain::spending;

/// How long an idempotency key is remembered: 24 hours from the spend it answered.
pub const KEY_LIFETIME: i64 = DAY;

/// One `POST .../generations`, already validated and priced.
#[derive(Debug, Clone)]
pub struct SpendRequest {
    pub workspace_id: String,
    pub member_id: String,
    pub idempotency_key: String,
    /// The request's canonical form: the same key must come with the same one.
    pub fingerprint: String,
    pub action_id: &'static str,
    pub cost: u64,
    pub now: i64,
}

/// What the transaction decided.
#[derive(Debug)]
pub enum Outcome {
    /// Spent now; `answer` is the body as stored under the key, `grants` the workspace's
    /// grants after it.
    Spent { answer: String, grants: Vec<Grant> },
    /// The key was used with this very request before: its first answer, as it was written.
    Replayed(String),
    /// The key was used with another request.
    KeyConflict,
    /// Too few credits; this cycle's spend by the asker and by everyone else.
    Short {
        own_cycle_spend: u64,
        others_cycle_spend: u64,
    },
}

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

pub fn spend(
    conn: &mut Connection,
    req: &SpendRequest,
    cycle_start: Option<i64>,
) -> rusqlite::Result<Outcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    match earlier(
        &tx,
        "idempotency",
        &req.workspace_id,
        &req.member_id,
        &req.idempotency_key,
        &req.fingerprint,
        req.now,
    )? {
        Some(Earlier::Same(answer)) => return Ok(Outcome::Replayed(answer)),
        Some(Earlier::Other) => return Ok(Outcome::KeyConflict),
        None => {}
    }
    let mut grants = load::grants(&tx, &req.workspace_id)?;
    let Some(taken) = spending::take(&mut grants, req.now, req.cost) else {
        let (own, others) = cycle_spend(&tx, req, cycle_start)?;
        return Ok(Outcome::Short {
            own_cycle_spend: own,
            others_cycle_spend: others,
        });
    };
    let seq: i64 = tx.query_row("SELECT COALESCE(MAX(seq), 0) + 1 FROM ledger", [], |r| {
        r.get(0)
    })?;
    // Random, so that ids say nothing about how many generations the server made;
    // the ledger is ordered by `seq`, never by id.
    let id = new_generation_id()?;
    tx.prepare_cached(
        "INSERT INTO ledger (seq, id, workspace_id, member_id, action, credits, status, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        seq,
        id,
        req.workspace_id,
        req.member_id,
        req.action_id,
        to_sql(req.cost),
        UsageStatus::Charged.as_str(),
        req.now
    ])?;
    for (grant_id, credits) in taken {
        let changed = tx
            .prepare_cached(
                "UPDATE grants SET remaining = remaining - ?2 WHERE id = ?1 AND remaining >= ?2",
            )?
            .execute(params![grant_id, to_sql(credits)])?;
        if changed != 1 {
            return Err(rusqlite::Error::StatementChangedRows(changed));
        }
        tx.prepare_cached(
            "INSERT INTO ledger_grants (ledger_seq, grant_id, credits) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![seq, grant_id, to_sql(credits)])?;
    }
    let answer = GenerationResponse {
        id,
        credits_charged: req.cost,
        balance: grants
            .iter()
            .filter(|g| g.is_live(req.now))
            .map(|g| g.remaining)
            .sum(),
    };
    let stored = stored_answer(&answer)?;
    remember(
        &tx,
        &KeyRecord {
            table: "idempotency",
            seq_column: "ledger_seq",
            workspace_id: &req.workspace_id,
            member_id: &req.member_id,
            key: &req.idempotency_key,
            fingerprint: &req.fingerprint,
            seq,
            answer: &stored,
            now: req.now,
        },
    )?;
    tx.prepare_cached("UPDATE workspaces SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![req.workspace_id, req.now])?;
    tx.commit()?;
    Ok(Outcome::Spent {
        answer: stored,
        grants,
    })
}

/// Credits spent since `cycle_start` (all time without a cycle) by the asker, and by the others.
fn cycle_spend(
    conn: &Connection,
    req: &SpendRequest,
    cycle_start: Option<i64>,
) -> rusqlite::Result<(u64, u64)> {
    conn.prepare_cached(
        "SELECT COALESCE(SUM(CASE WHEN member_id = ?2 THEN credits END), 0),
                COALESCE(SUM(CASE WHEN member_id <> ?2 THEN credits END), 0)
         FROM ledger WHERE workspace_id = ?1 AND at >= ?3 AND status IN ('charged', 'failed')",
    )?
    .query_row(
        params![
            req.workspace_id,
            req.member_id,
            cycle_start.unwrap_or(i64::MIN)
        ],
        |r| Ok((from_sql(r.get(0)?), from_sql(r.get(1)?))),
    )
}
