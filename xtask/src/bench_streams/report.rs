//! The benchmark's figures: delivery latency per (spend, stream) and memory per stream.

use super::reader::Seen;
use super::{Args, Spent};

/// The `p`-th percentile of sorted microseconds, in milliseconds.
fn percentile_ms(sorted: &[u64], p: usize) -> f64 {
    let i = (sorted.len() * p / 100).min(sorted.len().saturating_sub(1));
    sorted.get(i).map_or(0.0, |us| *us as f64 / 1000.0)
}

pub fn report(
    args: &Args,
    answered: &[Spent],
    seen: &[Seen],
    rss_before: u64,
    rss_open: u64,
) -> String {
    let (mut latencies, mut from_sent) = (Vec::new(), Vec::new());
    let mut early = 0usize;
    let micros = |d: std::time::Duration| u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
    for stream in seen {
        // The first event is the balance at connection; spend `i` is event `first + 1 + i`.
        let Some(&(first, _)) = stream.events.first() else {
            continue;
        };
        for &(id, at) in &stream.events[1..] {
            let Some(done) = id
                .checked_sub(first + 1)
                .and_then(|i| answered.get(usize::try_from(i).ok()?))
            else {
                continue;
            };
            if at < done.answered {
                early += 1;
            }
            latencies.push(micros(at.saturating_duration_since(done.answered)));
            from_sent.push(micros(at.saturating_duration_since(done.sent)));
        }
    }
    latencies.sort_unstable();
    from_sent.sort_unstable();
    let expected = answered.len() * args.streams;
    let closed = seen.iter().filter(|s| s.closed_early).count();
    let per_stream = rss_open.saturating_sub(rss_before) as f64 / args.streams as f64;
    let p99 = percentile_ms(&latencies, 99);
    format!(
        "{} open streams, {} spends at {}/s, each fanned out to every stream (loopback)\n\
         deliveries        {} of {} ({} before the spend's answer was read, counted as 0 ms)\n\
         streams closed    {closed} by the server\n\
         delivery latency  p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (spend answered -> event read)\n\
         from the request  p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (spend sent -> event read)\n\
         server memory     {} KiB before, {} KiB with the streams open: {:.1} KiB per stream\n\
         target p99 <= 100 ms: {}",
        args.streams,
        answered.len(),
        args.rate,
        latencies.len(),
        expected,
        early,
        percentile_ms(&latencies, 50),
        p99,
        percentile_ms(&latencies, 100),
        percentile_ms(&from_sent, 50),
        percentile_ms(&from_sent, 99),
        percentile_ms(&from_sent, 100),
        rss_before,
        rss_open,
        per_stream,
        if p99 <= 100.0 { "met" } else { "NOT met" },
    )
}
