//! The package's generated text: `package.json`, and the catalogue's
//! TypeScript type from `locales/en.json`.

use serde_json::Value;

use super::STEM;
use crate::Result;

/// The TypeScript body of `CreditsCatalogue`, from `locales/en.json`: every
/// key optional, counted phrases as `PluralWords`, `actions` as a record.
pub fn catalogue_type(english: &str) -> Result<String> {
    let value: Value =
        serde_json::from_str(english).map_err(|e| format!("locales/en.json: {e}"))?;
    Ok(object_type(&value, 0))
}

fn object_type(value: &Value, depth: usize) -> String {
    let Some(map) = value.as_object() else {
        return "string".into();
    };
    let pad = "  ".repeat(depth + 1);
    let mut out = String::from("{\n");
    for (key, v) in map {
        let ts = match v {
            Value::Object(o) if key == "actions" && depth == 0 => {
                let _ = o;
                "Record<string, string>".to_owned()
            }
            Value::Object(o) if o.contains_key("other") => "PluralWords".to_owned(),
            Value::Object(_) => object_type(v, depth + 1),
            _ => "string".to_owned(),
        };
        out.push_str(&format!("{pad}{key}?: {ts};\n"));
    }
    out.push_str(&"  ".repeat(depth));
    out.push('}');
    out
}

pub fn package_json(version: &str) -> String {
    let files = [
        "index.js",
        "index.d.ts",
        &format!("{STEM}.js"),
        &format!("{STEM}_bg.wasm"),
        "README.md",
    ];
    let value = serde_json::json!({
        "name": "leptos-credits-elements",
        "version": version,
        "description": "Credit costs, balances and out-of-credit prompts for AI image and video apps, as custom elements.",
        "license": "MIT OR Apache-2.0",
        "type": "module",
        "main": "./index.js",
        "types": "./index.d.ts",
        "exports": {
            ".": { "types": "./index.d.ts", "import": "./index.js" },
            "./wasm": format!("./{STEM}_bg.wasm"),
        },
        "files": files,
        "sideEffects": ["./index.js"],
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
