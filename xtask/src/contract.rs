//! `cargo xtask test` step `contract`: a property-based contract test driven
//! by `docs/openapi.yaml`. Schemathesis (PyPI, pinned with every dependency in
//! `e2e/contract-requirements.txt`, installed into a venv under the target
//! directory) generates requests for every operation against a seeded
//! reference server: schema-valid ones must be accepted or refused only for a
//! business reason, invalid ones must get a 4xx problem, nothing may be a 5xx,
//! and every answer must match its documented schema (`e2e/contract.toml`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{run, stdout_of};
use crate::server;
use crate::workspace::Workspace;
use crate::Result;

/// The pin in `e2e/contract-requirements.txt`.
const SCHEMATHESIS_VERSION: &str = "4.32.5";
const REQUIREMENTS: &str = "e2e/contract-requirements.txt";
/// Cases per operation and phase; with a fixed seed, the same ones every run.
const MAX_EXAMPLES: &str = "100";

pub fn run_step(ws: &Workspace) -> Result<()> {
    let schemathesis = ensure_schemathesis(ws)?;
    let server = server::start(
        ws,
        &server::Options {
            listen: "127.0.0.1:0",
            seed_demo: true,
            static_dir: None,
            log_name: "server-contract",
        },
    )?;
    let result = run(Command::new(&schemathesis)
        .args([
            "--config-file",
            "e2e/contract.toml",
            "run",
            "docs/openapi.yaml",
        ])
        .args(["--url", &format!("{}/api", server.url)])
        .args(["--header", "Authorization: Bearer tok_ent_owner"])
        .args([
            "--checks",
            "all",
            "--max-examples",
            MAX_EXAMPLES,
            "--seed",
            "1",
        ])
        .args(["--no-color", "--suppress-health-check", "all"])
        // No example database in the repository: every run starts from the seed.
        .args(["--generation-database", "none"])
        .current_dir(&ws.root));
    let note = server.log_note();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}"))
}

/// The venv's `schemathesis`, installed from the requirements when it is
/// missing or another version.
fn ensure_schemathesis(ws: &Workspace) -> Result<PathBuf> {
    let pin = format!("schemathesis=={SCHEMATHESIS_VERSION}");
    let requirements = std::fs::read_to_string(ws.root.join(REQUIREMENTS))
        .map_err(|e| format!("cannot read {REQUIREMENTS}: {e}"))?;
    if !requirements.lines().any(|l| l.trim() == pin) {
        return Err(format!("{REQUIREMENTS} must pin {pin}"));
    }
    let venv = ws.target_dir.join("xtask").join("contract-venv");
    let bin = venv.join("bin").join("schemathesis");
    if installed_version(&bin).as_deref() == Some(SCHEMATHESIS_VERSION) {
        println!("ok schemathesis {SCHEMATHESIS_VERSION}");
        return Ok(bin);
    }
    println!(
        "installing schemathesis {SCHEMATHESIS_VERSION} into {}",
        venv.display()
    );
    run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    run(Command::new(venv.join("bin").join("pip"))
        .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(ws.root.join(REQUIREMENTS)))?;
    match installed_version(&bin) {
        Some(v) if v == SCHEMATHESIS_VERSION => Ok(bin),
        other => Err(format!(
            "after pip, {} reports {other:?}; expected {SCHEMATHESIS_VERSION}",
            bin.display()
        )),
    }
}

/// `schemathesis, version 4.32.5` → `4.32.5`.
fn installed_version(bin: &Path) -> Option<String> {
    if !bin.is_file() {
        return None;
    }
    let out = stdout_of(Command::new(bin).arg("--version")).ok()?;
    out.trim().rsplit(' ').next().map(str::to_owned)
}
