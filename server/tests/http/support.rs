//! Starting a server for one test, and asserting problem answers.

use std::path::PathBuf;

use credits_server::{serve, AppState, Config};
use reqwest::header::CONTENT_TYPE;
use reqwest::{Response, StatusCode};
use serde_json::Value;

pub struct Server {
    /// e.g. `http://127.0.0.1:40123`
    pub origin: String,
    pub client: reqwest::Client,
    /// The server's own state, to look at what HTTP does not show (e.g. open streams).
    pub state: AppState,
}

impl Server {
    /// The demo server, as `--seed-demo` starts it.
    pub async fn demo() -> Server {
        Server::start(Config {
            seed_demo: true,
            ..Config::default()
        })
        .await
    }

    /// The demo server with the test hooks, and the origin of its flaky listener.
    pub async fn with_hooks() -> (Server, String) {
        let config = Config {
            seed_demo: true,
            test_hooks: true,
            ..Config::default()
        };
        let state = AppState::new(&config).expect("the server starts");
        let server = Server::serve(state.clone()).await;
        let hooks = state.hooks.clone().expect("hooks are on");
        let flaky = hooks.flaky.start(state).await.unwrap();
        (server, format!("http://{flaky}"))
    }

    /// A server on a free loopback port, living as long as the test's runtime.
    pub async fn start(config: Config) -> Server {
        Server::serve(AppState::new(&config).expect("the server starts")).await
    }

    async fn serve(state: AppState) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(serve(listener, state.clone(), std::future::pending()));
        Server {
            origin,
            client: reqwest::Client::new(),
            state,
        }
    }

    pub fn workspace_url(&self, workspace: &str, what: &str) -> String {
        self.api(&format!("/v1/workspaces/{workspace}/{what}"))
    }

    pub async fn balance(&self, workspace: &str, token: &str) -> Response {
        self.client
            .get(self.workspace_url(workspace, "balance"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    /// A successful balance's JSON.
    pub async fn balance_ok(&self, workspace: &str, token: &str) -> Value {
        let r = self.balance(workspace, token).await;
        assert_eq!(r.status(), StatusCode::OK);
        r.json().await.unwrap()
    }

    /// A generation with this idempotency key (none when `None`).
    pub async fn generate(
        &self,
        workspace: &str,
        token: &str,
        key: Option<&str>,
        body: &Value,
    ) -> Response {
        let mut req = self
            .client
            .post(self.workspace_url(workspace, "generations"))
            .bearer_auth(token)
            .json(body);
        if let Some(key) = key {
            req = req.header("idempotency-key", key);
        }
        req.send().await.unwrap()
    }

    /// `POST .../{what}` of a checkout stand-in (`top-ups`, `plan`, `renewal`,
    /// `payment-method`) under this idempotency key.
    pub async fn check_out(
        &self,
        workspace: &str,
        what: &str,
        token: &str,
        key: &str,
        body: &Value,
    ) -> Response {
        self.client
            .post(self.workspace_url(workspace, what))
            .bearer_auth(token)
            .header("idempotency-key", key)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// `GET path` (from the origin), with this `Accept-Encoding` (none when `None`).
    pub async fn get_encoded(&self, path: &str, accept_encoding: Option<&str>) -> Response {
        let mut req = self.client.get(format!("{}{path}", self.origin));
        if let Some(accept) = accept_encoding {
            req = req.header(reqwest::header::ACCEPT_ENCODING, accept);
        }
        req.send().await.unwrap()
    }

    /// `path` under the API's base URL, e.g. `api("/v1/plans")`.
    pub fn api(&self, path: &str) -> String {
        format!("{}/api{path}", self.origin)
    }

    pub fn quotes_url(&self, workspace: &str) -> String {
        self.api(&format!("/v1/workspaces/{workspace}/quotes"))
    }

    /// A quote request with a JSON body.
    pub async fn quote(&self, workspace: &str, token: &str, body: Value) -> Response {
        self.client
            .post(self.quotes_url(workspace))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// A successful quote's JSON.
    pub async fn quote_ok(&self, workspace: &str, token: &str, items: Value) -> Value {
        let r = self
            .quote(workspace, token, serde_json::json!({ "items": items }))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        r.json().await.unwrap()
    }
}

/// A path under the system's temp directory that no other test (or run) uses.
pub fn temp_path(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    std::env::temp_dir().join(format!("credits-{}-{nanos}-{name}", std::process::id()))
}

/// Asserts a 201 and returns its JSON.
pub async fn created(r: Response) -> Value {
    assert_eq!(r.status(), StatusCode::CREATED, "{}", r.url());
    r.json().await.unwrap()
}

/// Asserts a problem+json answer with this status, code and field; returns its body.
pub async fn assert_problem(r: Response, status: u16, code: &str, field: Option<&str>) -> Value {
    assert_eq!(r.status().as_u16(), status, "{}", r.url());
    let ct = r
        .headers()
        .get(CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(ct.as_deref(), Some("application/problem+json"));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["status"], status, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["field"].as_str(), field, "{body}");
    for key in ["type", "title", "detail"] {
        assert!(
            body[key].as_str().is_some_and(|s| !s.is_empty()),
            "{key}: {body}"
        );
    }
    body
}

/// `count` standard 1024 px images.
pub fn images(quality: &str, count: u32) -> Value {
    serde_json::json!({"action": "image.generate", "quality": quality, "count": count, "width": 1024, "height": 1024})
}
