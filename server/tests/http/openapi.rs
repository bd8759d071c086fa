//! `docs/openapi.yaml` (the contract) and `docs/openapi-test-hooks.yaml` (the
//! browser tests' hooks) are in step with the server: they list exactly the
//! routes it serves, the first none of the hooks, every real answer's status is
//! documented, and every documented response field shows up in a real answer.

use std::collections::BTreeSet;

use credits_server::http::routes::{pairs, Route, API_ROUTES, TEST_HOOK_ROUTES};
use serde_json::{json, Value};

use crate::support::{images, Server};

const DOC: &str = include_str!("../../../docs/openapi.yaml");
const HOOKS_DOC: &str = include_str!("../../../docs/openapi-test-hooks.yaml");
const PROBLEM: &str = "#/components/schemas/Problem";
const BALANCE: &str = "/v1/workspaces/{workspace}/balance";
const QUOTES: &str = "/v1/workspaces/{workspace}/quotes";
const USAGE: &str = "/v1/workspaces/{workspace}/usage";
const GENERATIONS: &str = "/v1/workspaces/{workspace}/generations";

fn public() -> Value {
    serde_yaml::from_str(DOC).expect("docs/openapi.yaml parses")
}

/// The hooks' document, its references into the contract made local.
fn hooks() -> Value {
    serde_yaml::from_str(&HOOKS_DOC.replace("\"openapi.yaml#", "\"#"))
        .expect("docs/openapi-test-hooks.yaml parses")
}

/// Both documents as one, so references resolve across them.
fn spec() -> Value {
    let mut spec = public();
    let hooks = hooks();
    for section in ["/paths", "/components/parameters", "/components/schemas"] {
        let add = hooks.pointer(section).and_then(Value::as_object).cloned();
        if let (Some(into), Some(add)) = (
            spec.pointer_mut(section).and_then(Value::as_object_mut),
            add,
        ) {
            into.extend(add);
        }
    }
    spec
}

fn routes_of(doc: &Value) -> BTreeSet<(String, String)> {
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    documented
}

