use serde_json::json;

use crate::support::{assert_problem, Server};

fn body() -> serde_json::Value {
    json!({"items": [{"action": "asset.view"}]})
}

#[tokio::test]
async fn no_token_or_an_unknown_one_is_unauthorized() {
    let s = Server::demo().await;
    let r = s
        .client
        .post(s.quotes_url("ws_trial"))
        .json(&body())
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["www-authenticate"], "Bearer");
    assert_problem(r, 401, "unauthorized", None).await;
    let r = s.quote("ws_trial", "tok_nobody", body()).await;
    let p = assert_problem(r, 401, "unauthorized", None).await;
    assert!(
        !p.to_string().contains("tok_nobody"),
        "the token is never echoed"
    );
    let r = s
        .client
        .post(s.quotes_url("ws_trial"))
        .header("authorization", "Basic dG9rX3RyaWFsX293bmVyOg==")
        .json(&body())
        .send()
        .await
        .unwrap();
    assert_problem(r, 401, "unauthorized", None).await;
}

#[tokio::test]
async fn another_workspace_or_a_missing_one_is_not_found() {
    let s = Server::demo().await;
    let r = s.quote("ws_enterprise", "tok_pro_member", body()).await;
    assert_problem(r, 404, "not_found", None).await;
    let r = s.quote("ws_does_not_exist", "tok_pro_member", body()).await;
    assert_problem(r, 404, "not_found", None).await;
    // Auth comes before the body: a stranger learns nothing from a bad body either.
    let r = s
        .quote("ws_enterprise", "tok_pro_member", json!("junk"))
        .await;
    assert_problem(r, 404, "not_found", None).await;
}

#[tokio::test]
async fn both_pro_team_members_see_their_workspace() {
    let s = Server::demo().await;
    for token in ["tok_pro_admin", "tok_pro_member"] {
        let r = s.quote("ws_pro_team", token, body()).await;
        assert_eq!(r.status(), 200, "{token}");
    }
}

#[tokio::test]
async fn without_the_demo_there_are_no_tokens() {
    let s = Server::start(Default::default()).await;
    let r = s.quote("ws_trial", "tok_trial_owner", body()).await;
    assert_problem(r, 401, "unauthorized", None).await;
}
