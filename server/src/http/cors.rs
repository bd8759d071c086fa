//! CORS: pages served from the same machine (any port) may call the API.
//!
//! The demo and the browser tests serve their page on another port than the
//! API, under COOP/COEP, so their requests are cross-origin and preflighted.
//! Only loopback origins are allowed; anything else gets no CORS headers and
//! the browser refuses to hand the answer to the page.

use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

pub fn layer() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(|origin: &HeaderValue, _| {
            origin.to_str().is_ok_and(is_loopback_origin)
        }))
        .allow_methods([Method::GET, Method::POST, Method::DELETE, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_NONE_MATCH,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("last-event-id"),
            HeaderName::from_static("x-test-client"),
        ])
        .expose_headers([
            header::ETAG,
            header::RETRY_AFTER,
            HeaderName::from_static("idempotent-replayed"),
        ])
        .max_age(Duration::from_secs(600))
}

/// `http(s)://127.0.0.1`, `localhost` or `[::1]`, with any port or none, and nothing after.
pub fn is_loopback_origin(origin: &str) -> bool {
    let Some(rest) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.is_empty() && !port.contains(']') => (host, Some(port)),
        _ => (rest, None),
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok());
    matches!(host, "127.0.0.1" | "localhost" | "[::1]") && port_ok
}

#[cfg(test)]
mod tests {
    use super::is_loopback_origin as ok;

    #[test]
    fn allows_loopback_on_any_port_only() {
        for o in [
            "http://127.0.0.1:12345",
            "http://localhost:8080",
            "http://[::1]:3000",
            "http://localhost",
            "https://127.0.0.1:8443",
            "http://[::1]",
        ] {
            assert!(ok(o), "{o}");
        }
        for o in [
            "http://evil.example",
            "http://127.0.0.1.evil.example",
            "http://localhost.evil.example:80",
            "http://evil.example/?http://localhost",
            "http://127.0.0.1:99999",
            "http://127.0.0.1:",
            "http://127.0.0.1:80/path",
            "null",
            "file://",
            "ws://localhost:1",
        ] {
            assert!(!ok(o), "{o}");
        }
    }
}
