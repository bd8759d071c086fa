//! One checkout as one `BEGIN IMMEDIATE` transaction: idempotency check, the
//! workspace read afresh, the rule (`crate::domain::checkout::decide`), the writes,
//! the purchase record and its key. Nothing is written unless all of it is.

use credits_core::{MemberRef, Purchase, PurchaseResponse};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::keys::{earlier, new_id, remember, stored_answer, Earlier, KeyRecord};
use super::{events, from_sql, load, parse_enum, to_sql};
use crate::domain::catalog::Catalog;
use crate::domain::checkout::{decide, due_change, Change, Op, PendingWrite, Refusal};
use crate::domain::clock::rfc3339;
use crate::domain::model::{PendingChange, PurchaseRecord};

/// How many purchases the balance answer lists.
pub const PURCHASES_SHOWN: u32 = 10;

/// One checkout request, its body validated.
#[derive(Debug, Clone)]
pub struct CheckoutRequest {
    pub workspace_id: String,
    pub member: MemberRef,
    pub idempotency_key: String,
    /// The endpoint, member and body in canonical form.
    pub fingerprint: String,
    pub op: Op,
    pub now: i64,
}

/// What the transaction decided.
#[derive(Debug)]
pub enum Outcome {
    /// Done now; the 201's body as stored under the key.
    Done(String),
    Replayed(String),
    KeyConflict,
    Refused(Refusal),
    NoWorkspace,
    /// The database failed: nothing was written.
    Storage(String),
}

pub fn check_out(
    conn: &mut Connection,
    req: &CheckoutRequest,
    catalog: &Catalog,
) -> rusqlite::Result<Outcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (ws, member, key) = (&req.workspace_id, &req.member.id, &req.idempotency_key);
    match earlier(
        &tx,
        "purchase_keys",
        ws,
        member,
        key,
        &req.fingerprint,
        req.now,
    )? {
        Some(Earlier::Same(answer)) => return Ok(Outcome::Replayed(answer)),
        Some(Earlier::Other) => return Ok(Outcome::KeyConflict),
        None => {}
    }
    let Some(workspace) = load::workspace(&tx, ws)? else {
        return Ok(Outcome::NoWorkspace);
    };
    let change = match decide(&workspace, &req.op, catalog, req.now) {
        Ok(change) => change,
        Err(refusal) => return Ok(Outcome::Refused(refusal)),
    };
    apply(&tx, ws, &change, req.now)?;
    let id = new_id("pur_")?;
    tx.prepare_cached(
        "INSERT INTO purchases (id, workspace_id, member_id, kind, plan, credits, effective_at, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        ws,
        member,
        change.kind.as_str(),
        change.plan.as_str(),
        to_sql(change.credits),
        change.effective_at,
        req.now
    ])?;
    let seq = tx.last_insert_rowid();
    let balance = load::grants(&tx, ws)?
        .iter()
        .filter(|g| g.is_live(req.now))
        .fold(0u64, |sum, g| sum.saturating_add(g.remaining));
    let answer = PurchaseResponse {
        purchase: Purchase {
            id,
            kind: change.kind,
            at: rfc3339(req.now),
            member: req.member.clone(),
            plan: change.plan,
            credits: change.credits,
            effective_at: rfc3339(change.effective_at),
        },
        balance,
    };
    let stored = stored_answer(&answer)?;
    let record = KeyRecord {
        table: "purchase_keys",
        seq_column: "purchase_seq",
        workspace_id: ws,
        member_id: member,
        key,
        fingerprint: &req.fingerprint,
        seq,
        answer: &stored,
        now: req.now,
    };
    remember(&tx, &record)?;
    events::append(&tx, ws, req.now)?;
    tx.commit()?;
    Ok(Outcome::Done(stored))
}

