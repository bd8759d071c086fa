//! `POST /api/_test/workspaces/{workspace}/fork`: a copy of a workspace for
//! one test to change (buy, spend, renew) without touching what others see.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::http::problem::{json_with_status, ApiProblem};
use crate::persistence::db::fork::ForkRefusal;
use crate::state::AppState;

/// 201 `{"workspace": "<workspace>-f<n>"}`; 404 when there is no such workspace
/// (or no test hooks).
pub async fn fork(State(state): State<AppState>, Path(workspace): Path<String>) -> Response {
    if state.hooks.is_none() {
        return ApiProblem::not_found("no such route").into_response();
    }
    match state.store.fork_workspace(&workspace) {
        Ok(id) => json_with_status(StatusCode::CREATED, &json!({ "workspace": id })),
        Err(ForkRefusal::NoWorkspace) => ApiProblem::not_found("no such workspace").into_response(),
        Err(ForkRefusal::TooMany) => ApiProblem::new(
            StatusCode::CONFLICT,
            "too_many_forks",
            "this workspace has been forked as often as it can be; restart the server",
        )
        .into_response(),
        Err(ForkRefusal::Storage(why)) => {
            ApiProblem::new(StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable", why)
                .into_response()
        }
    }
}
