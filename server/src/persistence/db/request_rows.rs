//! Reading credit requests: one, the list, and whether one is still pending;
//! and marking one granted inside a checkout's transaction (`db::checkout`).

use credits_core::{BalanceMember, CreditRequest, MemberRef};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::requests::Outcome;
use super::{from_sql, parse_enum};
use crate::domain::clock::rfc3339;
use crate::domain::requests::LIST_LIMIT;

pub(super) const COLUMNS: &str =
    "r.seq, r.id, r.member_id, m.name, r.credits, r.plan, r.message, r.status,
    r.at, r.answered_by, a.name, r.answered_at, r.note, r.purchase_id";
pub(super) const FROM: &str = "FROM credit_requests r JOIN members m ON m.id = r.member_id
    LEFT JOIN members a ON a.id = r.answered_by";

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

pub(super) fn one(
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

pub(super) fn read(
    r: &Row<'_>,
    admins: &[BalanceMember],
) -> rusqlite::Result<(i64, CreditRequest)> {
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
