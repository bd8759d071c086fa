//! `cargo xtask test` step `host-tests`: the example host crate
//! (`examples/host-tests`) checked and tested the way the README's "Testing
//! your integration" tells a host to. The reference server is started with
//! `--listen 127.0.0.1:0 --seed-demo` (no test hooks: a host's server has
//! none), its announced `listening on http://ADDR` becomes the
//! `CREDITS_TEST_API` the tests compile in, and it is stopped afterwards,
//! also when the tests fail.
//!
//! Cargo runs from the example's directory, so its own `.cargo/config.toml`
//! (the wasm test runner) and `webdriver.json` (Chromium's flags) are the
//! ones used, as in a host's repository.

use std::path::Path;
use std::process::Command;

use crate::process::run;
use crate::server;
use crate::tools;
use crate::workspace::Workspace;
use crate::Result;

/// The example crate, relative to the repository root, and its package name.
const EXAMPLE: &str = "examples/host-tests";
pub const PACKAGE: &str = "host-tests";

pub fn run_step(ws: &Workspace) -> Result<()> {
    let dir = ws.root.join(EXAMPLE);
    // The host's own lint, for the target its tests run on.
    run(cargo_in(ws, &dir, &["clippy", "--all-targets"]).args(["--", "-D", "warnings"]))?;
    let server = server::start(
        ws,
        &server::Options {
            listen: "127.0.0.1:0",
            seed_demo: true,
            static_dir: None,
            log_name: "server-host-tests",
        },
    )?;
    let result = run(cargo_in(ws, &dir, &["test", "--tests"])
        .env("CREDITS_TEST_API", format!("{}/api", server.url))
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"));
    let note = server.log_note();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}"))
}

/// `cargo ARGS --target wasm32-unknown-unknown` in `dir`, sharing the
/// workspace's target directory (an absolute path, whatever the caller's
/// `CARGO_TARGET_DIR` was relative to).
fn cargo_in(ws: &Workspace, dir: &Path, args: &[&str]) -> Command {
    println!("(in {EXAMPLE})");
    let mut cmd = Command::new("cargo");
    cmd.args(args)
        .args(["--target", tools::WASM_TARGET])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &ws.target_dir);
    cmd
}
