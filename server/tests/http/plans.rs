use serde_json::Value;

use crate::support::Server;

#[tokio::test]
async fn plans_are_listed_cheapest_first_with_their_shape() {
    let s = Server::start(Default::default()).await;
    let r = s.client.get(s.api("/v1/plans")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/json");
    let body: Value = r.json().await.unwrap();
    let plans = body["plans"].as_array().unwrap();
    let ids: Vec<&str> = plans.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["free", "basic", "pro", "enterprise"]);
    let credits: Vec<u64> = plans
        .iter()
        .map(|p| p["monthly_credits"].as_u64().unwrap())
        .collect();
    assert_eq!(credits, [0, 1000, 5000, 50000]);
    assert_eq!(
        plans[1]["price"],
        serde_json::json!({"amount_minor": 1200, "currency": "USD", "interval": "month"})
    );
    assert_eq!(plans[2]["price"]["amount_minor"], 3900);
    assert_eq!(plans[3]["price"], Value::Null);
    assert_eq!(plans[3]["seats"], Value::Null);
    assert_eq!(plans[0]["seats"], 1);
    assert_eq!(plans[2]["upgrade_url"], "/billing/upgrade?plan=pro");
    assert_eq!(plans[3]["upgrade_url"], "/contact-sales");
    let has = |i: usize, f: &str| {
        plans[i]["features"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == f)
    };
    assert!(has(0, "asset.view") && has(0, "edit.upscale") && !has(0, "edit.inpaint"));
    assert!(has(1, "edit.relight") && !has(1, "video.generate"));
    assert!(has(2, "video.generate") && has(2, "model.train"));
    // The typed client decodes it.
    let typed: credits_core::PlansResponse = serde_json::from_value(body).unwrap();
    assert_eq!(typed.plans.len(), 4);
}

#[tokio::test]
async fn plans_need_no_token() {
    let s = Server::start(Default::default()).await;
    let r = s
        .client
        .get(s.api("/v1/plans"))
        .bearer_auth("nonsense")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}
