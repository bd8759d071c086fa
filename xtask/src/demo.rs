//! `cargo xtask demo`: the release demo, served by the reference server.

use std::process::Command;
use std::time::Instant;

use crate::process::{self, secs};
use crate::server;
use crate::tools;
use crate::workspace::Workspace;
use crate::Result;

const DEFAULT_PORT: u16 = 8080;

pub fn run(ws: &Workspace, args: &[String]) -> Result<()> {
    let port = parse_port(args)?;
    tools::ensure(ws, tools::BUILD)?;
    trunk_build(ws)?;
    let listen = format!("127.0.0.1:{port}");
    let mut server = server::start(
        ws,
        &server::Options {
            listen: &listen,
            seed_demo: true,
            static_dir: Some("dist".as_ref()),
            log_name: "server-demo",
        },
    )?;
    let line = "=".repeat(60);
    println!(
        "\n{line}\n  Demo: {}/\n  Ctrl-C stops it. {}\n{line}\n",
        server.url,
        server.log_note()
    );
    let status = server.wait()?;
    if status.success() {
        println!("server stopped");
        Ok(())
    } else {
        Err(format!(
            "credits-server (pid {}) exited with {status}\n{}\n{}",
            server.pid(),
            server.log_note(),
            server.log_tail()
        ))
    }
}

/// `trunk build --release` of index.html into dist/.
pub fn trunk_build(ws: &Workspace) -> Result<()> {
    let start = Instant::now();
    process::run(
        Command::new("trunk")
            .args(["build", "--release"])
            .current_dir(&ws.root),
    )?;
    println!("trunk build --release: {}", secs(start.elapsed()));
    Ok(())
}

fn parse_port(args: &[String]) -> Result<u16> {
    let mut port = DEFAULT_PORT;
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
                "unknown option `{arg}` for `cargo xtask demo` (usage: cargo xtask demo [--port N])"
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
        assert_eq!(parse_port(&args(&[])).unwrap(), 8080);
        assert_eq!(parse_port(&args(&["--port", "9000"])).unwrap(), 9000);
        assert_eq!(parse_port(&args(&["--port=0"])).unwrap(), 0);
        assert!(parse_port(&args(&["--port"])).is_err());
        assert!(parse_port(&args(&["--port", "http"])).is_err());
        assert!(parse_port(&args(&["--verbose"])).is_err());
    }
}
