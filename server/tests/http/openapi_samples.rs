//! Real answers of the reference server for the OpenAPI tests: each
//! operation's successes and refusals, as (method, documented path, status,
//! body).

use serde_json::{json, Value};

use crate::support::{images, Server};

const BALANCE: &str = "/v1/workspaces/{workspace}/balance";
const QUOTES: &str = "/v1/workspaces/{workspace}/quotes";
const USAGE: &str = "/v1/workspaces/{workspace}/usage";
const GENERATIONS: &str = "/v1/workspaces/{workspace}/generations";
const EVENTS: &str = "/v1/workspaces/{workspace}/events";
const PRO: &str = "ws_pro_team";
const ADMIN: &str = "tok_pro_admin";
const BASIC: &str = "ws_basic_limit";
const OWNER: &str = "tok_basic_owner";

pub type Sample = (&'static str, &'static str, u16, Value);

async fn sample(method: &'static str, path: &'static str, r: reqwest::Response) -> Sample {
    let status = r.status().as_u16();
    (method, path, status, r.json::<Value>().await.unwrap())
}

async fn get(s: &Server, url: &str) -> reqwest::Response {
    s.client
        .get(url)
        .bearer_auth(ADMIN)
        .header("x-test-client", "doc")
        .send()
        .await
        .unwrap()
}

/// (method, documented path, status, body) of real answers, success and refusal.
pub async fn samples() -> Vec<Sample> {
    let (s, _) = Server::with_hooks().await;
    let usage = s.workspace_url(PRO, "usage");
    let video = json!({"action": "video.generate", "quality": "draft", "duration_s": 1, "resolution": "480p"});
    let items = json!([images("draft", 1), video.clone(), {"action": "teleport"}]);
    let mut out = vec![
        sample("GET", "/v1/plans", get(&s, &s.api("/v1/plans")).await).await,
        sample("GET", BALANCE, s.balance(PRO, ADMIN).await).await,
        sample("GET", BALANCE, s.balance(PRO, "nobody").await).await,
        sample(
            "POST",
            QUOTES,
            s.quote(BASIC, OWNER, json!({ "items": items })).await,
        )
        .await,
        sample(
            "POST",
            QUOTES,
            s.quote(BASIC, OWNER, json!({"items": []})).await,
        )
        .await,
        sample("GET", USAGE, get(&s, &format!("{usage}?limit=1")).await).await,
        sample("GET", USAGE, get(&s, &format!("{usage}?cursor=x")).await).await,
    ];
    for (w, token, key, body) in [
        (PRO, ADMIN, Some("a"), images("draft", 2)),
        (PRO, ADMIN, Some("a"), images("draft", 3)),
        (PRO, ADMIN, Some("b"), images("high", 16)),
        (BASIC, OWNER, Some("c"), video.clone()),
        (PRO, ADMIN, None, images("draft", 1)),
        ("ws_nope", ADMIN, Some("d"), images("draft", 1)),
    ] {
        out.push(sample("POST", GENERATIONS, s.generate(w, token, key, &body).await).await);
    }
    out.extend(demo_workspaces(&s).await);
    out.extend(checkout_samples(&s).await);
    out.extend(stream_samples(&s).await);
    let log = get(&s, &s.api("/_test/clients/doc/requests")).await;
    out.push(sample("GET", "/_test/clients/{id}/requests", log).await);
    let fork = s.client.post(s.api("/_test/workspaces/ws_trial/fork"));
    let fork = fork.send().await.unwrap();
    out.push(sample("POST", "/_test/workspaces/{workspace}/fork", fork).await);
    out
}

/// Each demo workspace's balance and usage, and a spend of 16 high-quality
/// images: a 201, or a refusal with the workspace's reason.
async fn demo_workspaces(s: &Server) -> Vec<Sample> {
    let mut out = Vec::new();
    for (w, token) in [
        ("ws_trial", "tok_trial_owner"),
        ("ws_free_empty", "tok_free_owner"),
        ("ws_basic_limit", "tok_basic_owner"),
        ("ws_pro_team", "tok_pro_member"),
        ("ws_expired", "tok_expired_owner"),
        ("ws_past_due", "tok_past_due_owner"),
        ("ws_enterprise", "tok_ent_owner"),
        ("ws_drained", "tok_drained_owner"),
        ("ws_extras", "tok_extras_owner"),
    ] {
        out.push(sample("GET", BALANCE, s.balance(w, token).await).await);
        let usage = s.client.get(s.workspace_url(w, "usage")).bearer_auth(token);
        out.push(sample("GET", USAGE, usage.send().await.unwrap()).await);
        let spend = s.generate(w, token, Some(w), &images("high", 16)).await;
        out.push(sample("POST", GENERATIONS, spend).await);
    }
    out
}

/// Each checkout's 201 and refusals, then a balance with a pending downgrade and purchases.
async fn checkout_samples(s: &Server) -> Vec<Sample> {
    let (expired, past_due) = ("ws_expired", "ws_past_due");
    let mut out = Vec::new();
    for (path, w, token, key, body) in [
        ("top-ups", PRO, ADMIN, "t", json!({"credits": 500})),
        ("top-ups", PRO, ADMIN, "t", json!({"credits": 600})),
        (
            "top-ups",
            PRO,
            "tok_pro_member",
            "t",
            json!({"credits": 500}),
        ),
        ("top-ups", PRO, ADMIN, "u", json!({"credits": 5})),
        ("plan", PRO, ADMIN, "p", json!({"plan": "basic"})),
        ("plan", PRO, ADMIN, "q", json!({"plan": "gold"})),
        ("renewal", expired, "tok_expired_owner", "r", json!({})),
        ("renewal", expired, "tok_expired_owner", "s", json!({})),
        (
            "payment-method",
            past_due,
            "tok_past_due_owner",
            "f",
            json!({}),
        ),
        (
            "payment-method",
            past_due,
            "tok_past_due_owner",
            "g",
            json!({}),
        ),
    ] {
        let r = s.check_out(w, path, token, key, &body).await;
        let path = match path {
            "top-ups" => "/v1/workspaces/{workspace}/top-ups",
            "plan" => "/v1/workspaces/{workspace}/plan",
            "renewal" => "/v1/workspaces/{workspace}/renewal",
            _ => "/v1/workspaces/{workspace}/payment-method",
        };
        out.push(sample("POST", path, r).await);
    }
    out.push(sample("GET", BALANCE, s.balance(PRO, ADMIN).await).await);
    out
}

/// The balance stream's opening (as text, up to its first event) and its refusals.
async fn stream_samples(s: &Server) -> Vec<Sample> {
    let mut opened = crate::sse::request(&s.origin, PRO, Some(ADMIN), None).await;
    let status = opened.status().as_u16();
    let mut text = String::new();
    while text.matches("\n\n").count() < 2 {
        let chunk = opened
            .chunk()
            .await
            .unwrap()
            .expect("the stream's first event");
        text.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    drop(opened);
    let mut out = vec![("GET", EVENTS, status, Value::String(text))];
    for (w, token) in [(PRO, None), ("ws_trial", Some(ADMIN))] {
        let r = crate::sse::request(&s.origin, w, token, None).await;
        out.push(sample("GET", EVENTS, r).await);
    }
    out
}
