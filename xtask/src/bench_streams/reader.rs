//! One open balance stream per thread (std only): when each event arrived, by id.
//! Also the process facts the benchmark needs: open-file limit and resident memory.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::Result;

/// What one stream saw: (event id, when it arrived), and whether the server closed it.
pub struct Seen {
    pub events: Vec<(u64, Instant)>,
    pub closed_early: bool,
}

/// Opens a stream of `workspace` as `token` on its own thread; `ready` counts
/// the streams that got their first event; the thread reads until `stop`.
pub fn open(
    addr: SocketAddr,
    workspace: &str,
    token: &str,
    ready: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
) -> Result<JoinHandle<Result<Seen>>> {
    let request = format!(
        "GET /api/v1/workspaces/{workspace}/events HTTP/1.1\r\nhost: {addr}\r\n\
         authorization: Bearer {token}\r\naccept: text/event-stream\r\n\r\n"
    );
    thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || read_stream(addr, &request, &ready, &stop))
        .map_err(|e| format!("cannot start a reader thread: {e}"))
}

fn read_stream(
    addr: SocketAddr,
    request: &str,
    ready: &AtomicUsize,
    stop: &AtomicBool,
) -> Result<Seen> {
    let mut stream = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_millis(200)))
        .map_err(|e| e.to_string())?;
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("write: {e}"))?;
    let mut seen = Seen {
        events: Vec::new(),
        closed_early: false,
    };
    let (mut buf, mut chunk) = (Vec::with_capacity(8 * 1024), vec![0u8; 16 * 1024]);
    let mut head_done = false;
    while !stop.load(Ordering::Relaxed) {
        let n = match stream.read(&mut chunk) {
            Ok(0) => {
                seen.closed_early = true;
                break;
            }
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                continue
            }
            Err(e) => return Err(format!("read: {e}")),
        };
        let at = Instant::now();
        buf.extend_from_slice(&chunk[..n]);
        if !head_done {
            let Some(end) = find(&buf, b"\r\n\r\n") else {
                continue;
            };
            if !buf.starts_with(b"HTTP/1.1 200") {
                return Err(format!(
                    "not a stream: {}",
                    String::from_utf8_lossy(&buf[..end])
                ));
            }
            buf.drain(..end + 4);
            head_done = true;
        }
        // Chunked transfer: the SSE text is split by chunk-size lines, which never
        // start with `id: `, so looking for the id lines is enough.
        while let Some(end) = find(&buf, b"\n") {
            let line: Vec<u8> = buf.drain(..=end).collect();
            if let Some(id) = line.strip_prefix(b"id: ") {
                let id = String::from_utf8_lossy(id).trim().parse::<u64>();
                let id = id.map_err(|e| format!("event id: {e}"))?;
                if seen.events.is_empty() {
                    ready.fetch_add(1, Ordering::SeqCst);
                }
                seen.events.push((id, at));
            }
        }
    }
    Ok(seen)
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A process's resident memory in KiB (`VmRSS` of `/proc/PID/status`).
pub fn rss_kib(pid: u32) -> Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("/proc/{pid}/status: {e}"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| format!("no VmRSS in /proc/{pid}/status"))
}

/// This process's soft limit on open files (`/proc/self/limits`), if it can be read.
pub fn open_file_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}
