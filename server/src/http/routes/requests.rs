//! Credit requests, `/v1/workspaces/{workspace}/requests`:
//! `POST` (a member asks: `{"credits": 500}` or `{"plan": "pro"}`, optional
//! `message`), `GET` (owners and admins: every request; a member: their own),
//! `POST .../requests/{id}/decline` (owners and admins, optional `note`).
//! The rules are `crate::domain::requests`'s, the transactions `db::requests`'s.
//! A top-up or plan change with `"request": "req_..."` grants one (`checkout`).
//!
//! The POSTs need an `Idempotency-Key`, kept 24 hours per workspace and
//! member: the same key and body answer the first answer again
//! (`Idempotent-Replayed: true`); another body is 409 `idempotency_conflict`.
//! Asking again for what the member's pending request of this cycle asks
//! answers that request with 200 instead of 201.
//!
//! Refusals: 401, 404, 400 `missing_idempotency_key` / `invalid_idempotency_key`,
//! 415, 413, 400 `invalid_json` / `invalid_request`, 422 `invalid_request` /
//! `invalid_setting` / `unknown_plan` (the field named), 403 `role_not_allowed`
//! (a member declining), 409 `idempotency_conflict`, 404 `not_found` (no such
//! request), 409 `request_answered`, 429 `too_many_requests` with `Retry-After`.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use credits_core::{
    CreditRequestsResponse, DeclineCreditRequest, MemberRef, NewCreditRequest, RequestStatus,
};

use super::checkout::keyed_body;
use super::generations::{answered_with, KEY_HEADER};
use crate::domain::clock;
use crate::domain::requests::{self, admins, may_answer, Invalid};
use crate::http::auth::Member;
use crate::http::problem::{json_bytes, ApiProblem};
use crate::persistence::db::requests::{Caller, Outcome};
use crate::persistence::store::MemberView;
use crate::state::AppState;

pub async fn create(
    s: State<AppState>,
    Member(view): Member,
    h: HeaderMap,
    body: Body,
) -> Response {
    let asked = async {
        let (key, request, canonical) = keyed_body::<NewCreditRequest>(&h, body).await?;
        let (ask, message) = requests::validate(&request).map_err(refused_field)?;
        let caller = caller(&view, key, format!("ask\n{canonical}"));
        let since = requests::cycle_start(&view.workspace);
        let store = s.store.clone();
        let message = message.clone();
        run(move || store.ask_credits(&caller, ask, message.as_deref(), since)).await
    };
    asked.await.unwrap_or_else(IntoResponse::into_response)
}

pub async fn decline(
    s: State<AppState>,
    Member(view): Member,
    Path((_, id)): Path<(String, String)>,
    h: HeaderMap,
    body: Body,
) -> Response {
    let declined = async {
        let (key, request, canonical) = keyed_body::<DeclineCreditRequest>(&h, body).await?;
        let note = requests::text(request.note.as_deref(), "note").map_err(refused_field)?;
        if !may_answer(view.member.role) {
            return Err(ApiProblem::new(
                StatusCode::FORBIDDEN,
                "role_not_allowed",
                "only the workspace's owners and admins can answer requests",
            ));
        }
        let caller = caller(&view, key, format!("decline\n{id}\n{canonical}"));
        let store = s.store.clone();
        run(move || store.decline_request(&caller, &id, note.as_deref())).await
    };
    declined.await.unwrap_or_else(IntoResponse::into_response)
}

pub async fn list(s: State<AppState>, Member(view): Member) -> Response {
    let w = &view.workspace;
    let only = (!may_answer(view.member.role)).then(|| view.member.id.clone());
    let (store, ws, admins) = (s.store.clone(), w.id.clone(), admins(w));
    let listed =
        tokio::task::spawn_blocking(move || store.credit_requests(&ws, only.as_deref(), &admins))
            .await
            .unwrap_or_else(|e| Err(e.to_string()));
    match listed {
        Ok((items, pending)) => {
            let body = CreditRequestsResponse { items, pending };
            json_bytes(
                StatusCode::OK,
                serde_json::to_vec(&body).unwrap_or_default(),
            )
        }
        Err(why) => storage_unavailable(&why).into_response(),
    }
}

/// The 409 for a request that was answered already.
pub fn answered(status: RequestStatus) -> ApiProblem {
    ApiProblem::new(
        StatusCode::CONFLICT,
        "request_answered",
        format!(
            "this request was {} already: nothing was done",
            status.as_str()
        ),
    )
    .with_field("request")
}

fn caller(view: &MemberView, key: String, body: String) -> Caller {
    Caller {
        workspace_id: view.workspace.id.clone(),
        member: MemberRef {
            id: view.member.id.clone(),
            name: view.member.name.clone(),
        },
        idempotency_key: key,
        fingerprint: format!("{}\n{body}", view.member.id),
        admins: admins(&view.workspace),
        now: clock::now(),
    }
}

fn refused_field(i: Invalid) -> ApiProblem {
    ApiProblem::new(StatusCode::UNPROCESSABLE_ENTITY, i.code, i.detail).with_field(i.field)
}

async fn run(
    work: impl FnOnce() -> Result<Outcome, String> + Send + 'static,
) -> Result<Response, ApiProblem> {
    let outcome = tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| Err(e.to_string()))
        .map_err(|why| storage_unavailable(&why))?;
    let conflict = |code: &str, detail: &str| ApiProblem::new(StatusCode::CONFLICT, code, detail);
    match outcome {
        Outcome::Answered(status, body) => Ok(answer(status, body, false)),
        Outcome::Replayed(status, body) => Ok(answer(status, body, true)),
        Outcome::KeyConflict => Err(conflict(
            "idempotency_conflict",
            "this Idempotency-Key was used with another request; use a new key",
        )
        .with_field(KEY_HEADER)),
        Outcome::NoRequest => Err(ApiProblem::not_found("no such request in this workspace")),
        Outcome::AlreadyAnswered(status) => Err(answered(status)),
        Outcome::Limited(wait) => {
            let mut response = ApiProblem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                format!(
                    "at most {} requests an hour: try again in {wait} seconds",
                    requests::RATE_LIMIT
                ),
            )
            .into_response();
            if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
            Ok(response)
        }
    }
}

fn answer(status: u16, body: String, replayed: bool) -> Response {
    answered_with(
        StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
        body,
        replayed,
    )
}

fn storage_unavailable(why: &str) -> ApiProblem {
    tracing::error!(%why, "a credit request failed in the database; nothing was written");
    ApiProblem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "storage_unavailable",
        "the request could not be written; nothing was done, try again",
    )
}
