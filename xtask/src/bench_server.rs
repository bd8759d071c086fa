//! `cargo xtask bench-server`: quotes and generations per second against a
//! release build of the reference server on loopback, with p50/p99 latency.
//!
//! Bounded: each scenario runs for `--seconds` (default 5) or a request cap,
//! whichever comes first; nothing leaves 127.0.0.1.

mod load;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::server::{self, Options};
use crate::workspace::Workspace;
use crate::Result;

/// Requests per scenario at most.
const MAX_REQUESTS: usize = 2_000_000;
/// The enterprise workspace holds 48,000 credits: one per generation leaves room.
const MAX_GENERATIONS: usize = 40_000;

const IMAGE: &str =
    r#"{"action":"image.generate","quality":"standard","count":4,"width":1024,"height":1024}"#;

pub fn run(ws: &Workspace, args: &[String]) -> Result<()> {
    let (seconds, connections) = parse(args)?;
    let duration = Duration::from_secs(seconds);
    let opts = Options {
        listen: "127.0.0.1:0",
        seed_demo: true,
        static_dir: None,
        log_name: "server-bench",
    };
    let mut rows = Vec::new();
    {
        let server = server::start_release(ws, &opts, &[])?;
        let addr = address(&server.url)?;
        let single = quote_request(&addr, 1);
        let batch = quote_request(&addr, 8);
        load::run(
            addr,
            connections,
            Duration::from_secs(1),
            MAX_REQUESTS,
            constant(single.clone()),
        )?;
        rows.push((
            "quotes, 1 item",
            1,
            load::run(addr, connections, duration, MAX_REQUESTS, constant(single))?,
        ));
        rows.push((
            "quotes, 8 items",
            8,
            load::run(addr, connections, duration, MAX_REQUESTS, constant(batch))?,
        ));
        let gens = load::run(
            addr,
            connections,
            duration,
            MAX_GENERATIONS,
            generations(addr, "mem"),
        )?;
        rows.push(("generations, in-memory db", 1, gens));
    }
    let db = ws.scratch_dir()?.join("bench.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    {
        let extra = ["--db".to_owned(), db.display().to_string()];
        let server = server::start_release(ws, &opts, &extra)?;
        let addr = address(&server.url)?;
        let gens = load::run(
            addr,
            connections,
            duration,
            MAX_GENERATIONS,
            generations(addr, "file"),
        )?;
        rows.push(("generations, file db (WAL, fsync)", 1, gens));
    }
    println!("\n{}", report(&rows, connections));
    Ok(())
}

fn parse(args: &[String]) -> Result<(u64, usize)> {
    let (mut seconds, mut connections) = (5, 4);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str, max: u64| -> Result<u64> {
            args.next()
                .and_then(|v| v.parse::<u64>().ok())
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| format!("{name} wants a number from 1 to {max}"))
        };
        match arg.as_str() {
            "--seconds" => seconds = number("--seconds", 60)?,
            "--connections" => connections = number("--connections", 64)? as usize,
            other => return Err(format!("unknown option `{other}` (usage: cargo xtask bench-server [--seconds N] [--connections N])")),
        }
    }
    Ok((seconds, connections))
}

fn address(url: &str) -> Result<SocketAddr> {
    url.trim_start_matches("http://")
        .parse()
        .map_err(|e| format!("server address {url}: {e}"))
}

fn constant(request: Vec<u8>) -> Arc<load::MakeRequest> {
    Arc::new(move |_, _| request.clone())
}

fn quote_request(addr: &SocketAddr, items: usize) -> Vec<u8> {
    let body = format!(r#"{{"items":[{}]}}"#, vec![IMAGE; items].join(","));
    post(
        addr,
        "/api/v1/workspaces/ws_pro_team/quotes",
        "tok_pro_admin",
        "",
        &body,
    )
}

/// One-credit generations on the enterprise workspace, each with its own key.
fn generations(addr: SocketAddr, run: &'static str) -> Arc<load::MakeRequest> {
    let body =
        r#"{"action":"image.generate","quality":"draft","count":1,"width":1024,"height":1024}"#;
    Arc::new(move |c, i| {
        let key = format!("idempotency-key: bench-{run}-{c}-{i}\r\n");
        post(
            &addr,
            "/api/v1/workspaces/ws_enterprise/generations",
            "tok_ent_owner",
            &key,
            body,
        )
    })
}

fn post(addr: &SocketAddr, path: &str, token: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer {token}\r\n\
         content-type: application/json\r\n{extra}content-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn report(rows: &[(&str, usize, load::Outcome)], connections: usize) -> String {
    let mut out = format!(
        "{:<34} {:>9} {:>10} {:>10} {:>8} {:>8} {:>6}\n",
        "scenario", "requests", "req/s", "quotes/s", "p50 ms", "p99 ms", "non-2xx"
    );
    for (name, items, o) in rows {
        let quotes = if name.starts_with("quotes") {
            format!("{:.0}", o.per_second() * *items as f64)
        } else {
            "-".to_owned()
        };
        out.push_str(&format!(
            "{name:<34} {:>9} {:>10.0} {quotes:>10} {:>8.2} {:>8.2} {:>6}\n",
            o.requests,
            o.per_second(),
            o.percentile_ms(50),
            o.percentile_ms(99),
            o.not_2xx
        ));
    }
    out.push_str(&format!(
        "({connections} keep-alive connections, one thread each, on loopback)"
    ));
    out
}
