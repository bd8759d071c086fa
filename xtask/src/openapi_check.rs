//! `cargo xtask test` step `openapi`: the contract as hosts consume it.
//!
//! 1. Redocly CLI lints `docs/openapi.yaml` and `docs/openapi-test-hooks.yaml`
//!    with the recommended rules, warnings counted as errors
//!    (`e2e/openapi/redocly.yaml`; the warnings switched off, each with its
//!    reason, are in `e2e/openapi/.redocly.lint-ignore.yaml`).
//! 2. openapi-typescript generates the types a host would generate from
//!    `docs/openapi.yaml` (`e2e/openapi/generate.mjs`), and `tsc --noEmit`
//!    checks `e2e/openapi/sample-host.ts` (every operation used correctly)
//!    and `e2e/openapi/mistakes.ts` (each line a mistake marked
//!    `@ts-expect-error`, so one that stops being an error fails the step).
//!
//! The npm packages are pinned in package.json and installed by the tools step.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::process::run;
use crate::workspace::Workspace;
use crate::Result;

const REDOCLY_CONFIG: &str = "e2e/openapi/redocly.yaml";
const CONTRACT: &str = "docs/openapi.yaml";
const TSCONFIG: &str = "e2e/openapi/tsconfig.json";
/// The module name the sample files import the generated types from.
const MODULE: &str = "credits-api";

pub fn run_step(ws: &Workspace) -> Result<()> {
    lint(ws)?;
    generated_client(ws)
}

fn lint(ws: &Workspace) -> Result<()> {
    run(Command::new(ws.node_bin().join("redocly"))
        .args(["lint", "--config", REDOCLY_CONFIG, "--lint-config", "error"])
        // Neither usage data nor an update check: the lint needs no network.
        .env("REDOCLY_TELEMETRY", "off")
        .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")
        .current_dir(&ws.root))
}

fn generated_client(ws: &Workspace) -> Result<()> {
    let dir = ws.scratch_dir()?.join("openapi");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let types = dir.join(format!("{MODULE}.d.ts"));
    run(Command::new("node")
        .arg("e2e/openapi/generate.mjs")
        .arg(CONTRACT)
        .arg(&types)
        .current_dir(&ws.root))?;
    let tsconfig = dir.join("tsconfig.json");
    let text = tsconfig_json(&ws.root.join(TSCONFIG), &types);
    fs::write(&tsconfig, text).map_err(|e| format!("cannot write {}: {e}", tsconfig.display()))?;
    run(Command::new(ws.node_bin().join("tsc"))
        .arg("--project")
        .arg(&tsconfig)
        .args(["--pretty", "false"])
        .current_dir(&ws.root))
}

/// A tsconfig extending the committed one (which lists the files) with the
/// module `credits-api` mapped to the generated types, wherever the target
/// directory is.
fn tsconfig_json(base: &Path, types: &Path) -> String {
    let config = serde_json::json!({
        "extends": base.to_string_lossy(),
        "compilerOptions": {"paths": {MODULE: [types.to_string_lossy()]}},
    });
    serde_json::to_string_pretty(&config).expect("a JSON value serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
    }

    #[test]
    fn the_generated_tsconfig_extends_the_committed_one() {
        let text = tsconfig_json(
            Path::new("/r/e2e/openapi/tsconfig.json"),
            Path::new("/t/a.d.ts"),
        );
        let config: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(config["extends"], "/r/e2e/openapi/tsconfig.json");
        assert_eq!(config["compilerOptions"]["paths"][MODULE][0], "/t/a.d.ts");
    }

    /// The committed tsconfig checks every TypeScript file beside it, and
    /// the Redocly config lints both documents.
    #[test]
    fn the_checks_see_every_file() {
        let dir = root().join("e2e/openapi");
        let tsconfig: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(root().join(TSCONFIG)).unwrap()).unwrap();
        let listed: Vec<&str> = tsconfig["files"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f.as_str())
            .collect();
        let mut found: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".ts"))
            .collect();
        found.sort();
        assert_eq!(found, ["mistakes.ts", "sample-host.ts"]);
        assert!(
            found.iter().all(|f| listed.contains(&f.as_str())),
            "{listed:?}"
        );
        let redocly = fs::read_to_string(root().join(REDOCLY_CONFIG)).unwrap();
        for doc in ["docs/openapi.yaml", "docs/openapi-test-hooks.yaml"] {
            assert!(redocly.contains(&format!("root: ../../{doc}")), "{doc}");
            assert!(root().join(doc).is_file(), "{doc}");
        }
    }
}