/// Applies `workspace_id`'s scheduled downgrade if it is due at `now`; `true` when it was.
pub fn settle(conn: &mut Connection, workspace_id: &str, now: i64) -> rusqlite::Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let Some(change) = load::workspace(&tx, workspace_id)?.and_then(|w| due_change(&w, now)) else {
        return Ok(false);
    };
    apply(&tx, workspace_id, &change, change.effective_at)?;
    events::append(&tx, workspace_id, now)?;
    tx.commit()?;
    Ok(true)
}

/// Writes the subscription fields, grants and pending change of `change`.
fn apply(
    tx: &Transaction<'_>,
    workspace_id: &str,
    change: &Change,
    updated_at: i64,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE workspaces SET plan = ?2, status = ?3, payment_method = ?4,
            cycle_started_at = ?5, cycle_resets_at = ?6, updated_at = ?7 WHERE id = ?1",
    )?
    .execute(params![
        workspace_id,
        change.new_plan.as_str(),
        change.status.as_str(),
        change.payment_method.as_str(),
        change.cycle.map(|c| c.started_at),
        change.cycle.map(|c| c.resets_at),
        updated_at
    ])?;
    if let Some((grant_id, granted, remaining)) = change.resize {
        tx.prepare_cached("UPDATE grants SET granted = ?2, remaining = ?3 WHERE id = ?1")?
            .execute(params![grant_id, to_sql(granted), to_sql(remaining)])?;
    }
    if let Some((kind, credits, expires_at)) = change.grant {
        tx.prepare_cached(
            "INSERT INTO grants (workspace_id, kind, granted, remaining, expires_at)
             VALUES (?1, ?2, ?3, ?3, ?4)",
        )?
        .execute(params![
            workspace_id,
            kind.as_str(),
            to_sql(credits),
            expires_at
        ])?;
    }
    match &change.pending {
        PendingWrite::Keep => {}
        PendingWrite::Clear => {
            tx.prepare_cached("DELETE FROM pending_plan_changes WHERE workspace_id = ?1")?
                .execute(params![workspace_id])?;
        }
        PendingWrite::Set(p) => {
            tx.prepare_cached(
                "INSERT INTO pending_plan_changes (workspace_id, plan, monthly_credits, effective_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (workspace_id) DO UPDATE SET plan = excluded.plan,
                    monthly_credits = excluded.monthly_credits, effective_at = excluded.effective_at",
            )?
            .execute(params![
                workspace_id,
                p.plan.as_str(),
                to_sql(p.monthly_credits),
                p.effective_at
            ])?;
        }
    }
    Ok(())
}

/// The workspace's scheduled downgrade, if any.
pub fn pending(conn: &Connection, workspace_id: &str) -> rusqlite::Result<Option<PendingChange>> {
    conn.prepare_cached(
        "SELECT plan, monthly_credits, effective_at FROM pending_plan_changes
         WHERE workspace_id = ?1",
    )?
    .query_row(params![workspace_id], |r| {
        Ok(PendingChange {
            plan: parse_enum(&r.get::<_, String>(0)?)?,
            monthly_credits: from_sql(r.get(1)?),
            effective_at: r.get(2)?,
        })
    })
    .optional()
}

/// The latest [`PURCHASES_SHOWN`] purchases, newest first.
pub fn purchases(conn: &Connection, workspace_id: &str) -> rusqlite::Result<Vec<PurchaseRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.kind, p.member_id, m.name, p.plan, p.credits, p.effective_at, p.at
         FROM purchases p JOIN members m ON m.id = p.member_id
         WHERE p.workspace_id = ?1 ORDER BY p.seq DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![workspace_id, PURCHASES_SHOWN], |r| {
        Ok(PurchaseRecord {
            id: r.get(0)?,
            kind: parse_enum(&r.get::<_, String>(1)?)?,
            member_id: r.get(2)?,
            member_name: r.get(3)?,
            plan: parse_enum(&r.get::<_, String>(4)?)?,
            credits: from_sql(r.get(5)?),
            effective_at: r.get(6)?,
            at: r.get(7)?,
        })
    })?;
    rows.collect()
}
