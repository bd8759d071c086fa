//! The reference server's test hooks (`--test-hooks`), the cost badge's
//! settled state, and a spy on the page's `fetch`, for the client's browser tests.
#![allow(dead_code)]

use gloo_net::http::Request;
use leptos_credits::CreditsClient;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use std::time::Duration;

use super::{api_base, by_role, text, wait_for, Mounted};

/// The server's second, closable listener (`POST /api/_test/flaky`).
pub fn flaky_base() -> &'static str {
    match option_env!("CREDITS_TEST_FLAKY_API") {
        Some(url) => url,
        None => panic!(
            "CREDITS_TEST_FLAKY_API is not set: run the browser tests through `cargo xtask test`"
        ),
    }
}

/// One request as the server recorded it.
#[derive(Debug, Clone, Deserialize)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub items: Option<usize>,
}

#[derive(Deserialize)]
struct Requests {
    requests: Vec<Recorded>,
}

/// A test client the server knows by its `X-Test-Client` id: its requests are
/// counted, and may be delayed or failed on demand.
pub struct TestClient {
    pub id: String,
}

impl TestClient {
    /// A fresh id (random, so reruns and other tests never share counts).
    pub fn new(tag: &str) -> Self {
        let n = (js_sys::Math::random() * 1e12) as u64;
        TestClient {
            id: format!("{tag}-{n}"),
        }
    }

    /// A client for the live server as `token`, marked with this id.
    pub fn client(&self, token: &str) -> CreditsClient {
        CreditsClient::new(api_base())
            .with_token(token)
            .with_header("X-Test-Client", &self.id)
    }

    /// The same, through the flaky listener.
    pub fn flaky_client(&self, token: &str) -> CreditsClient {
        CreditsClient::new(flaky_base())
            .with_token(token)
            .with_header("X-Test-Client", &self.id)
    }

    /// The next requests of this client wait these many ms first, in order.
    pub async fn delay(&self, delays_ms: &[u64]) {
        let body = serde_json::json!({ "delays_ms": delays_ms });
        post(&format!("_test/clients/{}/delays", self.id), &body).await;
    }

    /// The next requests of this client answer these statuses, in order.
    pub async fn fail(&self, statuses: &[u16]) {
        let body = serde_json::json!({ "statuses": statuses });
        post(&format!("_test/clients/{}/fail", self.id), &body).await;
    }

    /// Waits until this client's live balance stream has been asked for, so
    /// failures set after it go to the requests a test is about and not to
    /// the stream's opening.
    pub async fn wait_for_stream(&self) {
        for _ in 0..100 {
            let asked = self.requests().await;
            if asked.iter().any(|r| r.path.ends_with("/events")) {
                return;
            }
            super::sleep(100).await;
        }
        panic!("the balance stream was not opened within 10 s");
    }

    /// What this client asked, oldest first.
    pub async fn requests(&self) -> Vec<Recorded> {
        let url = format!("{}/_test/clients/{}/requests", api_base(), self.id);
        let response = Request::get(&url)
            .send()
            .await
            .expect("the requests hook answers");
        assert_eq!(response.status(), 200, "GET {url}");
        let body = response.text().await.expect("the requests hook's body");
        serde_json::from_str::<Requests>(&body)
            .expect("the requests hook answers JSON")
            .requests
    }

    /// The quote requests this client made.
    pub async fn quote_requests(&self) -> Vec<Recorded> {
        self.requests()
            .await
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/quotes"))
            .collect()
    }

    /// The requests this client made whose path ends with `suffix`.
    pub async fn requests_to(&self, method: &str, suffix: &str) -> usize {
        self.requests()
            .await
            .iter()
            .filter(|r| r.method == method && r.path.ends_with(suffix))
            .count()
    }

    /// Forgets what this client asked (and its queues).
    pub async fn forget(&self) {
        let url = format!("{}/_test/clients/{}/requests", api_base(), self.id);
        let response = Request::delete(&url)
            .send()
            .await
            .expect("the hook answers");
        assert!(response.ok(), "DELETE {url}: {}", response.status());
    }
}

