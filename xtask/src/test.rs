//! `cargo xtask test`: every check, in order, stopping at the first failure.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::host_tests;
use crate::process::{run as run_cmd, secs};
use crate::server;
use crate::smoke;
use crate::test_price_book;
use crate::tools;
use crate::workspace::Workspace;
use crate::Result;

type StepFn = fn(&Workspace) -> Result<()>;

/// (name for `--only`, name in the report, step)
const STEPS: &[(&str, &str, StepFn)] = &[
    ("tools", "install tools", install),
    ("fmt", "rustfmt check", fmt),
    ("clippy", "clippy (native)", clippy_native),
    ("clippy-wasm", "clippy (wasm)", clippy_wasm),
    ("clippy-hydrate", "clippy (wasm, hydrate)", clippy_hydrate),
    ("native", "tests (native)", tests_native),
    ("publish", "publish dry-run", crate::publish::dry_run),
    (
        "contract",
        "API contract (schemathesis)",
        crate::contract::run_step,
    ),
    (
        "openapi",
        "OpenAPI lint and generated client",
        crate::openapi_check::run_step,
    ),
    ("browser", "tests (browser)", tests_browser),
    ("host-tests", "example host tests", host_tests::run_step),
    ("smoke", "demo smoke", demo_smoke),
    ("js-hosts", "JS example hosts", crate::js_hosts::test),
    ("size", "size budget", crate::size::run),
    ("ssr-host", "SSR host (browser)", crate::ssr_host::test),
];

/// The step names `--only NAME` (repeatable) selects; the tool installs
/// always run. No options: every step.
pub fn parse_only(args: &[String]) -> Result<Vec<&'static str>> {
    let names: Vec<&str> = STEPS.iter().map(|(n, _, _)| *n).collect();
    let mut only = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--only=") {
            Some(v) => v,
            None if arg == "--only" => args.next().map(String::as_str).unwrap_or(""),
            None => {
                return Err(format!(
                    "unknown option `{arg}` (usage: cargo xtask test [--only STEP]...)"
                ))
            }
        };
        let Some(name) = names.iter().find(|n| **n == value) else {
            return Err(format!(
                "--only wants one of {} (got `{value}`)",
                names.join(", ")
            ));
        };
        only.push(*name);
    }
    Ok(only)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    Ok,
    Failed,
    NotRun,
}

pub fn run(ws: &Workspace, args: &[String]) -> Result<()> {
    let only = parse_only(args)?;
    let selected: Vec<_> = STEPS
        .iter()
        .filter(|(key, _, _)| only.is_empty() || *key == "tools" || only.contains(key))
        .collect();
    let started = Instant::now();
    let mut results: Vec<(&str, Outcome, Duration)> = Vec::new();
    let mut failure = None;
    for (i, (_, name, step)) in selected.iter().enumerate() {
        if failure.is_some() {
            results.push((name, Outcome::NotRun, Duration::ZERO));
            continue;
        }
        println!("\n==> [{}/{}] {name}", i + 1, selected.len());
        let t = Instant::now();
        let result = step(ws);
        let dt = t.elapsed();
        match result {
            Ok(()) => {
                println!("<== {name}: ok in {}", secs(dt));
                results.push((name, Outcome::Ok, dt));
            }
            Err(e) => {
                println!("<== {name}: FAILED in {}", secs(dt));
                results.push((name, Outcome::Failed, dt));
                failure = Some(format!("step `{name}` failed: {e}"));
            }
        }
    }
    println!("\n{}", summary(&results, started.elapsed()));
    match failure {
        None => Ok(()),
        Some(e) => Err(e),
    }
}

pub fn summary(results: &[(&str, Outcome, Duration)], total: Duration) -> String {
    let width = results
        .iter()
        .map(|(n, _, _)| n.len())
        .max()
        .unwrap_or(0)
        .max("total".len());
    let mut out = format!("{:<width$}  {:<7}  {:>8}\n", "step", "result", "time");
    out.push_str(&format!("{}\n", "-".repeat(width + 19)));
    for (name, outcome, dt) in results {
        let (word, time) = match outcome {
            Outcome::Ok => ("ok", secs(*dt)),
            Outcome::Failed => ("FAILED", secs(*dt)),
            Outcome::NotRun => ("not run", "-".to_string()),
        };
        out.push_str(&format!("{name:<width$}  {word:<7}  {time:>8}\n"));
    }
    out.push_str(&format!("{}\n", "-".repeat(width + 19)));
    out.push_str(&format!(
        "{:<width$}  {:<7}  {:>8}",
        "total",
        "",
        secs(total)
    ));
    out
}

fn cargo(args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(args);
    cmd
}

fn install(ws: &Workspace) -> Result<()> {
    tools::ensure(ws, tools::ALL)
}

fn fmt(_: &Workspace) -> Result<()> {
    run_cmd(&mut cargo(&["fmt", "--all", "--", "--check"]))
}

