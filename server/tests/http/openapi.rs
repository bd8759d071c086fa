//! `docs/openapi.yaml` (the contract) and `docs/openapi-test-hooks.yaml` (the
//! browser tests' hooks) are in step with the server: they list exactly the
//! routes it serves, the first none of the hooks, every real answer's status is
//! documented, every documented response field shows up in a real answer, and
//! every field of a real answer is documented with its type.

use std::collections::BTreeSet;

use credits_server::http::routes::{pairs, Route, API_ROUTES, TEST_HOOK_ROUTES};
use serde_json::{json, Value};

use crate::openapi_samples::samples;
use crate::openapi_shape::{join, resolve, undocumented};

const DOC: &str = include_str!("../../../docs/openapi.yaml");
const HOOKS_DOC: &str = include_str!("../../../docs/openapi-test-hooks.yaml");
const PROBLEM: &str = "#/components/schemas/Problem";

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

/// The schema of a response's body, if it has one.
fn body_schema<'a>(spec: &'a Value, response: &'a Value) -> Option<&'a Value> {
    let content = resolve(spec, response)["content"].as_object()?;
    content.values().next().map(|media| &media["schema"])
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
                let Some(schema) = body_schema(&spec, response) else {
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

/// The other direction: nothing the server sends is missing from the
/// document, or sent with another type than documented.
#[tokio::test]
async fn every_field_of_a_real_answer_is_documented_with_its_type() {
    let spec = spec();
    let mut problems = Vec::new();
    for (method, path, status, body) in samples().await {
        let response = &spec["paths"][path][method.to_lowercase()]["responses"][status.to_string()];
        let schema = body_schema(&spec, response)
            .unwrap_or_else(|| panic!("{method} {path} {status}: a body, none documented"));
        let found = undocumented(&spec, schema, &body, "");
        problems.extend(
            found
                .into_iter()
                .map(|p| format!("{method} {path} {status}: {p}")),
        );
    }
    assert!(
        problems.is_empty(),
        "real answers differ from the document:\n{}",
        problems.join("\n")
    );
}

/// A plain YAML scalar ends at `, ` inside a flow mapping (`{type: string,
/// description: a, b}` makes a property `b`) and cannot hold `: `, so prose
/// with a comma or a colon is quoted or a block scalar (`|`, `>-`).
#[test]
fn prose_with_a_comma_or_a_colon_is_quoted() {
    let mut plain = Vec::new();
    for (name, doc) in [
        ("openapi.yaml", DOC),
        ("openapi-test-hooks.yaml", HOOKS_DOC),
    ] {
        for (i, line) in doc.lines().enumerate() {
            for key in ["description:", "summary:"] {
                for (at, _) in line.match_indices(key) {
                    let value = line[at + key.len()..].trim_start();
                    let quoted = value.starts_with(['"', '\'', '|', '>']) || value.is_empty();
                    if !quoted && value.contains([',', ':']) {
                        plain.push(format!("docs/{name}:{}: {line}", i + 1));
                    }
                }
            }
        }
    }
    assert!(plain.is_empty(), "quote these:\n{}", plain.join("\n"));
}
