//! `GET /v1/workspaces/{workspace}/balance`: the workspace's credits as the member sees them.
//!
//! Answers with a strong `ETag` (a hash of the body); `If-None-Match` with
//! that tag answers 304 without a body. `as_of` is when the figures last
//! changed, so the tag stays the same until they do.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use credits_core::{
    BalanceMember, BalanceResponse, CycleView, GrantView, MemberRef, PendingPlanChange, Purchase,
    Role, WorkspaceRef,
};

use crate::domain::clock::{self, rfc3339};
use crate::domain::hash::fnv1a;
use crate::http::auth::Member;
use crate::http::problem::{json_bytes, json_response};
use crate::persistence::store::MemberView;

pub async fn get(Member(view): Member, headers: HeaderMap) -> Response {
    let answer = balance(&view, clock::now());
    let Ok(body) = serde_json::to_vec(&answer) else {
        return json_response(&answer);
    };
    let etag = etag_of(&body);
    let mut response = if if_none_match(&headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        json_bytes(StatusCode::OK, body)
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The wire form of the workspace as `view` sees it at `now`: the first
/// contract's fields, plus the checkout's `pending_plan_change` and
/// `purchases` (each omitted when there is none).
pub fn balance(view: &MemberView, now: i64) -> BalanceResponse {
    let w = &view.workspace;
    BalanceResponse {
        pending_plan_change: w.pending_change.as_ref().map(|p| PendingPlanChange {
            plan: p.plan,
            effective_at: rfc3339(p.effective_at),
        }),
        purchases: w
            .purchases
            .iter()
            .map(|p| Purchase {
                id: p.id.clone(),
                kind: p.kind,
                at: rfc3339(p.at),
                member: MemberRef {
                    id: p.member_id.clone(),
                    name: p.member_name.clone(),
                },
                plan: p.plan,
                credits: p.credits,
                effective_at: rfc3339(p.effective_at),
            })
            .collect(),
        ..base(view, now)
    }
}

fn base(view: &MemberView, now: i64) -> BalanceResponse {
    let w = &view.workspace;
    BalanceResponse {
        workspace: WorkspaceRef {
            id: w.id.clone(),
            name: w.name.clone(),
        },
        member: BalanceMember {
            id: view.member.id.clone(),
            name: view.member.name.clone(),
            role: view.member.role,
        },
        plan: w.plan,
        status: w.status,
        balance: w.balance(now),
        grants: w
            .grants
            .iter()
            .map(|g| GrantView {
                kind: g.kind,
                granted: g.granted,
                remaining: g.remaining,
                expires_at: g.expires_at.map(rfc3339),
            })
            .collect(),
        cycle: w.cycle.map(|c| CycleView {
            started_at: rfc3339(c.started_at),
            resets_at: rfc3339(c.resets_at),
        }),
        shared_pool: w.shared_pool,
        payment_method: w.payment_method,
        low_balance_threshold: w.low_balance_threshold,
        as_of: rfc3339(w.changed_at(now)),
        admins: w
            .members
            .iter()
            .filter(|m| m.role == Role::Owner)
            .chain(w.members.iter().filter(|m| m.role == Role::Admin))
            .map(|m| BalanceMember {
                id: m.id.clone(),
                name: m.name.clone(),
                role: m.role,
            })
            .collect(),
        pending_plan_change: None,
        purchases: Vec::new(),
    }
}

/// A strong entity tag: the body's 64-bit FNV-1a hash, quoted.
pub fn etag_of(body: &[u8]) -> String {
    format!("\"{:016x}\"", fnv1a(body))
}

/// Whether `If-None-Match` names `etag` (or is `*`); weak comparison, as RFC 9110 asks.
fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim())
        .any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_quoted_and_follow_the_body() {
        let a = etag_of(b"{\"balance\":120}");
        assert!(a.starts_with('"') && a.ends_with('"') && a.len() == 18);
        assert_ne!(a, etag_of(b"{\"balance\":119}"));
        assert_eq!(a, etag_of(b"{\"balance\":120}"));
    }

    #[test]
    fn if_none_match_takes_lists_weak_tags_and_star() {
        let tag = "\"abc\"";
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::IF_NONE_MATCH, HeaderValue::from_str(v).unwrap());
            h
        };
        assert!(if_none_match(&with("\"abc\""), tag));
        assert!(if_none_match(&with("\"x\", W/\"abc\""), tag));
        assert!(if_none_match(&with("*"), tag));
        assert!(!if_none_match(&with("\"abd\""), tag));
        assert!(!if_none_match(&HeaderMap::new(), tag));
    }
}
