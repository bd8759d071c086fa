//! One spend as one `BEGIN IMMEDIATE` transaction: idempotency check, grants,
//! ledger entry, idempotency record. Nothing is written unless all of it is.

use credits_core::{GenerationResponse, UsageStatus};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{from_sql, load, to_sql};
use crate::model::Grant;
use crate::spending;
use crate::store::SpendRequest;

/// What the transaction decided.
#[derive(Debug)]
pub enum Outcome {
    /// Spent now; `grants` are the workspace's grants after it.
    Spent {
        answer: GenerationResponse,
        grants: Vec<Grant>,
    },
    /// The key was used with this very request before: its first answer.
    Replayed(GenerationResponse),
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
    let earlier: Option<(String, String)> = tx
        .prepare_cached(
            "SELECT fingerprint, answer FROM idempotency WHERE workspace_id = ?1 AND key = ?2",
        )?
        .query_row(params![req.workspace_id, req.idempotency_key], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    if let Some((fingerprint, answer)) = earlier {
        if fingerprint != req.fingerprint {
            return Ok(Outcome::KeyConflict);
        }
        let answer = serde_json::from_str(&answer)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
        return Ok(Outcome::Replayed(answer));
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
    let id = format!("gen_{seq:08}");
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
    let stored = serde_json::to_string(&answer)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    tx.prepare_cached(
        "INSERT INTO idempotency (workspace_id, key, fingerprint, ledger_seq, answer, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        req.workspace_id,
        req.idempotency_key,
        req.fingerprint,
        seq,
        stored,
        req.now
    ])?;
    tx.prepare_cached("UPDATE workspaces SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![req.workspace_id, req.now])?;
    tx.commit()?;
    Ok(Outcome::Spent { answer, grants })
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
