//! What answers when no API route matches: the static files (`--static`, served by
//! [`crate::http::static_files`]) or a 404 problem, and the safety net that gives every bare
//! error answer a problem+json body.

use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::problem::ApiProblem;
use crate::http::static_files;
use crate::state::AppState;

/// Whether `path` belongs to the API, which never falls back to the static files.
pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Unknown API paths are 404 problems; other GET/HEAD paths go to the static files, if any.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    let readable = req.method() == Method::GET || req.method() == Method::HEAD;
    match &state.static_dir {
        Some(dir) if readable && !is_api_path(path) => static_files::serve(dir, req).await,
        Some(_) if !is_api_path(path) => ApiProblem::method_not_allowed().into_response(),
        _ => ApiProblem::not_found(format!("no route for {} {path}", req.method())).into_response(),
    }
}

/// Middleware: an error answer that left without a body (axum's bare 405, a missing file's
/// 404, ...) gets the problem+json body every non-2xx answer of the API has. Keeps its headers
/// (e.g. `Allow`).
pub async fn problem_for_bare_errors(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.headers().contains_key(header::CONTENT_TYPE)
    {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let problem = ApiProblem::for_status(status).into_response();
    let (problem_parts, body) = problem.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.extend(problem_parts.headers);
    Response::from_parts(parts, body)
}
