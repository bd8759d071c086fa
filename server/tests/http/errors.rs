//! Every refusal of the quote endpoint and the router, as problem+json.

use serde_json::{json, Value};

use crate::support::{assert_problem, images, Server};

const WS: &str = "ws_pro_team";
const TOKEN: &str = "tok_pro_admin";

async fn raw(s: &Server, content_type: &str, body: impl Into<reqwest::Body>) -> reqwest::Response {
    s.client
        .post(s.quotes_url(WS))
        .bearer_auth(TOKEN)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_single_bad_item_answers_with_its_own_problem() {
    let s = Server::demo().await;
    for count in [
        json!(0),
        json!(10000),
        json!(-1),
        json!(1e30),
        json!(2.5),
        json!("4"),
    ] {
        let r = s
            .quote(WS, TOKEN, json!({"items": [images("standard", 1)]}))
            .await;
        assert_eq!(r.status(), 200);
        let mut item = images("standard", 1);
        item["count"] = count;
        let r = s.quote(WS, TOKEN, json!({"items": [item]})).await;
        assert_problem(r, 422, "invalid_setting", Some("items[0].count")).await;
    }
    let r = raw(&s, "application/json", r#"{"items":[{"action":"image.generate","quality":"standard","count":18446744073709551616,"width":1024,"height":1024}]}"#).await;
    assert_problem(r, 422, "invalid_setting", Some("items[0].count")).await;
    let body = s
        .quote(WS, TOKEN, json!({"items": [images("standard", 10000)]}))
        .await;
    let p = assert_problem(body, 422, "invalid_setting", Some("items[0].count")).await;
    assert_eq!(p["detail"], "count must be between 1 and 16, got 10000");
    let r = s
        .quote(WS, TOKEN, json!({"items": [{"action": "image.upscale"}]}))
        .await;
    assert_problem(r, 422, "unknown_action", Some("items[0].action")).await;
    let r = s
        .quote(WS, TOKEN, json!({"items": [{"quality": "high"}]}))
        .await;
    assert_problem(r, 422, "missing_setting", Some("items[0].action")).await;
    let r = s
        .quote(WS, TOKEN, json!({"items": [{"action": "edit.upscale"}]}))
        .await;
    assert_problem(r, 422, "missing_setting", Some("items[0].factor")).await;
}

#[tokio::test]
async fn when_every_item_is_bad_the_first_problem_answers() {
    let s = Server::demo().await;
    let items = json!([{"action": "edit.upscale", "factor": 3}, {"action": "nope"}]);
    let r = s.quote(WS, TOKEN, json!({ "items": items })).await;
    assert_problem(r, 422, "invalid_setting", Some("items[0].factor")).await;
}

#[tokio::test]
async fn the_body_must_be_json_of_the_right_shape() {
    let s = Server::demo().await;
    let r = raw(&s, "application/json", "{not json").await;
    assert_problem(r, 400, "invalid_json", None).await;
    let r = raw(&s, "application/json", "").await;
    assert_problem(r, 400, "invalid_json", None).await;
    let shapes: [(Value, Option<&str>); 5] = [
        (json!([images("draft", 1)]), None),
        (json!({}), Some("items")),
        (json!({"items": {"action": "asset.view"}}), Some("items")),
        (json!({"items": null}), Some("items")),
        (
            json!({"items": [{"action": "asset.view"}], "workspace": "ws_x"}),
            Some("workspace"),
        ),
    ];
    for (body, field) in shapes {
        let r = s.quote(WS, TOKEN, body).await;
        assert_problem(r, 400, "invalid_request", field).await;
    }
}

#[tokio::test]
async fn item_counts_outside_one_to_thirty_two_are_refused() {
    let s = Server::demo().await;
    let r = s.quote(WS, TOKEN, json!({"items": []})).await;
    assert_problem(r, 422, "invalid_request", Some("items")).await;
    let many: Vec<Value> = (0..33).map(|_| json!({"action": "asset.view"})).collect();
    let r = s.quote(WS, TOKEN, json!({ "items": many })).await;
    assert_problem(r, 422, "too_many_items", Some("items")).await;
}

#[tokio::test]
async fn media_type_and_size_are_checked() {
    let s = Server::demo().await;
    let body = json!({"items": [{"action": "asset.view"}]}).to_string();
    let r = raw(&s, "text/plain", body.clone()).await;
    assert_problem(r, 415, "unsupported_media_type", None).await;
    let r = s
        .client
        .post(s.quotes_url(WS))
        .bearer_auth(TOKEN)
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_problem(r, 415, "unsupported_media_type", None).await;
    let r = raw(&s, "application/json; charset=utf-8", body).await;
    assert_eq!(r.status(), 200);
    let padding = " ".repeat(64 * 1024);
    let big = format!(r#"{{"items": [{{"action": "asset.view"}}]{padding}}}"#);
    let r = raw(&s, "application/json", big).await;
    assert_problem(r, 413, "payload_too_large", None).await;
}

#[tokio::test]
async fn a_chunked_body_past_the_limit_is_refused_too() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let s = Server::demo().await;
    let addr = s.origin.trim_start_matches("http://");
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /api/v1/workspaces/{WS}/quotes HTTP/1.1\r\nhost: {addr}\r\n\
         authorization: Bearer {TOKEN}\r\ncontent-type: application/json\r\n\
         transfer-encoding: chunked\r\nconnection: close\r\n\r\n"
    );
    conn.write_all(head.as_bytes()).await.unwrap();
    let chunk = " ".repeat(16 * 1024);
    for _ in 0..5 {
        // The server may answer and close before it has read every chunk.
        let framed = format!("{:x}\r\n{chunk}\r\n", chunk.len());
        if conn.write_all(framed.as_bytes()).await.is_err() {
            break;
        }
    }
    let _ = conn.write_all(b"0\r\n\r\n").await;
    let mut answer = String::new();
    let _ = conn.read_to_string(&mut answer).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert!(
        answer.contains("\"code\":\"payload_too_large\""),
        "{answer}"
    );
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods() {
    let s = Server::demo().await;
    for path in [
        "/v1/nope",
        "/v2/plans",
        "",
        "/v1/workspaces/ws_trial/balance-typo",
    ] {
        let r = s.client.get(s.api(path)).send().await.unwrap();
        assert_problem(r, 404, "not_found", None).await;
    }
    let r = s
        .client
        .get(format!("{}/index.html", s.origin))
        .send()
        .await
        .unwrap();
    assert_problem(r, 404, "not_found", None).await;
    let r = s
        .client
        .get(s.quotes_url(WS))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["allow"], "POST");
    assert_problem(r, 405, "method_not_allowed", None).await;
    let r = s.client.delete(s.api("/v1/plans")).send().await.unwrap();
    assert_problem(r, 405, "method_not_allowed", None).await;
}
