//! `cargo xtask bench-streams`: many open balance streams on one release server
//! (loopback), spends at a steady rate, each fanned out to every stream.
//! Prints the delivery latency (spend answered -> event read on each stream,
//! p50/p99/max) and the server's memory per open stream (`VmRSS` before and
//! with the streams open). A benchmark, not a test: it fails only when it
//! cannot run, never on a figure.

mod reader;
mod report;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::server::{self, Options};
use crate::workspace::Workspace;
use crate::Result;
use report::report;

const WORKSPACE: &str = "ws_enterprise";
const TOKEN: &str = "tok_ent_owner";
/// One credit: the enterprise workspace's 48,000 leave room for every spend.
const SPEND: &str =
    r#"{"action":"image.generate","quality":"draft","count":1,"width":1024,"height":1024}"#;
const USAGE: &str = "usage: cargo xtask bench-streams [--streams N] [--seconds N] [--rate N]";

struct Args {
    streams: usize,
    seconds: u64,
    /// Spends per second.
    rate: u64,
}

pub fn run(ws: &Workspace, args: &[String]) -> Result<()> {
    let args = parse(args)?;
    let needed = args.streams as u64 * 2 + 200;
    if let Some(limit) = reader::open_file_limit().filter(|&l| l < needed) {
        return Err(format!(
            "{} streams need {needed} open files (server and client), the limit is {limit}: \
             raise it first, e.g. `ulimit -n {needed}`",
            args.streams
        ));
    }
    let opts = Options {
        listen: "127.0.0.1:0",
        seed_demo: true,
        static_dir: None,
        log_name: "streams-bench",
    };
    let server = server::start_release(ws, &opts, &[])?;
    let addr: SocketAddr = server
        .url
        .trim_start_matches("http://")
        .parse()
        .map_err(|e| format!("server address {}: {e}", server.url))?;
    let rss_before = reader::rss_kib(server.pid())?;

    let (ready, stop) = (
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicBool::new(false)),
    );
    let mut readers = Vec::with_capacity(args.streams);
    for _ in 0..args.streams {
        readers.push(reader::open(
            addr,
            WORKSPACE,
            TOKEN,
            ready.clone(),
            stop.clone(),
        )?);
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while ready.load(Ordering::SeqCst) < args.streams {
        if Instant::now() > deadline || readers.iter().any(|r| r.is_finished()) {
            stop.store(true, Ordering::SeqCst);
            let why = readers
                .into_iter()
                .filter(|r| r.is_finished())
                .find_map(|r| r.join().ok()?.err());
            return Err(format!(
                "{} of {} streams opened within 30 s{}",
                ready.load(Ordering::SeqCst),
                args.streams,
                why.map(|w| format!(": {w}")).unwrap_or_default()
            ));
        }
        thread::sleep(Duration::from_millis(20));
    }
    thread::sleep(Duration::from_millis(500));
    let rss_open = reader::rss_kib(server.pid())?;

    let answered = spend(addr, &args)?;
    // The last events' way to the slowest reader.
    thread::sleep(Duration::from_millis(1_000));
    stop.store(true, Ordering::SeqCst);
    let mut seen = Vec::with_capacity(args.streams);
    for r in readers {
        seen.push(r.join().map_err(|_| "a reader thread panicked")??);
    }
    drop(server);
    println!(
        "\n{}",
        report(&args, &answered, &seen, rss_before, rss_open)
    );
    Ok(())
}

fn parse(args: &[String]) -> Result<Args> {
    let mut out = Args {
        streams: 1_000,
        seconds: 5,
        rate: 20,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut number = |max: u64| -> Result<u64> {
            it.next()
                .and_then(|v| v.parse::<u64>().ok())
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| format!("{arg} wants a number from 1 to {max} ({USAGE})"))
        };
        match arg.as_str() {
            "--streams" => out.streams = number(10_000)? as usize,
            "--seconds" => out.seconds = number(60)?,
            "--rate" => out.rate = number(200)?,
            other => return Err(format!("unknown option `{other}` ({USAGE})")),
        }
    }
    Ok(out)
}

/// When a spend's request was sent, and when its answer's last byte was read.
pub struct Spent {
    pub sent: Instant,
    pub answered: Instant,
}

/// Spends at `rate` per second for `seconds` on one keep-alive connection, in order.
fn spend(addr: SocketAddr, args: &Args) -> Result<Vec<Spent>> {
    let mut conn = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    conn.set_nodelay(true).map_err(|e| e.to_string())?;
    conn.set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    let count = args.rate * args.seconds;
    let period = Duration::from_secs_f64(1.0 / args.rate as f64);
    let started = Instant::now();
    let mut answered = Vec::with_capacity(count as usize);
    let mut buf = Vec::new();
    for i in 0..count {
        let due = started + period * i as u32;
        thread::sleep(due.saturating_duration_since(Instant::now()));
        let request = format!(
            "POST /api/v1/workspaces/{WORKSPACE}/generations HTTP/1.1\r\nhost: {addr}\r\n\
             authorization: Bearer {TOKEN}\r\ncontent-type: application/json\r\n\
             idempotency-key: bench-streams-{i}\r\ncontent-length: {}\r\n\r\n{SPEND}",
            SPEND.len()
        );
        let sent = Instant::now();
        conn.write_all(request.as_bytes())
            .map_err(|e| format!("write: {e}"))?;
        read_answer(&mut conn, &mut buf)?;
        answered.push(Spent {
            sent,
            answered: Instant::now(),
        });
    }
    Ok(answered)
}

/// Reads one `201 Created` answer with a `Content-Length` body.
fn read_answer(conn: &mut TcpStream, buf: &mut Vec<u8>) -> Result<()> {
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = reader::find(buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            if !head.starts_with("http/1.1 201") {
                return Err(format!("a spend was refused: {head}"));
            }
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                buf.drain(..end + 4 + length);
                return Ok(());
            }
        }
        let n = conn.read(&mut chunk).map_err(|e| format!("read: {e}"))?;
        if n == 0 {
            return Err("the server closed the spending connection".into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}
