//! `GET /v1/workspaces/{workspace}/usage?limit=50&cursor=...`: spend history, newest first.
//!
//! `limit` is 1-100 (default 50), else 422 `invalid_setting`; `cursor` is the
//! previous page's `next_cursor`, else 400 `invalid_cursor`. Other query
//! parameters are ignored. `by_member` covers the current cycle (the whole
//! history for a workspace without one), every member listed, biggest first.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use credits_core::usage::{DEFAULT_USAGE_LIMIT, MAX_USAGE_LIMIT};
use credits_core::{MemberRef, MemberSpend, UsageItem, UsageResponse};

use crate::domain::clock::rfc3339;
use crate::http::auth::Member;
use crate::http::cursor;
use crate::http::problem::{json_response, ApiProblem};
use crate::persistence::db::usage::After;
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
    let (limit, after) = page_request(query)?;
    let since = view.workspace.cycle.map_or(i64::MIN, |c| c.started_at);
    let store = state.store.clone();
    let id = view.workspace.id.clone();
    let read = tokio::task::spawn_blocking(move || store.usage(&id, after, limit, since))
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
        .then(|| page.rows.last().map(|r| cursor::encode(r.position)))
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

/// `limit` and `cursor` from the query string.
pub fn page_request(query: &str) -> Result<(u32, Option<After>), ApiProblem> {
    let mut limit = DEFAULT_USAGE_LIMIT;
    let mut after = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match name {
            "limit" => {
                limit = value
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=MAX_USAGE_LIMIT).contains(n))
                    .ok_or_else(|| {
                        let shown: String = value.chars().take(20).collect();
                        ApiProblem::new(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            "invalid_setting",
                            format!("limit must be between 1 and {MAX_USAGE_LIMIT}, got {shown:?}"),
                        )
                        .with_field("limit")
                    })?;
            }
            "cursor" if value.is_empty() => after = None,
            "cursor" => {
                after = Some(cursor::decode(value).ok_or_else(|| {
                    ApiProblem::new(
                        StatusCode::BAD_REQUEST,
                        "invalid_cursor",
                        "cursor must be a next_cursor this API returned",
                    )
                    .with_field("cursor")
                })?);
            }
            _ => {}
        }
    }
    Ok((limit, after))
}
