use serde_json::{json, Value};

use crate::support::{assert_problem, images, Server};

async fn usage(s: &Server, ws: &str, token: &str, query: &str) -> reqwest::Response {
    let url = format!("{}?{query}", s.workspace_url(ws, "usage"));
    s.client.get(url).bearer_auth(token).send().await.unwrap()
}

async fn usage_ok(s: &Server, ws: &str, token: &str, query: &str) -> Value {
    let r = usage(s, ws, token, query).await;
    assert_eq!(r.status(), 200, "{query}");
    r.json().await.unwrap()
}

#[tokio::test]
async fn the_pro_team_history_pages_newest_first_through_cursors() {
    let s = Server::demo().await;
    let mut query = "limit=10".to_owned();
    let mut items: Vec<Value> = Vec::new();
    let mut pages = 0;
    loop {
        let page = usage_ok(&s, "ws_pro_team", "tok_pro_member", &query).await;
        pages += 1;
        let got = page["items"].as_array().unwrap();
        assert!(got.len() <= 10);
        items.extend(got.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("limit=10&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!((pages, items.len()), (3, 26));
    let times: Vec<&str> = items.iter().map(|i| i["at"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let mut ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 26, "no item twice");
    let failed = items.iter().find(|i| i["status"] == "failed").unwrap();
    assert_eq!(
        (
            failed["member"].clone(),
            failed["action"].clone(),
            failed["credits"].clone()
        ),
        (
            json!({"id": "u_lea", "name": "Léa Martin"}),
            json!("video.generate"),
            json!(96)
        )
    );
    assert!(items.iter().any(|i| i["status"] == "refunded"));
    let all = usage_ok(&s, "ws_pro_team", "tok_pro_admin", "").await;
    assert_eq!(
        all["items"].as_array().unwrap().len(),
        26,
        "the default limit is 50"
    );
    assert_eq!(all["next_cursor"], Value::Null);
    let typed: credits_core::UsageResponse = serde_json::from_value(all).unwrap();
    assert_eq!(typed.items.len(), 26);
}

#[tokio::test]
async fn by_member_covers_the_current_cycle_and_follows_spends() {
    let s = Server::demo().await;
    let spend = |b: &Value| -> Vec<(String, u64)> {
        b["by_member"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["member"]["name"].as_str().unwrap().to_owned(),
                    m["credits"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let b = usage_ok(&s, "ws_pro_team", "tok_pro_admin", "limit=1").await;
    let expect = [
        ("Jonas Weber", 2460),
        ("Léa Martin", 1940),
        ("Ari", 300),
        ("Kim", 180),
    ];
    assert_eq!(spend(&b), expect.map(|(n, c)| (n.to_owned(), c)));
    let r = s
        .generate(
            "ws_pro_team",
            "tok_pro_member",
            Some("u1"),
            &images("standard", 4),
        )
        .await;
    let id = r.json::<Value>().await.unwrap()["id"].clone();
    let b = usage_ok(&s, "ws_pro_team", "tok_pro_admin", "limit=1").await;
    assert_eq!(b["items"][0]["id"], id, "the newest item is the new spend");
    assert_eq!(b["items"][0]["member"]["id"], "u_kim");
    assert_eq!(b["items"][0]["status"], "charged");
    assert_eq!(b["items"][0]["credits"], 16);
    assert_eq!(spend(&b)[3], ("Kim".to_owned(), 196));
    let trial = usage_ok(&s, "ws_trial", "tok_trial_owner", "").await;
    assert_eq!(
        trial,
        json!({"items": [], "next_cursor": null, "totals": {"count": 0, "credits": 0}, "by_member": [
            {"member": {"id": "u_maya", "name": "Maya Chen"}, "credits": 0}
        ]})
    );
}

#[tokio::test]
async fn bad_limits_and_cursors_are_refused() {
    let s = Server::demo().await;
    for q in [
        "limit=0",
        "limit=101",
        "limit=abc",
        "limit=-1",
        "limit=",
        "limit=1e3",
    ] {
        let r = usage(&s, "ws_pro_team", "tok_pro_admin", q).await;
        assert_problem(r, 422, "invalid_setting", Some("limit")).await;
    }
    let first = usage_ok(&s, "ws_pro_team", "tok_pro_admin", "limit=5").await;
    let good = first["next_cursor"].as_str().unwrap().to_owned();
    let mut forged = good.clone().into_bytes();
    forged[3] = if forged[3] == b'a' { b'b' } else { b'a' };
    let forged = String::from_utf8(forged).unwrap();
    for c in ["nope", "0000", forged.as_str(), "%00"] {
        let r = usage(&s, "ws_pro_team", "tok_pro_admin", &format!("cursor={c}")).await;
        assert_problem(r, 400, "invalid_cursor", Some("cursor")).await;
    }
    let next = usage_ok(
        &s,
        "ws_pro_team",
        "tok_pro_admin",
        &format!("cursor={good}&limit=100"),
    )
    .await;
    assert_eq!(next["items"].as_array().unwrap().len(), 21);
    let r = s
        .client
        .get(s.workspace_url("ws_pro_team", "usage"))
        .send()
        .await
        .unwrap();
    assert_problem(r, 401, "unauthorized", None).await;
    let r = usage(&s, "ws_pro_team", "tok_trial_owner", "").await;
    assert_problem(r, 404, "not_found", None).await;
}
