//! The API's routes, as mounted under `/api`.
//!
//! The router is built from [`API_ROUTES`] (and [`TEST_HOOK_ROUTES`] with
//! `--test-hooks`), so these tables are exactly what the server answers; a
//! test checks that `docs/openapi.yaml` documents each of them.

pub mod balance;
pub mod checkout;
pub mod events;
pub mod generations;
pub mod plans;
pub mod quotes;
pub mod usage;

use axum::routing::{delete, get, post, MethodRouter};
use axum::Router;

use crate::http::test_hooks::routes as hooks;
use crate::state::AppState;

/// One route: method, path under `/api`, and its handler.
#[derive(Clone, Copy)]
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    handler: fn() -> MethodRouter<AppState>,
}

const fn route(
    method: &'static str,
    path: &'static str,
    handler: fn() -> MethodRouter<AppState>,
) -> Route {
    Route {
        method,
        path,
        handler,
    }
}

/// Every API route.
pub const API_ROUTES: &[Route] = &[
    route("GET", "/v1/plans", || get(plans::list)),
    route("GET", "/v1/workspaces/{workspace}/balance", || {
        get(balance::get)
    }),
    route("GET", "/v1/workspaces/{workspace}/events", || {
        get(events::stream)
    }),
    route("POST", "/v1/workspaces/{workspace}/quotes", || {
        post(quotes::create)
    }),
    route("GET", "/v1/workspaces/{workspace}/usage", || {
        get(usage::list)
    }),
    route("POST", "/v1/workspaces/{workspace}/generations", || {
        post(generations::create)
    }),
    route("POST", "/v1/workspaces/{workspace}/top-ups", || {
        post(checkout::top_up)
    }),
    route("POST", "/v1/workspaces/{workspace}/plan", || {
        post(checkout::change_plan)
    }),
    route("POST", "/v1/workspaces/{workspace}/renewal", || {
        post(checkout::renew)
    }),
    route("POST", "/v1/workspaces/{workspace}/payment-method", || {
        post(checkout::fix_payment)
    }),
];

/// The browser tests' hooks, served only with `--test-hooks`.
pub const TEST_HOOK_ROUTES: &[Route] = &[
    route("POST", "/_test/clients/{id}/delays", || post(hooks::delays)),
    route("POST", "/_test/clients/{id}/fail", || post(hooks::fail)),
    route("GET", "/_test/clients/{id}/requests", || {
        get(hooks::requests)
    }),
    route("DELETE", "/_test/clients/{id}/requests", || {
        delete(hooks::forget)
    }),
    route("POST", "/_test/flaky", || post(hooks::flaky)),
    route("POST", "/_test/panic", || post(hooks::panic)),
    route("POST", "/_test/workspaces/{workspace}/plan", || {
        post(hooks::set_plan)
    }),
    route("POST", "/_test/workspaces/{workspace}/fork", || {
        post(crate::http::test_hooks::fork::fork)
    }),
];

/// (method, path) of each route of a table.
pub fn pairs(routes: &[Route]) -> Vec<(&'static str, &'static str)> {
    routes.iter().map(|r| (r.method, r.path)).collect()
}

/// The versioned API; `app()` mounts it at `/api`. `test_hooks` adds `/_test/*`.
/// Routes sharing a path are merged into one method router.
pub fn api(test_hooks: bool) -> Router<AppState> {
    let hook_routes = if test_hooks { TEST_HOOK_ROUTES } else { &[] };
    API_ROUTES
        .iter()
        .chain(hook_routes)
        .fold(Router::new(), |router, r| {
            router.route(r.path, (r.handler)())
        })
}
