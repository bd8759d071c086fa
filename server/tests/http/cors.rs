use crate::support::Server;

async fn preflight(s: &Server, origin: &str) -> reqwest::Response {
    s.client
        .request(reqwest::Method::OPTIONS, s.quotes_url("ws_pro_team"))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,content-type,idempotency-key,x-test-client,last-event-id",
        )
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_page_on_another_loopback_port_may_call_the_api() {
    let s = Server::demo().await;
    for origin in [
        "http://127.0.0.1:12345",
        "http://localhost:8081",
        "http://[::1]:9000",
    ] {
        let r = preflight(&s, origin).await;
        assert!(r.status().is_success(), "{origin}: {}", r.status());
        let h = r.headers();
        assert_eq!(h["access-control-allow-origin"], origin);
        let methods = h["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .to_lowercase();
        assert!(
            methods.contains("post") && methods.contains("get"),
            "{methods}"
        );
        let allowed = h["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .to_lowercase();
        for name in [
            "authorization",
            "content-type",
            "idempotency-key",
            "x-test-client",
            "last-event-id",
        ] {
            assert!(allowed.contains(name), "{allowed}");
        }
    }
    let r = s
        .client
        .get(s.api("/v1/plans"))
        .header("origin", "http://127.0.0.1:12345")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "http://127.0.0.1:12345"
    );
    let exposed = r.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(
        exposed.contains("etag") && exposed.contains("retry-after"),
        "{exposed}"
    );
}

#[tokio::test]
async fn other_origins_get_no_cors_headers() {
    let s = Server::demo().await;
    for origin in [
        "http://evil.example",
        "http://localhost.evil.example",
        "null",
    ] {
        let r = preflight(&s, origin).await;
        assert!(
            r.headers().get("access-control-allow-origin").is_none(),
            "{origin}"
        );
    }
    let r = s
        .client
        .get(s.api("/v1/plans"))
        .header("origin", "http://evil.example")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn problems_carry_cors_headers_too() {
    let s = Server::demo().await;
    let r = s
        .client
        .post(s.quotes_url("ws_pro_team"))
        .header("origin", "http://127.0.0.1:12345")
        .json(&serde_json::json!({"items": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "http://127.0.0.1:12345"
    );
}

#[tokio::test]
async fn the_balance_stream_may_be_read_from_another_loopback_port() {
    let s = Server::demo().await;
    let r = s
        .client
        .get(s.workspace_url("ws_pro_team", "events"))
        .bearer_auth("tok_pro_member")
        .header("origin", "http://127.0.0.1:12345")
        .header("last-event-id", "0")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/event-stream");
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "http://127.0.0.1:12345"
    );
}
