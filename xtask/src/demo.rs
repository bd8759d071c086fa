//! `cargo xtask demo`: the release demo, served by the reference server.

use std::process::Command;
use std::time::Instant;

use crate::precompress;
use crate::process::{self, secs};
use crate::server;
use crate::tools;
use crate::workspace::Workspace;
use crate::Result;

const DEFAULT_PORT: u16 = 8080;

pub fn run(ws: &Workspace, args: &[String]) -> Result<()> {
    let port = parse_port(args, "demo", DEFAULT_PORT)?;
    tools::ensure(ws, tools::BUILD)?;
    trunk_build(ws)?;
    serve_site(ws, port, "dist".as_ref(), "server-demo", "Demo: {url}/")
}

/// Serves `site` with the reference API and the demo data on `port` until
/// Ctrl-C, saying `what` (with `{url}` filled in) once it is up.
pub fn serve_site(
    ws: &Workspace,
    port: u16,
    site: &std::path::Path,
    log_name: &str,
    what: &str,
) -> Result<()> {
    let listen = format!("127.0.0.1:{port}");
    let mut server = server::start(
        ws,
        &server::Options {
            listen: &listen,
            seed_demo: true,
            static_dir: Some(site),
            log_name,
        },
    )?;
    server.serve_until_stopped(what)
}

/// `trunk build --release` of index.html into dist/, then the brotli and gzip copies the
/// reference server sends (`NAME.br`, `NAME.gz`).
pub fn trunk_build(ws: &Workspace) -> Result<()> {
    let start = Instant::now();
    process::run(
        Command::new("trunk")
            .args(["build", "--release"])
            .env("RUSTFLAGS", shipped_rustflags())
            .current_dir(&ws.root),
    )?;
    println!("trunk build --release: {}", secs(start.elapsed()));
    precompress::dist(&ws.root.join("dist"))
}

/// `RUSTFLAGS` for the wasm that ships (the demo and the size probes): the
/// caller's own, plus Leptos's `erase_components`, which erases each
/// component's view type at its edge and saves a tenth of the wasm (README,
/// "Size"). Only here: a server-rendered page must render with the same
/// setting as its hydrating wasm, and the browser tests test the default.
pub fn shipped_rustflags() -> String {
    let own = std::env::var("RUSTFLAGS").unwrap_or_default();
    format!("{own} --cfg erase_components").trim().to_string()
}

/// `[--port N]` of `cargo xtask COMMAND`; `default` when absent.
pub fn parse_port(args: &[String], command: &str, default: u16) -> Result<u16> {
    let mut port = default;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = if arg == "--port" {
            args.next()
                .ok_or("--port needs a value, e.g. --port 8080")?
                .as_str()
        } else if let Some(v) = arg.strip_prefix("--port=") {
            v
        } else {
            return Err(format!(
                "unknown option `{arg}` for `cargo xtask {command}` (usage: cargo xtask {command} [--port N])"
            ));
        };
        port = value
            .parse()
            .map_err(|_| format!("--port wants a port number, got `{value}`"))?;
    }
    Ok(port)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ports() {
        let parse = |a: &[&str]| parse_port(&args(a), "demo", DEFAULT_PORT);
        assert_eq!(parse(&[]).unwrap(), 8080);
        assert_eq!(parse(&["--port", "9000"]).unwrap(), 9000);
        assert_eq!(parse(&["--port=0"]).unwrap(), 0);
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "http"]).is_err());
        let err = parse_port(&args(&["--verbose"]), "ssr-host", 3000).unwrap_err();
        assert!(err.contains("cargo xtask ssr-host [--port N]"), "{err}");
        assert_eq!(parse_port(&args(&[]), "ssr-host", 3000).unwrap(), 3000);
    }
}
