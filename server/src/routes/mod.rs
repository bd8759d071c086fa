//! The API's routes, as mounted under `/api`.

pub mod balance;
pub mod generations;
pub mod plans;
pub mod quotes;
pub mod usage;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;
use crate::test_hooks;

/// The versioned API; `app()` mounts it at `/api`. `test_hooks` adds `/_test/*`.
pub fn api(test_hooks: bool) -> Router<AppState> {
    let api = Router::new()
        .route("/v1/plans", get(plans::list))
        .route("/v1/workspaces/{workspace}/balance", get(balance::get))
        .route("/v1/workspaces/{workspace}/quotes", post(quotes::create))
        .route("/v1/workspaces/{workspace}/usage", get(usage::list))
        .route(
            "/v1/workspaces/{workspace}/generations",
            post(generations::create),
        );
    if test_hooks {
        api.merge(test_hooks::routes::routes())
    } else {
        api
    }
}
