//! The `/api/_test/*` handlers; `routes::TEST_HOOK_ROUTES` mounts them only with `--test-hooks`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

use super::{valid_client_id, TestHooks};
use crate::http::json_body::read_json;
use crate::http::problem::{json_response, ApiProblem};
use crate::state::AppState;

/// Most entries one delays or fail request may queue.
const MAX_QUEUED: usize = 1000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Delays {
    delays_ms: Vec<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Failures {
    statuses: Vec<u16>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Flaky {
    up: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetPlan {
    plan: credits_core::PlanId,
}

pub async fn delays(
    state: State<AppState>,
    id: Path<String>,
    h: HeaderMap,
    body: Body,
) -> Response {
    answer(async {
        let (hooks, id) = client(&state, id)?;
        let d: Delays = read(&h, body).await?;
        queued(d.delays_ms.len(), "delays_ms")?;
        full(hooks.queue_delays(&id, &d.delays_ms))
    })
    .await
}

pub async fn fail(state: State<AppState>, id: Path<String>, h: HeaderMap, body: Body) -> Response {
    answer(async {
        let (hooks, id) = client(&state, id)?;
        let f: Failures = read(&h, body).await?;
        queued(f.statuses.len(), "statuses")?;
        if let Some(i) = f.statuses.iter().position(|s| !(400..=599).contains(s)) {
            let p = ApiProblem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_setting",
                "each status must be between 400 and 599",
            );
            return Err(p.with_field(format!("statuses[{i}]")));
        }
        full(hooks.queue_failures(&id, &f.statuses))
    })
    .await
}

pub async fn requests(state: State<AppState>, id: Path<String>) -> Response {
    match client(&state, id) {
        Ok((hooks, id)) => {
            let requests = hooks.requests(&id);
            json_response(&json!({"count": requests.len(), "requests": requests}))
        }
        Err(problem) => problem.into_response(),
    }
}

pub async fn forget(state: State<AppState>, id: Path<String>) -> Response {
    answer(async {
        let (hooks, id) = client(&state, id)?;
        hooks.forget(&id);
        Ok(())
    })
    .await
}

pub async fn flaky(State(state): State<AppState>, h: HeaderMap, body: Body) -> Response {
    answer(async {
        let f: Flaky = read(&h, body).await?;
        let hooks = state.hooks.clone().ok_or_else(not_found)?;
        let result = if f.up {
            hooks.flaky.up(state.clone()).await
        } else {
            hooks.flaky.down().await
        };
        result.map_err(|why| ApiProblem::new(StatusCode::CONFLICT, "flaky_unavailable", why))
    })
    .await
}

/// Puts the workspace on another plan, as a checkout would: 204, 404 for no such workspace.
pub async fn set_plan(
    State(state): State<AppState>,
    workspace: Path<String>,
    h: HeaderMap,
    body: Body,
) -> Response {
    answer(async {
        state.hooks.as_ref().ok_or_else(not_found)?;
        let p: SetPlan = read(&h, body).await?;
        if p.plan == credits_core::PlanId::Unknown {
            let why = "plan is one of free, basic, pro, enterprise";
            let problem = ApiProblem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_setting", why);
            return Err(problem.with_field("plan"));
        }
        match state.store.set_plan(&workspace, p.plan) {
            Ok(true) => Ok(()),
            Ok(false) => Err(not_found()),
            Err(why) => Err(ApiProblem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage_unavailable",
                why,
            )),
        }
    })
    .await
}

/// Panics, as a handler with a bug would: shows what the server answers then.
pub async fn panic() -> Response {
    panic!("POST /api/_test/panic asked for a panic")
}

/// 204 on success, the problem otherwise.
async fn answer(work: impl std::future::Future<Output = Result<(), ApiProblem>>) -> Response {
    match work.await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(problem) => problem.into_response(),
    }
}

fn client(
    state: &AppState,
    Path(id): Path<String>,
) -> Result<(Arc<TestHooks>, String), ApiProblem> {
    let hooks = state.hooks.clone().ok_or_else(not_found)?;
    if !valid_client_id(&id) {
        let p = ApiProblem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_setting",
            "a test client id is 1 to 64 of A-Z a-z 0-9 - _ .",
        );
        return Err(p.with_field("id"));
    }
    Ok((hooks, id))
}

async fn read<T: DeserializeOwned>(headers: &HeaderMap, body: Body) -> Result<T, ApiProblem> {
    let value = read_json(headers, body).await?;
    serde_json::from_value(value)
        .map_err(|e| ApiProblem::invalid_request(StatusCode::BAD_REQUEST, e.to_string()))
}

fn queued(len: usize, field: &str) -> Result<(), ApiProblem> {
    if len > MAX_QUEUED {
        let p = ApiProblem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_many_items",
            format!("queue at most {MAX_QUEUED} at a time"),
        );
        return Err(p.with_field(field));
    }
    Ok(())
}

fn full(stored: bool) -> Result<(), ApiProblem> {
    stored.then_some(()).ok_or_else(|| {
        ApiProblem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_clients",
            "too many test clients; DELETE some",
        )
    })
}

fn not_found() -> ApiProblem {
    ApiProblem::not_found("no such route")
}