/// Closes (`false`) or reopens (`true`) the flaky listener.
pub async fn set_flaky(up: bool) {
    post("_test/flaky", &serde_json::json!({ "up": up })).await;
}

/// Reopens the flaky listener when dropped, so a failed test leaves it up.
pub struct FlakyDown;

impl FlakyDown {
    pub async fn new() -> Self {
        set_flaky(false).await;
        FlakyDown
    }
}

impl Drop for FlakyDown {
    fn drop(&mut self) {
        wasm_bindgen_futures::spawn_local(set_flaky(true));
    }
}

/// Puts `workspace` on `plan`, as a checkout would; use it on a fork
/// ([`fork_workspace`]), so other tests find the demo as seeded.
pub async fn set_plan(workspace: &str, plan: &str) {
    let path = format!("_test/workspaces/{workspace}/plan");
    post(&path, &serde_json::json!({ "plan": plan })).await;
}

#[derive(Deserialize)]
struct Forked {
    workspace: String,
}

/// A copy of `workspace` for one test to buy, spend or renew in (`ws-f<n>`),
/// so the others find the demo as seeded; the same tokens reach it.
pub async fn fork_workspace(workspace: &str) -> String {
    let url = format!("{}/_test/workspaces/{workspace}/fork", api_base());
    let response = Request::post(&url)
        .send()
        .await
        .expect("the fork hook answers");
    assert_eq!(response.status(), 201, "POST {url}");
    let body = response.text().await.expect("the fork's answer");
    let forked: Forked = serde_json::from_str(&body).expect("the fork's id");
    forked.workspace
}

async fn post(path: &str, body: &serde_json::Value) {
    let url = format!("{}/{path}", api_base());
    let response = Request::post(&url)
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .expect("a test hook request")
        .send()
        .await
        .expect("the test hook answers");
    assert!(response.ok(), "POST {url}: {}", response.status());
}

/// A cost badge's `data-state` and text once it leaves `loading`.
pub async fn badge_settled(m: &Mounted, within: Duration) -> (String, String) {
    wait_for("the badge to settle", within, || {
        let badge = by_role(&m.root, "status")?;
        let state = badge.get_attribute("data-state")?;
        (state != "loading").then(|| (state, text(&badge)))
    })
    .await
}

/// Wraps the page's `fetch` to record each answer's URL and status and,
/// optionally, to add a field no client knows to every JSON answer. The
/// original `fetch` comes back on drop.
pub struct FetchSpy {
    log: js_sys::Array,
    original: JsValue,
}

impl FetchSpy {
    pub fn install(add_unknown_field: bool) -> Self {
        let window = js_sys::global();
        let original = js_sys::Reflect::get(&window, &"fetch".into()).expect("fetch");
        let log = js_sys::Array::new();
        let make = js_sys::Function::new_with_args(
            "original, log, addField",
            r#"return async function (...args) {
                const r = await original.apply(globalThis, args);
                log.push([r.url, r.status]);
                const type = r.headers.get('content-type') || '';
                if (!addField || !type.includes('json') || r.status === 304) return r;
                const body = await r.json();
                body.field_from_the_future = { nested: [1, 'two', null], deep: { x: true } };
                return new Response(JSON.stringify(body), { status: r.status, headers: r.headers });
            };"#,
        );
        let spy = make
            .call3(&JsValue::NULL, &original, &log, &add_unknown_field.into())
            .expect("the spy is made");
        js_sys::Reflect::set(&window, &"fetch".into(), &spy).expect("fetch replaced");
        FetchSpy { log, original }
    }

    /// The statuses of the answers whose URL ends with `suffix`, oldest first.
    pub fn statuses(&self, suffix: &str) -> Vec<u16> {
        self.log
            .iter()
            .filter_map(|entry| {
                let entry: js_sys::Array = entry.dyn_into().ok()?;
                let url = entry.get(0).as_string()?;
                let status = entry.get(1).as_f64()? as u16;
                url.ends_with(suffix).then_some(status)
            })
            .collect()
    }
}

impl Drop for FetchSpy {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::set(&js_sys::global(), &"fetch".into(), &self.original);
    }
}
