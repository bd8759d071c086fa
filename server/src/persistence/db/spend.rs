//! One spend as one `BEGIN IMMEDIATE` transaction: idempotency check, grants,
//! ledger entry, idempotency record. Nothing is written unless all of it is.
//!
//! Idempotency keys belong to (workspace, member, key) and live `keys::KEY_LIFETIME`:
//! after that the key is forgotten and its next use is a new request.

use credits_core::{GenerationResponse, UsageStatus};
use rusqlite::{params, Connection, TransactionBehavior};

use super::keys::{earlier, new_generation_id, remember, stored_answer, Earlier, KeyRecord};
use super::{events, from_sql, load, to_sql};
use crate::domain::model::Grant;
use crate::domain::spending;

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
    events::append(&tx, &req.workspace_id, req.now)?;
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
