//! Credit requests in SQLite: asking (idempotency key, the pending one, the
//! rate limit, the insert) and declining, each one `BEGIN IMMEDIATE`
//! transaction; the list; and the check and mark a checkout naming a request
//! runs inside its own transaction (`db::checkout`).

use credits_core::{BalanceMember, CreditRequest, MemberRef, RequestStatus};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};

use super::keys::{earlier, new_id, remember, stored_answer, Earlier, KeyRecord};
use super::{from_sql, parse_enum, to_sql};
use crate::domain::clock::rfc3339;
use crate::domain::requests::{retry_after, Ask, LIST_LIMIT, RATE_WINDOW};

const COLUMNS: &str = "r.seq, r.id, r.member_id, m.name, r.credits, r.plan, r.message, r.status,
    r.at, r.answered_by, a.name, r.answered_at, r.note, r.purchase_id";
const FROM: &str = "FROM credit_requests r JOIN members m ON m.id = r.member_id
    LEFT JOIN members a ON a.id = r.answered_by";

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

/// `Ok(Ok(()))` when `id` is a pending request of the workspace, else why not.
pub fn check_pending(
    conn: &Connection,
    workspace_id: &str,
    id: &str,
) -> rusqlite::Result<Result<(), Outcome>> {
    let status: Option<String> = conn
        .prepare_cached("SELECT status FROM credit_requests WHERE workspace_id = ?1 AND id = ?2")?
        .query_row(params![workspace_id, id], |r| r.get(0))
        .optional()?;
    Ok(match status {
        None => Err(Outcome::NoRequest),
        Some(s) if s == "pending" => Ok(()),
        Some(s) => Err(Outcome::AlreadyAnswered(parse_enum(&s)?)),
    })
}

/// Marks the pending request `id` granted by `purchase_id` (in the checkout's transaction).
pub fn mark_granted(
    tx: &Transaction<'_>,
    workspace_id: &str,
    id: &str,
    by: &str,
    purchase_id: &str,
    now: i64,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE credit_requests SET status = 'granted', answered_by = ?3, answered_at = ?4,
            purchase_id = ?5 WHERE workspace_id = ?1 AND id = ?2 AND status = 'pending'",
    )?
    .execute(params![workspace_id, id, by, now, purchase_id])?;
    Ok(())
}

/// The newest [`LIST_LIMIT`] requests, pending first (only `member_id`'s when
/// given), and how many of those asked about are pending.
pub fn list(
    conn: &Connection,
    workspace_id: &str,
    member_id: Option<&str>,
    admins: &[BalanceMember],
) -> rusqlite::Result<(Vec<CreditRequest>, u64)> {
    let items = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} {FROM} WHERE r.workspace_id = ?1 AND (?2 IS NULL OR r.member_id = ?2)
             ORDER BY (r.status = 'pending') DESC, r.seq DESC LIMIT ?3"
        ))?
        .query_map(params![workspace_id, member_id, LIST_LIMIT], |r| {
            read(r, admins)
        })?
        .map(|r| r.map(|(_, request)| request))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let pending: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM credit_requests WHERE workspace_id = ?1
             AND (?2 IS NULL OR member_id = ?2) AND status = 'pending'",
        )?
        .query_row(params![workspace_id, member_id], |r| r.get(0))?;
    Ok((items, from_sql(pending)))
}

fn one(
    conn: &Connection,
    workspace_id: &str,
    id: &str,
    admins: &[BalanceMember],
) -> rusqlite::Result<Option<(i64, CreditRequest)>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE r.workspace_id = ?1 AND r.id = ?2"
    ))?
    .query_row(params![workspace_id, id], |r| read(r, admins))
    .optional()
}

fn read(r: &Row<'_>, admins: &[BalanceMember]) -> rusqlite::Result<(i64, CreditRequest)> {
    let answered_by: Option<String> = r.get(9)?;
    let answered_name: Option<String> = r.get(10)?;
    let plan: Option<String> = r.get(5)?;
    let request = CreditRequest {
        id: r.get(1)?,
        member: MemberRef {
            id: r.get(2)?,
            name: r.get(3)?,
        },
        credits: r.get::<_, Option<i64>>(4)?.map(from_sql),
        plan: plan.as_deref().map(parse_enum).transpose()?,
        message: r.get(6)?,
        status: parse_enum(&r.get::<_, String>(7)?)?,
        at: rfc3339(r.get(8)?),
        admins: admins.to_vec(),
        answered_by: answered_by.map(|id| MemberRef {
            id,
            name: answered_name.unwrap_or_default(),
        }),
        answered_at: r.get::<_, Option<i64>>(11)?.map(rfc3339),
        note: r.get(12)?,
        purchase: r.get(13)?,
    };
    Ok((r.get(0)?, request))
}
