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
    // Between them, every kind of breakdown line with every one of its numbers.
    let xl = json!({"action": "image.generate", "model": "aurora-2-xl", "quality": "high", "count": 1, "width": 2048, "height": 2048});
    let items = json!([
        images("draft", 1),
        video.clone(),
        {"action": "teleport"},
        xl,
        {"action": "edit.inpaint", "count": 2},
        {"action": "edit.upscale", "factor": 4},
        {"action": "model.train", "images": 5, "steps": 100},
    ]);
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
    out.extend(request_samples(&s).await);
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

/// The balance stream's first event (its fields as an SSE parser hands them over)
/// and its refusals.
async fn stream_samples(s: &Server) -> Vec<Sample> {
    let mut opened = crate::sse::Stream::open(&s.origin, PRO, ADMIN, None).await;
    let (id, data) = opened.balance().await;
    drop(opened);
    let event = json!({"id": id.to_string(), "event": "balance", "data": data.to_string()});
    let mut out = vec![("GET", EVENTS, 200, event)];
    for (w, token) in [(PRO, None), ("ws_trial", Some(ADMIN))] {
        let r = crate::sse::request(&s.origin, w, token, None).await;
        out.push(sample("GET", EVENTS, r).await);
    }
    out
}

/// Requests asked, asked again, granted by a top-up, declined, limited; the lists.
async fn request_samples(s: &Server) -> Vec<Sample> {
    const REQUESTS: &str = "/v1/workspaces/{workspace}/requests";
    const DECLINE: &str = "/v1/workspaces/{workspace}/requests/{id}/decline";
    const MEMBER: &str = "tok_pro_member";
    let ask = |key: String, body: Value| async move {
        let r = s.check_out(PRO, "requests", MEMBER, &key, &body).await;
        sample("POST", REQUESTS, r).await
    };
    let decline = |id: &Value, token: &'static str, key: &'static str| {
        let path = format!("requests/{}/decline", id.as_str().unwrap_or("req_x"));
        async move {
            let r = s
                .check_out(PRO, &path, token, key, &json!({"note": "not now"}))
                .await;
            sample("POST", DECLINE, r).await
        }
    };
    let credits = ask("r1".into(), json!({"credits": 500, "message": "hi"})).await;
    let plan = ask("r2".into(), json!({"plan": "enterprise"})).await;
    let mut out = vec![
        ask("r3".into(), json!({"credits": 900})).await,
        ask("r4".into(), json!({"plan": "enterprise"})).await,
        ask("r5".into(), json!({"credits": 0})).await,
        decline(&plan.3["id"], ADMIN, "d1").await,
        decline(&plan.3["id"], MEMBER, "d2").await,
        decline(&plan.3["id"], ADMIN, "d3").await,
    ];
    let granted = json!({"credits": 500, "request": credits.3["id"]});
    s.check_out(PRO, "top-ups", ADMIN, "g", &granted).await;
    // Three more asked and declined: the sixth in the hour is refused.
    for i in 0..4 {
        let asked = ask(format!("l{i}"), json!({"credits": 100})).await;
        out.push(decline(&asked.3["id"], ADMIN, ["x0", "x1", "x2", "x3"][i]).await);
        out.push(asked);
    }
    out.extend([credits, plan]);
    for token in [ADMIN, MEMBER] {
        let list = s
            .client
            .get(s.workspace_url(PRO, "requests"))
            .bearer_auth(token);
        out.push(sample("GET", REQUESTS, list.send().await.unwrap()).await);
    }
    out
}
