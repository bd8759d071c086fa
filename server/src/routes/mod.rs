//! The API's routes, as mounted under `/api`.
//!
//! The router is built from [`API_ROUTES`] (and [`TEST_HOOK_ROUTES`] with
//! `--test-hooks`), so these tables are exactly what the server answers; a
//! test checks that `docs/openapi.yaml` documents each of them.

pub mod balance;
pub mod generations;
pub mod plans;
pub mod quotes;
pub mod usage;

use axum::routing::{delete, get, post, MethodRouter};
use axum::Router;

use crate::state::AppState;
use crate::test_hooks::routes as hooks;

/// (method, path under `/api`) of every API route.
pub const API_ROUTES: &[(&str, &str)] = &[
    ("GET", "/v1/plans"),
    ("GET", "/v1/workspaces/{workspace}/balance"),
    ("POST", "/v1/workspaces/{workspace}/quotes"),
    ("GET", "/v1/workspaces/{workspace}/usage"),
    ("POST", "/v1/workspaces/{workspace}/generations"),
];

/// The browser tests' hooks, served only with `--test-hooks`.
pub const TEST_HOOK_ROUTES: &[(&str, &str)] = &[
    ("POST", "/_test/clients/{id}/delays"),
    ("POST", "/_test/clients/{id}/fail"),
    ("GET", "/_test/clients/{id}/requests"),
    ("DELETE", "/_test/clients/{id}/requests"),
    ("POST", "/_test/flaky"),
    ("POST", "/_test/panic"),
    ("POST", "/_test/workspaces/{workspace}/plan"),
];

/// The handler of one route of the tables; `None` for a pair no handler serves.
pub fn handler(method: &str, path: &str) -> Option<MethodRouter<AppState>> {
    Some(match (method, path) {
        ("GET", "/v1/plans") => get(plans::list),
        ("GET", "/v1/workspaces/{workspace}/balance") => get(balance::get),
        ("POST", "/v1/workspaces/{workspace}/quotes") => post(quotes::create),
        ("GET", "/v1/workspaces/{workspace}/usage") => get(usage::list),
        ("POST", "/v1/workspaces/{workspace}/generations") => post(generations::create),
        ("POST", "/_test/clients/{id}/delays") => post(hooks::delays),
        ("POST", "/_test/clients/{id}/fail") => post(hooks::fail),
        ("GET", "/_test/clients/{id}/requests") => get(hooks::requests),
        ("DELETE", "/_test/clients/{id}/requests") => delete(hooks::forget),
        ("POST", "/_test/flaky") => post(hooks::flaky),
        ("POST", "/_test/panic") => post(hooks::panic),
        ("POST", "/_test/workspaces/{workspace}/plan") => post(hooks::set_plan),
        _ => return None,
    })
}

/// The versioned API; `app()` mounts it at `/api`. `test_hooks` adds `/_test/*`.
pub fn api(test_hooks: bool) -> Router<AppState> {
    let hook_routes = if test_hooks { TEST_HOOK_ROUTES } else { &[] };
    API_ROUTES
        .iter()
        .chain(hook_routes)
        .filter_map(|&(method, path)| Some((path, handler(method, path)?)))
        .fold(Router::new(), |router, (path, h)| router.route(path, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_of_the_tables_has_its_handler() {
        for &(method, path) in API_ROUTES.iter().chain(TEST_HOOK_ROUTES) {
            assert!(handler(method, path).is_some(), "{method} {path}");
        }
    }
}