fn resolve<'a>(spec: &'a Value, node: &'a Value) -> &'a Value {
    match node["$ref"].as_str() {
        Some(r) => resolve(
            spec,
            spec.pointer(r.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("no {r}")),
        ),
        None => node,
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Field paths (`items[].member.id`) a schema documents.
fn documented(spec: &Value, schema: &Value, path: &str, out: &mut BTreeSet<String>) {
    let schema = resolve(spec, schema);
    for key in ["allOf", "oneOf", "anyOf"] {
        for sub in schema[key].as_array().into_iter().flatten() {
            documented(spec, sub, path, out);
        }
    }
    for (name, sub) in schema["properties"].as_object().into_iter().flatten() {
        let p = join(path, name);
        out.insert(p.clone());
        documented(spec, sub, &p, out);
    }
    if schema.get("items").is_some() {
        documented(spec, &schema["items"], &format!("{path}[]"), out);
    }
}

/// Field paths a real answer has.
fn observed(value: &Value, path: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (name, v) in map {
                let p = join(path, name);
                out.insert(p.clone());
                observed(v, &p, out);
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| observed(v, &format!("{path}[]"), out)),
        _ => {}
    }
}

#[test]
fn the_documents_list_exactly_the_routes_the_server_serves_and_the_contract_no_hooks() {
    let as_set = |routes: &[Route]| -> BTreeSet<(String, String)> {
        pairs(routes)
            .iter()
            .map(|(m, p)| (m.to_string(), p.to_string()))
            .collect()
    };
    let (public, hooks) = (public(), hooks());
    assert_eq!(public["openapi"], "3.1.0");
    assert_eq!(hooks["openapi"], "3.1.0");
    assert_eq!(routes_of(&public), as_set(API_ROUTES));
    assert_eq!(routes_of(&hooks), as_set(TEST_HOOK_ROUTES));
}

type Sample = (&'static str, &'static str, u16, Value);

async fn sample(method: &'static str, path: &'static str, r: reqwest::Response) -> Sample {
    let status = r.status().as_u16();
    (method, path, status, r.json::<Value>().await.unwrap())
}

async fn get(s: &Server, url: &str) -> reqwest::Response {
    s.client
        .get(url)
        .bearer_auth("tok_pro_admin")
        .header("x-test-client", "doc")
        .send()
        .await
        .unwrap()
}

/// (method, documented path, status, body) of real answers, success and refusal.
async fn samples() -> Vec<Sample> {
    let (s, _) = Server::with_hooks().await;
    let usage = s.workspace_url("ws_pro_team", "usage");
    let video = json!({"action": "video.generate", "quality": "draft", "duration_s": 1, "resolution": "480p"});
    let items = json!([images("draft", 1), video.clone(), {"action": "teleport"}]);
    let mut out = vec![
        sample("GET", "/v1/plans", get(&s, &s.api("/v1/plans")).await).await,
        sample(
            "GET",
            BALANCE,
            s.balance("ws_pro_team", "tok_pro_admin").await,
        )
        .await,
        sample("GET", BALANCE, s.balance("ws_pro_team", "nobody").await).await,
        sample(
            "POST",
            QUOTES,
            s.quote(
                "ws_basic_limit",
                "tok_basic_owner",
                json!({ "items": items }),
            )
            .await,
        )
        .await,
        sample(
            "POST",
            QUOTES,
            s.quote("ws_basic_limit", "tok_basic_owner", json!({"items": []}))
                .await,
        )
        .await,
        sample("GET", USAGE, get(&s, &format!("{usage}?limit=1")).await).await,
        sample("GET", USAGE, get(&s, &format!("{usage}?cursor=x")).await).await,
    ];
    for (w, token, key, body) in [
        (
            "ws_pro_team",
            "tok_pro_admin",
            Some("a"),
            images("draft", 2),
        ),
        (
            "ws_pro_team",
            "tok_pro_admin",
            Some("a"),
            images("draft", 3),
        ),
        (
            "ws_pro_team",
            "tok_pro_admin",
            Some("b"),
            images("high", 16),
        ),
        (
            "ws_basic_limit",
            "tok_basic_owner",
            Some("c"),
            video.clone(),
        ),
        ("ws_pro_team", "tok_pro_admin", None, images("draft", 1)),
        ("ws_nope", "tok_pro_admin", Some("d"), images("draft", 1)),
    ] {
        out.push(sample("POST", GENERATIONS, s.generate(w, token, key, &body).await).await);
    }
    out.extend(checkout_samples(&s).await);
    let log = get(&s, &s.api("/_test/clients/doc/requests")).await;
    out.push(sample("GET", "/_test/clients/{id}/requests", log).await);
    let fork = s.client.post(s.api("/_test/workspaces/ws_trial/fork"));
    let fork = fork.send().await.unwrap();
    out.push(sample("POST", "/_test/workspaces/{workspace}/fork", fork).await);
    out
}

/// Each checkout's 201 and refusals, then a balance with a pending downgrade and purchases.
async fn checkout_samples(s: &Server) -> Vec<Sample> {
    let mut out = Vec::new();
    for (path, w, token, key, body) in [
        (
            "top-ups",
            "ws_pro_team",
            "tok_pro_admin",
            "t",
            json!({"credits": 500}),
        ),
        (
            "top-ups",
            "ws_pro_team",
            "tok_pro_admin",
            "t",
            json!({"credits": 600}),
        ),
        (
            "top-ups",
            "ws_pro_team",
            "tok_pro_member",
            "t",
            json!({"credits": 500}),
        ),
        (
            "top-ups",
            "ws_pro_team",
            "tok_pro_admin",
            "u",
            json!({"credits": 5}),
        ),
        (
            "plan",
            "ws_pro_team",
            "tok_pro_admin",
            "p",
            json!({"plan": "basic"}),
        ),
        (
            "plan",
            "ws_pro_team",
            "tok_pro_admin",
            "q",
            json!({"plan": "gold"}),
        ),
        ("renewal", "ws_expired", "tok_expired_owner", "r", json!({})),
        ("renewal", "ws_expired", "tok_expired_owner", "s", json!({})),
        (
            "payment-method",
            "ws_past_due",
            "tok_past_due_owner",
            "f",
            json!({}),
        ),
        (
            "payment-method",
            "ws_past_due",
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
    let balance = s.balance("ws_pro_team", "tok_pro_admin").await;
    out.push(sample("GET", BALANCE, balance).await);
    out
}

#[tokio::test]
async fn every_documented_field_shows_up_in_a_real_answer() {
    let spec = spec();
    let samples = samples().await;
    for (method, path, status, _) in &samples {
        let op = &spec["paths"][path][method.to_lowercase()];
        assert!(
            op["responses"].get(status.to_string()).is_some(),
            "{method} {path} answered {status}, undocumented"
        );
    }
    // Problem's own fields (`field`, `detail`, ...) are checked over all refusals together.
    let mut problem_fields = BTreeSet::new();
    documented(&spec, &json!({"$ref": PROBLEM}), "", &mut problem_fields);
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for (status, response) in op["responses"].as_object().unwrap() {
                let response = resolve(&spec, response);
                let Some(schema) = response["content"]
                    .as_object()
                    .and_then(|c| c.values().next())
                    .map(|m| &m["schema"])
                else {
                    continue;
                };
                if schema["$ref"] == PROBLEM {
                    continue;
                }
                let mut want = BTreeSet::new();
                documented(&spec, schema, "", &mut want);
                let mut got = BTreeSet::new();
                let real: Vec<_> = samples
                    .iter()
                    .filter(|(m, p, st, _)| {
                        m.eq_ignore_ascii_case(method) && p == path && st.to_string() == *status
                    })
                    .collect();
                assert!(
                    !real.is_empty(),
                    "no real answer sampled for {method} {path} {status}"
                );
                real.iter()
                    .for_each(|(_, _, _, body)| observed(body, "", &mut got));
                let missing: Vec<_> = want
                    .difference(&got)
                    .filter(|f| !status.starts_with('4') || !problem_fields.contains(*f))
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{method} {path} {status}: documented but never answered: {missing:?}"
                );
            }
        }
    }
    let mut got = BTreeSet::new();
    samples
        .iter()
        .filter(|s| s.2 >= 400)
        .for_each(|(_, _, _, body)| observed(body, "", &mut got));
    let missing: Vec<_> = problem_fields.difference(&got).collect();
    assert!(
        missing.is_empty(),
        "problem fields never answered: {missing:?}"
    );
}
