//! The example hosts of the JS package: `examples/js-html` (a plain page, no
//! build step) and `examples/js-react` (React from npm, bundled with esbuild
//! from npm). `cargo xtask js-hosts` serves them for a developer; the
//! `js-hosts` step of `cargo xtask test` drives both in Chromium against the
//! reference server (`e2e/js_hosts.mjs`).
//!
//! The served layout, under `<target>/js-hosts/`: `pkg/` (the package as
//! `cargo xtask package-js` builds it), `html/index.html`, `react/index.html`
//! with `react/app.js` (the bundle) and the package's `.wasm` beside it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::process::{run as run_cmd, secs};
use crate::server::{self, Server};
use crate::workspace::{show, Workspace};
use crate::{demo, smoke, Result};

/// The name the React host imports the package by (pkg/package.json's `name`).
const PACKAGE_NAME: &str = "leptos-credits-elements";
const DEFAULT_PORT: u16 = 8081;
/// How often the test server's balance streams send a keep-alive, so that
/// the removal check's wait covers several.
const TEST_HEARTBEAT_MS: &str = "1000";

const INDEX: &str = r#"<!doctype html>
<meta charset="utf-8">
<title>leptos-credits example hosts</title>
<ul>
  <li><a href="html/">Plain HTML (examples/js-html)</a></li>
  <li><a href="react/">React (examples/js-react)</a></li>
</ul>
"#;

/// `cargo xtask js-hosts [--port N]`: builds the package and both hosts and
/// serves them with the reference API (demo data) until Ctrl-C.
pub fn run(ws: &Workspace, args: &[String]) -> Result<()> {
    let port = demo::parse_port(args, "js-hosts", DEFAULT_PORT)?;
    let site = build(ws)?;
    demo::serve_site(
        ws,
        port,
        &site,
        "server-js-hosts",
        "Plain HTML host: {url}/html/\n  React host:      {url}/react/\n  (the API at {url}/api)",
    )
}

/// The `js-hosts` step of `cargo xtask test`: both hosts served by a seeded
/// reference server with its test hooks, and `e2e/js_hosts.mjs` run in each.
pub fn test(ws: &Workspace) -> Result<()> {
    let site = build(ws)?;
    let server = server::start_with_test_hooks(
        ws,
        &server::Options {
            listen: "127.0.0.1:0",
            seed_demo: true,
            static_dir: Some(&site),
            log_name: "server-js-hosts-test",
        },
        &["--heartbeat-ms".to_owned(), TEST_HEARTBEAT_MS.to_owned()],
    )?;
    let scratch = ws.scratch_dir()?;
    let result = smoke::node_script_into(
        ws,
        "e2e/js_hosts.mjs",
        &server,
        &scratch,
        Duration::from_secs(300),
    );
    finish(server, result)
}

fn finish(server: Server, result: Result<()>) -> Result<()> {
    let note = server.log_note();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}"))
}

/// Builds the package (its installs bring react, react-dom and esbuild from
/// npm too) and type-checks its `index.d.ts`, bundles the React host and
/// lays out the site; returns its root.
pub fn build(ws: &Workspace) -> Result<PathBuf> {
    let pkg = crate::package_js::build(ws)?;
    crate::package_js::type_check(ws, &pkg)?;
    let start = Instant::now();
    check_package_name(&pkg)?;
    let site = ws.target_dir.join("js-hosts");
    if site.exists() {
        fs::remove_dir_all(&site).map_err(|e| format!("cannot clear {}: {e}", show(ws, &site)))?;
    }
    copy_tree(&pkg, &site.join("pkg"))?;
    copy_tree(&ws.root.join("examples/js-html"), &site.join("html"))?;
    bundle_react(ws, &pkg, &site.join("react"))?;
    write(&site.join("index.html"), INDEX)?;
    println!(
        "example hosts in {} ({})",
        show(ws, &site),
        secs(start.elapsed())
    );
    Ok(site)
}

/// esbuild (node_modules/.bin) bundles `src/main.jsx` with React into
/// `app.js`, the package's import resolved to `pkg` by its name, as a host
/// that installed it would import it. esbuild leaves the package's
/// `new URL("….wasm", import.meta.url)` as it is, so the `.wasm` goes beside
/// the bundle. React's development build: its warnings are console errors,
/// which the e2e fails on.
fn bundle_react(ws: &Workspace, pkg: &Path, out: &Path) -> Result<()> {
    let source = ws.root.join("examples/js-react");
    run_cmd(
        Command::new(ws.node_bin().join("esbuild"))
            .arg(source.join("src/main.jsx"))
            .args(["--bundle", "--format=esm", "--jsx=automatic", "--sourcemap"])
            .arg(format!("--alias:{PACKAGE_NAME}={}", pkg.display()))
            .arg("--define:process.env.NODE_ENV=\"development\"")
            .arg(format!("--outfile={}", out.join("app.js").display()))
            .arg("--log-level=warning"),
    )?;
    fs::copy(source.join("index.html"), out.join("index.html"))
        .map_err(|e| format!("cannot copy the React host's index.html: {e}"))?;
    for entry in read_dir(pkg)? {
        if entry.extension().is_some_and(|ext| ext == "wasm") {
            let name = entry.file_name().unwrap_or_default();
            fs::copy(&entry, out.join(name))
                .map_err(|e| format!("cannot copy {}: {e}", entry.display()))?;
        }
    }
    Ok(())
}

fn check_package_name(pkg: &Path) -> Result<()> {
    let path = pkg.join("package.json");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    match json["name"].as_str() {
        Some(PACKAGE_NAME) => Ok(()),
        other => Err(format!(
            "{} names the package {other:?}; examples/js-react imports it as {PACKAGE_NAME:?}",
            path.display()
        )),
    }
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for entry in read_dir(from)? {
        let target = to.join(entry.file_name().unwrap_or_default());
        if entry.is_dir() {
            copy_tree(&entry, &target)?;
        } else {
            fs::copy(&entry, &target)
                .map_err(|e| format!("cannot copy {}: {e}", entry.display()))?;
        }
    }
    Ok(())
}

fn read_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    entries
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
