//! Applies the hooks to API requests that carry `X-Test-Client`.

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::{valid_client_id, Recorded, CLIENT_HEADER};
use crate::http::fallback::is_api_path;
use crate::http::json_body::BODY_LIMIT;
use crate::http::problem::ApiProblem;
use crate::state::AppState;

/// Middleware: records, delays or fails a test client's request as its queues say.
/// Without `--test-hooks` (no `state.hooks`) it only passes the request on.
pub async fn apply(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(hooks) = state.hooks.clone() else {
        return next.run(req).await;
    };
    let path = req.uri().path().to_owned();
    let hooked = is_api_path(&path) && !path.starts_with("/api/_test/");
    let client = req
        .headers()
        .get(CLIENT_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|id| valid_client_id(id))
        .map(str::to_owned);
    let Some(client) = client.filter(|_| hooked && req.method() != Method::OPTIONS) else {
        return next.run(req).await;
    };
    let (req, items) = if req.method() == Method::POST && path.ends_with("/quotes") {
        match count_items(req).await {
            Ok(counted) => counted,
            Err(too_large) => return too_large,
        }
    } else {
        (req, None)
    };
    let recorded = Recorded {
        method: req.method().to_string(),
        path,
        items,
    };
    let plan = hooks.on_request(&client, recorded);
    if plan.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(plan.delay_ms)).await;
    }
    match plan.fail_with {
        Some(status) => injected(status),
        None => next.run(req).await,
    }
}

/// Reads the body to count its `items`, and hands back a request with the same body.
async fn count_items(req: Request) -> Result<(Request, Option<usize>), Response> {
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| ApiProblem::payload_too_large(BODY_LIMIT).into_response())?;
    let items = serde_json::from_slice::<Value>(&bytes)
        .ok()
        .and_then(|v| v.get("items")?.as_array().map(Vec::len));
    Ok((Request::from_parts(parts, Body::from(bytes)), items))
}

/// The injected failure: a problem with `code` `test_injected`; 429 says `Retry-After: 1`.
fn injected(status: u16) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let mut response = ApiProblem::new(
        status,
        "test_injected",
        "this failure was queued by a test (POST /api/_test/clients/{id}/fail)",
    )
    .into_response();
    if status == StatusCode::TOO_MANY_REQUESTS {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}
