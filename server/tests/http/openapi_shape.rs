//! A real answer against its documented schema, from the server's side:
//! every field it sends is documented, with its JSON type (and, where the
//! document closes the set, its value); every required field is there.
//! Enough of JSON Schema for `docs/openapi.yaml`: `$ref`, `allOf` (merged),
//! `oneOf`/`anyOf` (some branch fits), `type`, `const`, `enum`,
//! `properties`, `required`, `items`, `additionalProperties`.

use serde_json::{Map, Value};

/// `node`, its `$ref` followed (`#/...` pointers into `spec`).
pub fn resolve<'a>(spec: &'a Value, node: &'a Value) -> &'a Value {
    match node["$ref"].as_str() {
        Some(r) => resolve(
            spec,
            spec.pointer(r.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("no {r}")),
        ),
        None => node,
    }
}

/// `path.name`, or `name` at the top.
pub fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// The schema with its `allOf` parts folded in: their properties, required
/// fields and type.
fn merged(spec: &Value, schema: &Value) -> Value {
    let schema = resolve(spec, schema);
    let mut out = schema.clone();
    let Some(parts) = schema["allOf"].as_array() else {
        return out;
    };
    let out_map = out.as_object_mut().expect("a schema is an object");
    out_map.remove("allOf");
    for part in parts.iter().map(|p| merged(spec, p)) {
        for key in ["properties", "required"] {
            merge_into(out_map, key, &part[key]);
        }
        if !out_map.contains_key("type") && !part["type"].is_null() {
            out_map.insert("type".into(), part["type"].clone());
        }
    }
    out
}

fn merge_into(into: &mut Map<String, Value>, key: &str, add: &Value) {
    match (into.get_mut(key), add) {
        (_, Value::Null) => {}
        (None, add) => {
            into.insert(key.to_owned(), add.clone());
        }
        (Some(Value::Object(have)), Value::Object(add)) => have.extend(add.clone()),
        (Some(Value::Array(have)), Value::Array(add)) => have.extend(add.iter().cloned()),
        (Some(have), add) => panic!("cannot merge {add} into {have}"),
    }
}

fn branched(schema: &Value) -> bool {
    schema.get("oneOf").is_some() || schema.get("anyOf").is_some()
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_allows(documented: &Value, value: &Value) -> bool {
    let actual = json_type(value);
    let allows = |t: &Value| t == actual || (t == "number" && actual == "integer");
    match documented {
        Value::Null => true,
        Value::Array(types) => types.iter().any(allows),
        t => allows(t),
    }
}

/// What in `value` (at `path`, e.g. `items[0].member`) the schema does not
/// document; empty when it fits.
pub fn undocumented(spec: &Value, schema: &Value, value: &Value, path: &str) -> Vec<String> {
    let schema = merged(spec, schema);
    let mut out = Vec::new();
    for key in ["oneOf", "anyOf"] {
        let Some(branches) = schema[key].as_array() else {
            continue;
        };
        let tries: Vec<_> = branches
            .iter()
            .map(|b| undocumented(spec, b, value, path))
            .collect();
        if !tries.iter().any(Vec::is_empty) {
            out.push(format!("{path}: fits no branch of {key}: {tries:?}"));
        }
    }
    if !type_allows(&schema["type"], value) {
        out.push(format!("{path}: {value} is not {}", schema["type"]));
        return out;
    }
    let listed = |key: &str| schema[key].as_array().is_some_and(|v| !v.contains(value));
    if schema.get("const").is_some_and(|c| c != value) || listed("enum") {
        out.push(format!("{path}: {value} is not a documented value"));
    }
    if schema.get("properties").is_none() && branched(&schema) {
        return out; // the branches have checked the fields
    }
    match value {
        Value::Object(fields) => {
            for name in schema["required"].as_array().into_iter().flatten() {
                if !fields.contains_key(name.as_str().unwrap_or_default()) {
                    out.push(format!("{path}: required {name} is missing"));
                }
            }
            for (name, v) in fields {
                let p = join(path, name);
                match schema["properties"].get(name) {
                    Some(sub) => out.extend(undocumented(spec, sub, v, &p)),
                    None if schema["additionalProperties"].is_object() => {
                        out.extend(undocumented(spec, &schema["additionalProperties"], v, &p))
                    }
                    None => out.push(format!("{p}: not documented")),
                }
            }
        }
        Value::Array(items) if !schema["items"].is_null() => {
            for (i, item) in items.iter().enumerate() {
                out.extend(undocumented(
                    spec,
                    &schema["items"],
                    item,
                    &format!("{path}[{i}]"),
                ));
            }
        }
        _ => {}
    }
    out
}

#[test]
fn finds_undocumented_fields_wrong_types_and_values() {
    let spec = serde_json::json!({"components": {"schemas": {
        "Problem": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}},
        "Short": {"allOf": [{"$ref": "#/components/schemas/Problem"}, {"type": "object", "properties": {
            "kind": {"anyOf": [{"type": "string", "enum": ["a"]}, {"type": "string"}]},
            "plan": {"type": "string", "enum": ["free"]},
            "at": {"type": ["string", "null"]},
            "items": {"type": "array", "items": {"oneOf": [{"type": "integer"}, {"type": "null"}]}},
        }}]},
    }}});
    let short = serde_json::json!({"$ref": "#/components/schemas/Short"});
    let fits = serde_json::json!({"code": "x", "kind": "b", "plan": "free", "at": null, "items": [1, null]});
    assert_eq!(undocumented(&spec, &short, &fits, ""), Vec::<String>::new());
    let wrong = serde_json::json!({"kind": 1, "plan": "pro", "at": 2, "items": [1.5], "extra": {}});
    let found = undocumented(&spec, &short, &wrong, "");
    for want in [
        ": required \"code\" is missing",
        "kind: fits no branch of anyOf",
        "plan: \"pro\" is not a documented value",
        "at: 2 is not [\"string\",\"null\"]",
        "items[0]: fits no branch of oneOf",
        "extra: not documented",
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(want)),
            "{want} not in {found:#?}"
        );
    }
    assert_eq!(found.len(), 6, "{found:#?}");
}
