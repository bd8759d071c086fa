//! Hooks for browser tests, active only with `--test-hooks` (never in the demo).
//!
//! A request carrying `X-Test-Client: <id>` is recorded under that id, and
//! may be delayed or answered with an injected failure queued for that id:
//!
//! - `POST /api/_test/clients/{id}/delays` `{"delays_ms": [1500, 0]}`: the
//!   next requests of `id` wait that long first (each capped at 10 s). 204.
//! - `POST /api/_test/clients/{id}/fail` `{"statuses": [503, 429]}`: the next
//!   requests of `id` answer those statuses (code `test_injected`) without
//!   doing the work. 204.
//! - `GET /api/_test/clients/{id}/requests`: what `id` asked, preflights left
//!   out; `DELETE` forgets it (and its queues).
//! - `POST /api/_test/flaky` `{"up": false|true}`: closes or reopens the
//!   second ("flaky") listener. 204.
//! - `POST /api/_test/workspaces/{workspace}/plan` `{"plan": "pro"}`: puts
//!   the workspace on that plan, as a checkout would. 204.
//! - `POST /api/_test/workspaces/{workspace}/fork`: copies the workspace (its
//!   members, so the same tokens work, grants, history, purchases and pending
//!   plan change) to `<workspace>-f<n>`. 201 `{"workspace": "<new id>"}`.
//! - `POST /api/_test/panic`: the handler panics; the answer is the server's
//!   answer to any panicking handler (503 `internal_error`).

pub mod flaky;
pub mod fork;
pub mod middleware;
pub mod routes;

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::Serialize;

/// The header that names a test client.
pub const CLIENT_HEADER: &str = "x-test-client";
/// Longest delay one request may be given.
pub const MAX_DELAY_MS: u64 = 10_000;
/// Most test clients remembered, and most requests remembered per client.
const MAX_CLIENTS: usize = 10_000;
const MAX_REQUESTS: usize = 10_000;

/// One request as a test client made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// The number of quote items in the body; `None` for other requests.
    pub items: Option<usize>,
}

#[derive(Debug, Default)]
struct Client {
    delays_ms: VecDeque<u64>,
    statuses: VecDeque<u16>,
    requests: Vec<Recorded>,
}

/// What the hooks remember, per test client, plus the flaky listener.
#[derive(Debug, Default)]
pub struct TestHooks {
    clients: Mutex<HashMap<String, Client>>,
    pub flaky: flaky::Flaky,
}

/// What to do with one request of a test client, taken from its queues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Plan {
    pub delay_ms: u64,
    pub fail_with: Option<u16>,
}

impl TestHooks {
    /// Records a request of `client` and takes the next delay and failure queued for it.
    pub fn on_request(&self, client: &str, request: Recorded) -> Plan {
        self.with_client(client, |c| {
            if c.requests.len() < MAX_REQUESTS {
                c.requests.push(request);
            }
            Plan {
                delay_ms: c.delays_ms.pop_front().unwrap_or(0),
                fail_with: c.statuses.pop_front(),
            }
        })
        .unwrap_or_default()
    }

    pub fn queue_delays(&self, client: &str, delays_ms: &[u64]) -> bool {
        let capped = delays_ms.iter().map(|&d| d.min(MAX_DELAY_MS));
        self.with_client(client, |c| c.delays_ms.extend(capped))
            .is_some()
    }

    pub fn queue_failures(&self, client: &str, statuses: &[u16]) -> bool {
        self.with_client(client, |c| c.statuses.extend(statuses))
            .is_some()
    }

    pub fn requests(&self, client: &str) -> Vec<Recorded> {
        self.lock()
            .get(client)
            .map(|c| c.requests.clone())
            .unwrap_or_default()
    }

    pub fn forget(&self, client: &str) {
        self.lock().remove(client);
    }

    /// `None` when too many clients are remembered already.
    fn with_client<T>(&self, client: &str, f: impl FnOnce(&mut Client) -> T) -> Option<T> {
        let mut clients = self.lock();
        if !clients.contains_key(client) && clients.len() >= MAX_CLIENTS {
            return None;
        }
        Some(f(clients.entry(client.to_owned()).or_default()))
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Client>> {
        self.clients.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A client id: 1 to 64 of `A-Z a-z 0-9 - _ .`.
pub fn valid_client_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str) -> Recorded {
        Recorded {
            method: "GET".into(),
            path: path.into(),
            items: None,
        }
    }

    #[test]
    fn delays_are_capped_and_queues_are_per_client() {
        let hooks = TestHooks::default();
        assert!(hooks.queue_delays("a", &[60_000, 5]));
        assert!(hooks.queue_failures("a", &[503]));
        let first = hooks.on_request("a", get("/api/v1/plans"));
        assert_eq!(
            first,
            Plan {
                delay_ms: MAX_DELAY_MS,
                fail_with: Some(503)
            }
        );
        assert_eq!(hooks.on_request("b", get("/x")), Plan::default());
        assert_eq!(hooks.on_request("a", get("/y")).delay_ms, 5);
        assert_eq!(hooks.on_request("a", get("/z")), Plan::default());
        assert_eq!(hooks.requests("a").len(), 3);
        hooks.forget("a");
        assert!(hooks.requests("a").is_empty());
    }

    #[test]
    fn client_ids_are_short_and_plain() {
        assert!(valid_client_id("estimator-retry_1.x"));
        for bad in ["", "has space", "é", &"x".repeat(65)] {
            assert!(!valid_client_id(bad), "{bad}");
        }
    }
}
