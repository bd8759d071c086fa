//! Whatever a client sends, the answer is a 4xx problem+json, never a 5xx or a dropped connection.

use reqwest::header::{HeaderValue, CONTENT_TYPE};

use crate::support::Server;

const BODIES: &[&str] = &[
    "",
    "{",
    "null",
    "[]",
    "123",
    "\"text\"",
    "{\"action\": 5}",
    "{\"action\": null}",
    "{\"items\": [{\"action\": \"image.generate\", \"count\": \"x\"}]}",
    "{\"action\": \"image.generate\", \"quality\": \"ultra\", \"count\": 1, \"width\": 1024, \"height\": 1024}",
    "{\"action\": \"image.generate\", \"quality\": \"high\", \"count\": 1e400, \"width\": 1024, \"height\": 1024}",
    "{\"action\": \"model.train\", \"images\": 4, \"steps\": 99}",
    "{\"action\": \"edit.upscale\", \"factor\": 2, \"factor\": 4}",
    "{\"items\": {\"a\": 1}}",
    "{\"action\": \"asset.view\", \"nested\": {\"deep\": [1, 2, {\"x\": null}]}}",
];

async fn assert_refused(r: reqwest::Response, what: &str) {
    let status = r.status();
    assert!(status.is_client_error(), "{what}: {status}");
    let ct = r.headers().get(CONTENT_TYPE).cloned();
    assert_eq!(
        ct,
        Some(HeaderValue::from_static("application/problem+json")),
        "{what}"
    );
    let body: serde_json::Value = r.json().await.unwrap();
    assert!(
        body["code"].as_str().is_some_and(|c| !c.is_empty()),
        "{what}: {body}"
    );
}

#[tokio::test]
async fn bad_bodies_are_4xx_problems_on_every_post() {
    let s = Server::demo().await;
    let deep = "[".repeat(100_000);
    let huge = format!(
        "{{\"action\": \"asset.view\", \"pad\": \"{}\"}}",
        "x".repeat(70_000)
    );
    let invalid_utf8: &[u8] = b"{\"action\": \"\xff\xfe\"}";
    for what in ["quotes", "generations"] {
        let url = s.workspace_url("ws_pro_team", what);
        let bodies = BODIES.iter().map(|b| b.as_bytes().to_vec());
        let extra = [
            deep.clone().into_bytes(),
            huge.clone().into_bytes(),
            invalid_utf8.to_vec(),
        ];
        for (i, body) in bodies.chain(extra).enumerate() {
            let shown = String::from_utf8_lossy(&body)
                .chars()
                .take(60)
                .collect::<String>();
            let r = s
                .client
                .post(&url)
                .bearer_auth("tok_pro_admin")
                .header("idempotency-key", format!("fuzz-{i}"))
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            assert_refused(r, &format!("{what} {shown}")).await;
        }
    }
}

#[tokio::test]
async fn odd_paths_queries_and_headers_are_4xx_problems() {
    let s = Server::demo().await;
    let long = "w".repeat(10_000);
    for path in [
        "/v1/workspaces/%00/balance".to_owned(),
        "/v1/workspaces/%ZZ/usage".to_owned(),
        format!("/v1/workspaces/{long}/balance"),
        "/v1/workspaces/%00/events".to_owned(),
        format!("/v1/workspaces/{long}/events"),
        "/v1/workspaces/ws_pro_team/usage?limit=99999999999999999999".to_owned(),
        "/v1/workspaces/ws_pro_team/usage?cursor=%ZZ".to_owned(),
        "/v1/workspaces/ws_pro_team/usage?limit=1&limit=500".to_owned(),
        "/v1/workspaces/ws_pro_team/usage?cursor=00000000000000000000000000000000000z".to_owned(),
    ] {
        let r = s
            .client
            .get(s.api(&path))
            .bearer_auth("tok_pro_admin")
            .send()
            .await
            .unwrap();
        assert_refused(r, &path[..path.len().min(80)]).await;
    }
    let r = s
        .client
        .get(s.workspace_url("ws_pro_team", "balance"))
        .header(
            "authorization",
            HeaderValue::from_bytes(b"Bearer tok_\xe9").unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_refused(r, "a non-ASCII token").await;
    let r = s
        .client
        .post(s.workspace_url("ws_pro_team", "generations"))
        .bearer_auth("tok_pro_admin")
        .header(
            "idempotency-key",
            HeaderValue::from_bytes(b"k\xe9y").unwrap(),
        )
        .json(&serde_json::json!({"action": "asset.view"}))
        .send()
        .await
        .unwrap();
    assert_refused(r, "a non-ASCII idempotency key").await;
}
