//! Credit requests in SQLite: asking (idempotency key, the pending one, the
//! rate limit, the insert) and declining, each one `BEGIN IMMEDIATE`
//! transaction. Reading them, and what a checkout naming one runs in its own
//! transaction, are in `request_rows`.

use credits_core::{BalanceMember, CreditRequest, MemberRef, RequestStatus};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::keys::{earlier, new_id, remember, stored_answer, Earlier, KeyRecord};
use super::request_rows::{check_pending, one, read, COLUMNS, FROM};
use super::to_sql;
use crate::domain::requests::{retry_after, Ask, RATE_WINDOW};

pub use super::request_rows::{list, mark_granted};

/// Who acts, under which key, and to whom the answer names as admins.
#[derive(Debug, Clone)]
pub struct Caller {
    pub workspace_id: String,
    pub member: MemberRef,
    pub idempotency_key: String,
    /// The endpoint, member and body in canonical form.
    pub fingerprint: String,
    pub admins: Vec<BalanceMember>,
    pub now: i64,
}

/// What asking or declining decided. The answers are stored JSON, with their status.
#[derive(Debug)]
pub enum Outcome {
    /// (HTTP status, body): 201 a new request, 200 the pending one or a decline.
    Answered(u16, String),
    Replayed(u16, String),
    KeyConflict,
    /// Too many requests: retry after these seconds.
    Limited(i64),
    NoRequest,
    AlreadyAnswered(RequestStatus),
}

fn stored(status: u16, r: &CreditRequest) -> rusqlite::Result<String> {
    Ok(format!("{status}\n{}", stored_answer(r)?))
}

/// A stored answer's (status, body).
fn unpack(stored: &str) -> (u16, String) {
    match stored.split_once('\n') {
        Some((status, body)) => (status.parse().unwrap_or(200), body.to_owned()),
        None => (200, stored.to_owned()),
    }
}

fn replayed(tx: &Transaction<'_>, c: &Caller) -> rusqlite::Result<Option<Outcome>> {
    let (ws, member) = (&c.workspace_id, &c.member.id);
    let found = earlier(
        tx,
        "request_keys",
        ws,
        member,
        &c.idempotency_key,
        &c.fingerprint,
        c.now,
    )?;
    Ok(found.map(|e| match e {
        Earlier::Same(answer) => {
            let (status, body) = unpack(&answer);
            Outcome::Replayed(status, body)
        }
        Earlier::Other => Outcome::KeyConflict,
    }))
}

fn keep(tx: &Transaction<'_>, c: &Caller, seq: i64, answer: &str) -> rusqlite::Result<()> {
    remember(
        tx,
        &KeyRecord {
            table: "request_keys",
            seq_column: "request_seq",
            workspace_id: &c.workspace_id,
            member_id: &c.member.id,
            key: &c.idempotency_key,
            fingerprint: &c.fingerprint,
            seq,
            answer,
            now: c.now,
        },
    )
}

/// Asks for `ask` once per key: the member's pending request for the same
/// thing since `since` when there is one, else a new one unless rate-limited.
pub fn ask(
    conn: &mut Connection,
    c: &Caller,
    ask: Ask,
    message: Option<&str>,
    since: i64,
) -> rusqlite::Result<Outcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(done) = replayed(&tx, c)? {
        return Ok(done);
    }
    let (credits, plan) = match ask {
        Ask::Credits(n) => (Some(to_sql(n)), None),
        Ask::Plan(p) => (None, Some(p.as_str())),
    };
    let same: Option<(i64, CreditRequest)> = tx
        .prepare_cached(&format!(
            "SELECT {COLUMNS} {FROM} WHERE r.workspace_id = ?1 AND r.member_id = ?2
             AND r.status = 'pending' AND r.at >= ?3
             AND ((?4 IS NOT NULL AND r.credits IS NOT NULL) OR r.plan = ?5)
             ORDER BY r.seq DESC LIMIT 1"
        ))?
        .query_row(
            params![c.workspace_id, c.member.id, since, credits, plan],
            |r| read(r, &c.admins),
        )
        .optional()?;
    let (status, seq, request) =
        match same {
            Some((seq, request)) => (200, seq, request),
            None => {
                let recent: Vec<i64> = tx
                    .prepare_cached(
                        "SELECT at FROM credit_requests
                     WHERE workspace_id = ?1 AND member_id = ?2 AND at > ?3",
                    )?
                    .query_map(
                        params![
                            c.workspace_id,
                            c.member.id,
                            c.now.saturating_sub(RATE_WINDOW)
                        ],
                        |r| r.get(0),
                    )?
                    .collect::<rusqlite::Result<_>>()?;
                if let Some(wait) = retry_after(&recent, c.now) {
                    return Ok(Outcome::Limited(wait));
                }
                let id = new_id("req_")?;
                tx.prepare_cached(
                "INSERT INTO credit_requests (id, workspace_id, member_id, credits, plan, message,
                    status, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7)",
            )?
            .execute(params![id, c.workspace_id, c.member.id, credits, plan, message, c.now])?;
                let (seq, request) = one(&tx, &c.workspace_id, &id, &c.admins)?
                    .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
                (201, seq, request)
            }
        };
    let answer = stored(status, &request)?;
    keep(&tx, c, seq, &answer)?;
    tx.commit()?;
    let (status, body) = unpack(&answer);
    Ok(Outcome::Answered(status, body))
}

/// Declines the pending request `id` with `note`, once per key.
pub fn decline(
    conn: &mut Connection,
    c: &Caller,
    id: &str,
    note: Option<&str>,
) -> rusqlite::Result<Outcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(done) = replayed(&tx, c)? {
        return Ok(done);
    }
    if let Err(refused) = check_pending(&tx, &c.workspace_id, id)? {
        return Ok(refused);
    }
    tx.prepare_cached(
        "UPDATE credit_requests SET status = 'declined', answered_by = ?3, answered_at = ?4,
            note = ?5 WHERE workspace_id = ?1 AND id = ?2",
    )?
    .execute(params![c.workspace_id, id, c.member.id, c.now, note])?;
    let (seq, request) =
        one(&tx, &c.workspace_id, id, &c.admins)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    let answer = stored(200, &request)?;
    keep(&tx, c, seq, &answer)?;
    tx.commit()?;
    Ok(Outcome::Answered(200, unpack(&answer).1))
}
