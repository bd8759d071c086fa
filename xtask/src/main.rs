//! `cargo xtask <command>`: the project's developer tooling.
//!
//! The alias lives in `.cargo/config.toml`. Argument parsing is std-only; the
//! dependencies are the compressors `cargo xtask size` reports with and the
//! demo's build writes its `.br`/`.gz` copies with, and serde (`toml`,
//! `serde_json`) for the files that pin the tools.

mod bench_server;
mod bench_streams;
mod budget;
mod contract;
mod demo;
mod host_tests;
mod js_hosts;
mod openapi_check;
mod package_js;
mod precompress;
mod probes;
mod process;
mod publish;
mod screenshots;
mod server;
mod size;
mod smoke;
mod ssr_host;
mod test;
mod test_price_book;
mod tools;
mod workspace;

use std::process::ExitCode;

pub type Result<T, E = String> = std::result::Result<T, E>;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  setup              Install every pinned tool this project needs (idempotent;
                     seconds when everything is already there): the wasm32
                     target, wasm-bindgen-cli (version from Cargo.lock), Trunk,
                     wasm-opt (npm binaryen, see package.json), Chromium and
                     chromedriver.
  test [--only STEP]...
                     Install the tools, then run every check in order, stopping
                     at the first failure: rustfmt (fmt), clippy (clippy,
                     clippy-wasm, clippy-hydrate), native tests (native), the crates'
                     publish dry-run (publish), the property-based API
                     contract test (contract), the OpenAPI lint and the
                     generated TypeScript client's type check (openapi),
                     browser tests against the reference server (browser),
                     the example host crate's browser tests (host-tests), a
                     smoke test of the release demo in headless Chromium,
                     buying included (smoke), the JS package's two example
                     hosts in Chromium (js-hosts), the size budget (size),
                     and the server-rendered example hydrating in Chromium
                     (ssr-host). --only runs just the named steps (after the
                     installs).
  demo [--port N]    Build the demo with Trunk (release), write brotli and gzip
                     copies of its files (NAME.br, NAME.gz), and serve it with
                     the reference server on http://127.0.0.1:N/ (default
                     8080) until Ctrl-C.
  ssr-host [--port N]
                     Build examples/ssr-host (a leptos_axum app, debug wasm
                     from cargo + wasm-bindgen) and serve it, with the
                     reference API at /api in the same process, on
                     http://127.0.0.1:N/ (default 3000) until Ctrl-C.
  js-hosts [--port N]
                     Build the JS package (package-js) and its two example
                     hosts, examples/js-html (plain HTML, no build step) and
                     examples/js-react (React, bundled with esbuild), into
                     target/js-hosts/, and serve them with the reference API
                     (demo data) on http://127.0.0.1:N/html/ and /react/
                     (default 8081) until Ctrl-C.
  size               Build the demo (release) and print raw, gzip -9 and
                     brotli -q 11 sizes of every .wasm, .js and .css in dist/,
                     then each surface probe's (examples/size-probes) and what
                     it adds over the base probe; fails when any figure is over
                     its budget (xtask/src/budget.rs).
  screenshots        Build the demo (release), serve it with the reference server
                     on a free port, and photograph each surface with
                     e2e/screenshots.mjs (playwright-core, Debian's Chromium):
                     the generation bar with the estimator open, each
                     out-of-credits prompt the demo's workspaces open, and
                     Settings -> Subscription, at 1280x800 and 375x812, light
                     and dark, into docs/images/ (replacing the PNGs there).
  bench-server [--seconds N] [--connections N]
                     Build the reference server (release) and load it on
                     loopback: single and 8-item quotes per second, and
                     generations per second (in-memory and file database),
                     with p50/p99 latency. Each scenario runs N seconds
                     (default 5) over N keep-alive connections (default 4).
  bench-streams [--streams N] [--seconds N] [--rate N]
                     Build the reference server (release), open N balance
                     streams on loopback (default 1000), spend N times a second
                     (default 20) for N seconds (default 5), and print the
                     delivery latency to every stream (p50/p99) and the
                     server's memory per open stream.
  package-js         Build the npm package for hosts that don't write Rust into
                     pkg/: the custom elements (crates/credits-elements) as
                     wasm-bindgen --target web plus wasm-opt, index.js that
                     defines them, index.d.ts, package.json and a README; print
                     its transfer size (brotli).
  help, --help       Show this text.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first().map(String::as_str) else {
        print!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    if matches!(command, "help" | "--help" | "-h") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }

    let ws = match workspace::Workspace::locate() {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    ws.prepare_child_environment();

    let result = match command {
        "setup" => no_options(command, rest).and_then(|()| tools::ensure(&ws, tools::ALL)),
        "test" => test::run(&ws, rest),
        "demo" => demo::run(&ws, rest),
        "size" => no_options(command, rest).and_then(|()| size::run(&ws)),
        "screenshots" => no_options(command, rest).and_then(|()| screenshots::run(&ws)),
        "bench-server" => bench_server::run(&ws, rest),
        "bench-streams" => bench_streams::run(&ws, rest),
        "ssr-host" => ssr_host::run(&ws, rest),
        "package-js" => no_options(command, rest).and_then(|()| package_js::run_command(&ws)),
        "js-hosts" => js_hosts::run(&ws, rest),
        other => {
            eprintln!("xtask: unknown command `{other}`\n");
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask {command}: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn no_options(command: &str, rest: &[String]) -> Result<()> {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!(
            "`cargo xtask {command}` takes no arguments (got `{arg}`); see `cargo xtask --help`"
        )),
    }
}
