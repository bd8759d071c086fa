//! The API's routes, as mounted under `/api`.

pub mod plans;
pub mod quotes;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

/// The versioned API; `app()` mounts it at `/api`.
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/v1/plans", get(plans::list))
        .route("/v1/workspaces/{workspace}/quotes", post(quotes::create))
}
