//! `GET /v1/workspaces/{workspace}/usage?limit=50&cursor=...&member=...&status=...`:
//! spend history, newest first, narrowed by member and status.
//!
//! `limit` is 1-100 (default 50), a bad `member` or `status` is 422
//! `invalid_setting` ([`usage_query`](super::usage_query)); `cursor` is the
//! previous page's `next_cursor` for the same filter, else 400
//! `invalid_cursor`. `totals` (the filter's) and `by_member` (everyone's)
//! cover the current cycle (the whole history for a workspace without one),
//! on every page; `by_member` lists every member, biggest first.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use credits_core::{MemberRef, MemberSpend, UsageItem, UsageResponse, UsageTotals};

use crate::domain::clock::rfc3339;
use crate::http::auth::Member;
use crate::http::cursor;
use crate::http::problem::{json_response, ApiProblem};
use crate::http::routes::usage_query;
use crate::persistence::store::MemberView;
use crate::state::AppState;

pub async fn list(
    State(state): State<AppState>,
    Member(view): Member,
    RawQuery(query): RawQuery,
) -> Response {
    match usage(&state, &view, query.as_deref().unwrap_or("")).await {
        Ok(answer) => json_response(&answer),
        Err(problem) => problem.into_response(),
    }
}

async fn usage(
    state: &AppState,
    view: &MemberView,
    query: &str,
) -> Result<UsageResponse, ApiProblem> {
    let asked = usage_query::parse(query, view)?;
    let since = view.workspace.cycle.map_or(i64::MIN, |c| c.started_at);
    let store = state.store.clone();
    let id = view.workspace.id.clone();
    let filter = asked.filter.clone();
    let read = tokio::task::spawn_blocking(move || {
        store.usage(&id, &filter, asked.after, asked.limit, since)
    })
    .await
    .unwrap_or_else(|e| Err(e.to_string()));
    let page = read.map_err(|why| {
        tracing::error!(%why, "reading the usage history failed");
        ApiProblem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "storage_unavailable",
            "the history could not be read; try again",
        )
    })?;
    let next_cursor = page
        .more
        .then(|| {
            page.rows
                .last()
                .map(|r| cursor::encode(r.position, &asked.filter.key()))
        })
        .flatten();
    Ok(UsageResponse {
        items: page
            .rows
            .into_iter()
            .map(|r| UsageItem {
                id: r.entry.id,
                at: rfc3339(r.entry.at),
                member: MemberRef {
                    id: r.entry.member_id,
                    name: r.member_name,
                },
                action: r.entry.action,
                credits: r.entry.credits,
                status: r.entry.status,
            })
            .collect(),
        next_cursor,
        totals: Some(UsageTotals {
            count: page.totals.count,
            credits: page.totals.credits,
        }),
        by_member: page
            .by_member
            .into_iter()
            .map(|m| MemberSpend {
                member: MemberRef {
                    id: m.id,
                    name: m.name,
                },
                credits: m.credits,
            })
            .collect(),
    })
}
