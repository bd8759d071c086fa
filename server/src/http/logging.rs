//! Logs to stderr: one structured line per request, never a header's value.
//!
//! stdout is kept for the single `listening on ...` line other tools parse.
//! The level comes from `CREDITS_LOG` (`error`, `warn`, `info`, `debug`,
//! `trace`, `off`; default `info`).

use std::io::IsTerminal;
use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tracing::level_filters::LevelFilter;

/// Installs the stderr logger; a second call (e.g. from tests) does nothing.
pub fn init() {
    let level = std::env::var("CREDITS_LOG")
        .ok()
        .and_then(|v| v.parse::<LevelFilter>().ok())
        .unwrap_or(LevelFilter::INFO);
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .with_max_level(level)
        .try_init();
}

/// Middleware: logs method, path (without the query), status and latency of each request.
/// Headers, and so the Authorization token, are never logged.
pub async fn log_requests(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path: String = req.uri().path().chars().take(200).collect();
    let response = next.run(req).await;
    let status = response.status().as_u16();
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    if response.status().is_server_error() {
        tracing::error!(%method, %path, status, latency_ms, "request");
    } else {
        tracing::info!(%method, %path, status, latency_ms, "request");
    }
    response
}
