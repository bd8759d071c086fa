//! `cargo xtask ssr-host`: the server-rendered example (`examples/ssr-host`),
//! built with cargo and the pinned wasm-bindgen CLI (no cargo-leptos: it
//! would download its own tools), served with the credits API at `/api` in
//! the same process; and the `ssr-host` step of `cargo xtask test`, which
//! drives it in Chromium (`e2e/ssr_host.mjs`).

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use crate::process::{run as run_cmd, secs};
use crate::server::{self, Server};
use crate::tools::{self, Tool};
use crate::workspace::Workspace;
use crate::{demo, smoke, Result};

const PACKAGE: &str = "ssr-host";
/// The library's name as cargo writes its wasm, and wasm-bindgen's `--out-name`
/// (the server's `OUTPUT_NAME`: `pkg/ssr_host.js`, `pkg/ssr_host_bg.wasm`).
const OUTPUT_NAME: &str = "ssr_host";
const DEFAULT_PORT: u16 = 3000;
/// What building it needs (the e2e step also needs Chromium and node_modules,
/// which the test's tools step installs).
const TOOLS: &[Tool] = &[Tool::WasmTarget, Tool::WasmBindgen];

pub fn run(ws: &Workspace, args: &[String]) -> Result<()> {
    let port = demo::parse_port(args, PACKAGE, DEFAULT_PORT)?;
    tools::ensure(ws, TOOLS)?;
    let start = Instant::now();
    let site = build(ws)?;
    let mut server = start_server(ws, &site, &format!("127.0.0.1:{port}"), "ssr-host", start)?;
    server.serve_until_stopped("SSR host: {url}/  (the API at {url}/api)")
}

/// Builds the browser half (debug wasm, `hydrate`: hydration mismatches are
/// only reported by debug builds) into `<target>/xtask/ssr-host-site/pkg`, and
/// the server (`ssr`). Returns the site root.
pub fn build(ws: &Workspace) -> Result<PathBuf> {
    let start = Instant::now();
    run_cmd(Command::new("cargo").args([
        "build",
        "-p",
        PACKAGE,
        "--lib",
        "--target",
        tools::WASM_TARGET,
        "--features",
        "hydrate",
    ]))?;
    let wasm = ws
        .target_dir
        .join(tools::WASM_TARGET)
        .join("debug")
        .join(format!("{OUTPUT_NAME}.wasm"));
    let site = ws.scratch_dir()?.join("ssr-host-site");
    run_cmd(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--out-name", OUTPUT_NAME, "--out-dir"])
            .arg(site.join("pkg"))
            .arg(&wasm),
    )?;
    run_cmd(Command::new("cargo").args([
        "build",
        "-p",
        PACKAGE,
        "--bin",
        PACKAGE,
        "--features",
        "ssr",
    ]))?;
    println!(
        "built {PACKAGE} (wasm + server) in {}",
        secs(start.elapsed())
    );
    Ok(site)
}

fn start_server(
    ws: &Workspace,
    site: &std::path::Path,
    listen: &str,
    log_name: &str,
    start: Instant,
) -> Result<Server> {
    let mut cmd = Command::new(ws.target_dir.join("debug").join(PACKAGE));
    cmd.args(["--listen", listen]).arg("--site-root").arg(site);
    server::spawn_announced(ws, cmd, PACKAGE, log_name, false, start)
}

/// The `ssr-host` step of `cargo xtask test`: clippy on both halves of the
/// example, then builds and starts it on a free port, then `e2e/ssr_host.mjs` checks the served HTML, the
/// hydration and the components against the API.
pub fn test(ws: &Workspace) -> Result<()> {
    // The workspace's clippy sees the example without features; its two halves here.
    for (target, features) in [(None, "ssr"), (Some(tools::WASM_TARGET), "hydrate")] {
        let mut clippy = Command::new("cargo");
        clippy.args([
            "clippy",
            "-p",
            PACKAGE,
            "--lib",
            "--bins",
            "--features",
            features,
        ]);
        if let Some(target) = target {
            clippy.args(["--target", target]);
        }
        run_cmd(clippy.args(["--", "-D", "warnings"]))?;
    }
    let start = Instant::now();
    let site = build(ws)?;
    let server = start_server(ws, &site, "127.0.0.1:0", "ssr-host-test", start)?;
    let result = smoke::node_script(ws, "e2e/ssr_host.mjs", &server);
    let note = server.log_note();
    let log = server.log_tail();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}; its end:\n{log}"))
}
