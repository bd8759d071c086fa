//! The demo smoke test: the release build of the demo, served by the
//! reference server, used in headless Chromium by `e2e/demo.mjs` (its badge
//! must show the server's quote in credits, then real key presses and clicks)
//! and checked by `e2e/a11y.mjs` and, in Arabic and German, by
//! `e2e/demo_i18n.mjs`; then `e2e/demo_buying.mjs` buys through it, while
//! `e2e/demo_live.mjs` follows the live balance on servers of its own.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::process::{capture_with_timeout, failed, tail};
use crate::server::{self, Server};
use crate::workspace::{show, Workspace};
use crate::{demo, Result};

pub fn run(ws: &Workspace) -> Result<()> {
    demo::trunk_build(ws)?;
    let server = serve_dist(ws, "server-demo-smoke")?;
    let result = end_to_end(ws, &server);
    let note = server.log_note();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}"))
}

/// The built demo (`dist/`) with the demo data, served by the reference
/// server on a free port; its log is `target/xtask/<log_name>.log`.
pub fn serve_dist(ws: &Workspace, log_name: &str) -> Result<Server> {
    server::start(
        ws,
        &server::Options {
            listen: "127.0.0.1:0",
            seed_demo: true,
            static_dir: Some("dist".as_ref()),
            log_name,
        },
    )
}

/// `e2e/demo.mjs`: the demo driven with real key presses and clicks
/// (playwright-core on Debian's Chromium); then `e2e/a11y.mjs`: axe-core over
/// every state, both themes, and the layout at phone widths; then
/// `e2e/demo_i18n.mjs`: the language switch, right-to-left and 320 px in
/// Arabic and German; then [`buying`]. All run, and any failing fails the
/// step. Screenshots land in target/xtask/.
fn end_to_end(ws: &Workspace, server: &Server) -> Result<()> {
    // The live check waits two idle minutes: it runs alongside the others.
    let live = live(ws)?;
    let mut results = vec![
        node_script(ws, "e2e/demo.mjs", server),
        node_script(ws, "e2e/a11y.mjs", server),
        node_script(ws, "e2e/demo_i18n.mjs", server),
        buying(ws),
    ];
    results.push(finish_live(ws, live));
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    match failures.is_empty() {
        true => Ok(()),
        false => Err(failures.join("\n")),
    }
}

/// `e2e/demo_buying.mjs` buys, which changes the workspaces the other
/// scripts expect as seeded, and expects them as seeded itself: it gets a
/// server of its own.
fn buying(ws: &Workspace) -> Result<()> {
    let server = serve_dist(ws, "server-demo-buying")?;
    let result = node_script(ws, "e2e/demo_buying.mjs", &server);
    let note = server.log_note();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}"))
}

/// Starts `e2e/demo_live.mjs SERVER DIST SCRATCH_DIR`: two members on the
/// shared pool, an idle page, and a server restart on the same port and file
/// database, so it starts and stops servers of its own (the dev build
/// [`serve_dist`] made). Its output is kept until [`finish_live`].
fn live(ws: &Workspace) -> Result<std::process::Child> {
    let exe = ws.target_dir.join("debug").join("credits-server");
    let log = ws.scratch_dir()?.join("demo-live.log");
    let out = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
    let err = out
        .try_clone()
        .map_err(|e| format!("{}: {e}", log.display()))?;
    Command::new("node")
        .current_dir(&ws.root)
        .arg("e2e/demo_live.mjs")
        .arg(&exe)
        .arg(ws.root.join("dist"))
        .arg(ws.scratch_dir()?)
        .stdout(out)
        .stderr(err)
        .spawn()
        .map_err(|e| format!("cannot start node e2e/demo_live.mjs: {e}"))
}

/// Waits for `e2e/demo_live.mjs` (at most 5 minutes) and prints its lines.
fn finish_live(ws: &Workspace, mut child: std::process::Child) -> Result<()> {
    let log = ws.scratch_dir()?.join("demo-live.log");
    let deadline = std::time::Instant::now() + Duration::from_secs(300);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(200))
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let output = std::fs::read_to_string(&log).unwrap_or_default();
    print!("{output}");
    match status {
        Some(s) if s.success() => Ok(()),
        Some(s) => Err(format!(
            "node e2e/demo_live.mjs failed ({s}); its log: {}",
            show(ws, &log)
        )),
        None => Err(format!(
            "node e2e/demo_live.mjs took over 5 minutes; its log: {}",
            show(ws, &log)
        )),
    }
}

/// Runs `node SCRIPT URL/ SCRATCH_DIR`, a playwright-core check of the page
/// `server` serves, printing its lines; fails with the end of its stderr.
pub fn node_script(ws: &Workspace, script: &str, server: &Server) -> Result<()> {
    let scratch = ws.scratch_dir()?;
    node_script_into(ws, script, server, &scratch, Duration::from_secs(180))
}

/// As [`node_script`], with the screenshots going to `dir` and `timeout`
/// for the whole script.
pub fn node_script_into(
    ws: &Workspace,
    script: &str,
    server: &Server,
    dir: &Path,
    timeout: Duration,
) -> Result<()> {
    let mut cmd = Command::new("node");
    cmd.current_dir(&ws.root)
        .arg(script)
        .arg(format!("{}/", server.url))
        .arg(dir);
    let captured = capture_with_timeout(&mut cmd, timeout)?;
    print!("{}", captured.stdout);
    if captured.status.success() {
        return Ok(());
    }
    Err(format!(
        "{}
{}
(screenshots in {})",
        failed(&cmd, captured.status),
        tail(&captured.stderr, 30),
        show(ws, dir)
    ))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The browser tests' Chromium (webdriver.json) and the e2e scripts'
    /// (`FLAGS` in e2e/harness.mjs) get the same flags for the closed network.
    #[test]
    fn webdriver_json_flags_are_the_e2e_flags() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let read = |name: &str| std::fs::read_to_string(root.join(name)).unwrap();
        let webdriver: serde_json::Value = serde_json::from_str(&read("webdriver.json")).unwrap();
        let flags = webdriver["goog:chromeOptions"]["args"]
            .as_array()
            .expect("webdriver.json has goog:chromeOptions.args");
        assert!(!flags.is_empty());
        let harness = read("e2e/harness.mjs");
        let e2e_flags = harness
            .split_once("export const FLAGS = [")
            .and_then(|(_, rest)| rest.split_once("];"))
            .map(|(list, _)| list)
            .expect("e2e/harness.mjs exports FLAGS");
        for flag in flags {
            let flag = flag.as_str().expect("webdriver.json's args are strings");
            assert!(
                e2e_flags.contains(&format!("\"{flag}\"")),
                "e2e/harness.mjs's FLAGS lack {flag}"
            );
        }
    }
}
