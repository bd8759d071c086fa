//! The load generator: keep-alive HTTP/1.1 over std `TcpStream`s, one thread per connection.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::Result;

/// Writes the bytes of request number `i` of connection `c`.
pub type MakeRequest = dyn Fn(usize, usize) -> Vec<u8> + Send + Sync;

/// What one scenario measured.
pub struct Outcome {
    pub requests: usize,
    pub not_2xx: usize,
    pub elapsed: Duration,
    /// Microseconds, sorted.
    pub latencies: Vec<u32>,
}

impl Outcome {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The `p`-th percentile latency in milliseconds.
    pub fn percentile_ms(&self, p: usize) -> f64 {
        let i = (self.latencies.len() * p / 100).min(self.latencies.len().saturating_sub(1));
        self.latencies
            .get(i)
            .map_or(0.0, |us| f64::from(*us) / 1000.0)
    }
}

/// Runs `connections` clients until `duration` passes or `max` requests were sent.
pub fn run(
    addr: SocketAddr,
    connections: usize,
    duration: Duration,
    max: usize,
    make: Arc<MakeRequest>,
) -> Result<Outcome> {
    let sent = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + duration;
    let workers: Vec<_> = (0..connections)
        .map(|c| {
            let (sent, make) = (sent.clone(), make.clone());
            thread::spawn(move || client(addr, c, deadline, max, &sent, &*make))
        })
        .collect();
    let mut total = Outcome {
        requests: 0,
        not_2xx: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
    };
    for w in workers {
        let (latencies, not_2xx) = w.join().map_err(|_| "a load thread panicked")??;
        total.requests += latencies.len();
        total.not_2xx += not_2xx;
        total.latencies.extend(latencies);
    }
    total.elapsed = started.elapsed();
    total.latencies.sort_unstable();
    Ok(total)
}

/// One keep-alive connection: its latencies (µs) and how many answers were not 2xx.
fn client(
    addr: SocketAddr,
    c: usize,
    deadline: Instant,
    max: usize,
    sent: &AtomicUsize,
    make: &MakeRequest,
) -> Result<(Vec<u32>, usize)> {
    let mut stream = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    let mut buf = Vec::with_capacity(16 * 1024);
    let (mut latencies, mut not_2xx) = (Vec::new(), 0);
    let mut i = 0;
    while Instant::now() < deadline && sent.fetch_add(1, Ordering::Relaxed) < max {
        let request = make(c, i);
        i += 1;
        let t = Instant::now();
        stream
            .write_all(&request)
            .map_err(|e| format!("write: {e}"))?;
        let status = read_response(&mut stream, &mut buf)?;
        latencies.push(u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX));
        if !(200..300).contains(&status) {
            not_2xx += 1;
        }
    }
    Ok((latencies, not_2xx))
}

/// Reads one response (status line, headers, `Content-Length` body); returns its status.
fn read_response(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Result<u16> {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if let Some(end) = find(buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let status = head
                .get(9..12)
                .and_then(|s| s.parse::<u16>().ok())
                .ok_or_else(|| format!("not an HTTP response: {head:?}"))?;
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                buf.drain(..end + 4 + length);
                return Ok(status);
            }
        }
        let n = stream.read(&mut chunk).map_err(|e| format!("read: {e}"))?;
        if n == 0 {
            return Err("the server closed the connection".into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_from_the_sorted_latencies() {
        let o = Outcome {
            requests: 100,
            not_2xx: 0,
            elapsed: Duration::from_secs(2),
            latencies: (1..=100).map(|v| v * 1000).collect(),
        };
        assert_eq!(o.per_second(), 50.0);
        assert_eq!(o.percentile_ms(50), 51.0);
        assert_eq!(o.percentile_ms(99), 100.0);
        assert_eq!(find(b"ab\r\n\r\nc", b"\r\n\r\n"), Some(2));
    }
}