/// The example host crate, the size probes and the custom elements are
/// browser crates that turn on `leptos/csr`; built beside the library natively, feature unification
/// would give the `ssr` checks and tests Leptos's client mode (effects on).
/// The host crate's own step (`host-tests`) lints and tests it for its
/// target; the probes and the elements are linted with the library for
/// wasm32 (xtask tests the elements' table natively).
const NATIVE_EXCLUDE: [&str; 6] = [
    "--exclude",
    host_tests::PACKAGE,
    "--exclude",
    crate::probes::PACKAGE,
    "--exclude",
    crate::package_js::PACKAGE,
];

fn clippy_native(_: &Workspace) -> Result<()> {
    run_cmd(
        cargo(&["clippy", "--workspace"])
            .args(NATIVE_EXCLUDE)
            .args([
                "--all-targets",
                "--features",
                "leptos-credits/ssr",
                "--",
                "-D",
                "warnings",
            ]),
    )
}

/// Clippy on the library for wasm32: `targets` (`--lib`, `--all-targets`) with `features`.
fn clippy_wasm32(targets: &str, features: &str) -> Result<()> {
    run_cmd(&mut cargo(&[
        "clippy",
        "-p",
        "leptos-credits",
        "--target",
        tools::WASM_TARGET,
        targets,
        "--features",
        features,
        "--",
        "-D",
        "warnings",
    ]))
}

/// The `hydrate` mode: the library as a server-rendered page's browser half uses it.
fn clippy_hydrate(_: &Workspace) -> Result<()> {
    clippy_wasm32("--lib", "hydrate")
}

fn clippy_wasm(_: &Workspace) -> Result<()> {
    clippy_wasm32("--all-targets", "csr,testing")?;
    run_cmd(&mut cargo(&[
        "clippy",
        "-p",
        crate::probes::PACKAGE,
        "--target",
        tools::WASM_TARGET,
        "--bins",
        "--",
        "-D",
        "warnings",
    ]))?;
    run_cmd(&mut cargo(&[
        "clippy",
        "-p",
        crate::package_js::PACKAGE,
        "--target",
        tools::WASM_TARGET,
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

/// Includes the server's real-HTTP tests, the doctests (doctests only
/// prove something natively) and every component rendered under `ssr`.
fn tests_native(_: &Workspace) -> Result<()> {
    run_cmd(
        cargo(&["test", "--workspace"])
            .args(NATIVE_EXCLUDE)
            .args(["--features", "leptos-credits/ssr"]),
    )
}

/// `#[wasm_bindgen_test]` tests in headless Chromium (the runner is set in
/// .cargo/config.toml, the browser flags in webdriver.json), against a
/// seeded reference server with its test hooks on, whose two base URLs are
/// compiled in: `CREDITS_TEST_API` and `CREDITS_TEST_FLAKY_API` (the port
/// the tests can close and reopen through `POST /api/_test/flaky`).
fn tests_browser(ws: &Workspace) -> Result<()> {
    let price_book = test_price_book::write(ws)?;
    let server = server::start_with_test_hooks(
        ws,
        &server::Options {
            listen: "127.0.0.1:0",
            seed_demo: true,
            static_dir: None,
            log_name: "server-browser-tests",
        },
        &["--price-book".to_owned(), price_book.display().to_string()],
    )?;
    let api = format!("{}/api", server.url);
    let flaky_api = server
        .flaky_url
        .as_ref()
        .map(|url| format!("{url}/api"))
        .unwrap_or_default();
    let result = run_cmd(
        cargo(&[
            "test",
            "-p",
            "leptos-credits",
            "--target",
            tools::WASM_TARGET,
            "--features",
            "csr,testing",
            "--lib",
            "--tests",
        ])
        .env("CREDITS_TEST_API", &api)
        .env("CREDITS_TEST_FLAKY_API", &flaky_api)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    );
    let note = server.log_note();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}"))
}

fn demo_smoke(ws: &Workspace) -> Result<()> {
    smoke::run(ws)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_steps() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(parse_only(&args(&[])).unwrap().is_empty());
        assert_eq!(
            parse_only(&args(&["--only", "browser", "--only=smoke"])).unwrap(),
            ["browser", "smoke"]
        );
        assert!(parse_only(&args(&["--only", "nope"])).is_err());
        assert!(parse_only(&args(&["--only"])).is_err());
        assert!(parse_only(&args(&["--fast"])).is_err());
    }

    #[test]
    fn summary_lists_every_step() {
        let results = [
            ("install tools", Outcome::Ok, Duration::from_millis(1500)),
            ("clippy (wasm)", Outcome::Failed, Duration::from_secs(12)),
            ("demo smoke", Outcome::NotRun, Duration::ZERO),
        ];
        let s = summary(&results, Duration::from_secs(14));
        assert!(s.contains("install tools  ok          1.5 s"), "{s}");
        assert!(s.contains("clippy (wasm)  FAILED     12.0 s"), "{s}");
        assert!(s.contains("demo smoke     not run         -"), "{s}");
        assert!(s.ends_with("14.0 s"), "{s}");
    }
}
