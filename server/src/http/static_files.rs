//! The files of `--static DIR`, served as in production: a file's brotli or gzip copy
//! (`NAME.br`, `NAME.gz`, written at build time) when `Accept-Encoding` takes it, and
//! `Cache-Control` by name: `public, max-age=31536000, immutable` for Trunk's hashed
//! assets, `no-cache` for everything else, `index.html` and the SPA fallback included.

use std::path::Path;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use tower::util::MapResponse;
use tower::ServiceExt;
use tower_http::services::fs::ServeFileSystemResponseBody;
use tower_http::services::{ServeDir, ServeFile};

/// A year, and never revalidated: the name changes whenever the content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cached, but asked about (`If-Modified-Since`) before every use.
pub const NO_CACHE: &str = "no-cache";

/// `req`'s file under `dir`, or `dir/index.html` for a path that names none (the SPA's
/// own routes). A missing `index.html` is a bare 404, which the app turns into a problem.
pub async fn serve(dir: &Path, req: Request) -> Response {
    let hashed = is_hashed(req.uri().path());
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    // The page, whatever path asked for it, is never immutable.
    let index = MapResponse::new(
        index,
        |mut response: Response<ServeFileSystemResponseBody>| {
            set_cache_control(response.headers_mut(), NO_CACHE);
            response
        },
    );
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let mut response = match files.oneshot(req).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    let status = response.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let headers = response.headers_mut();
        // Whichever file answered, another `Accept-Encoding` may have got another copy.
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        if !headers.contains_key(header::CACHE_CONTROL) {
            set_cache_control(headers, if hashed { IMMUTABLE } else { NO_CACHE });
        }
    }
    response
}

fn set_cache_control(headers: &mut HeaderMap, value: &'static str) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
}

/// Whether the last segment of `path` carries Trunk's content hash: `-` and 13 to 16
/// lowercase hex digits before the extension and an optional `_bg` (`demo-5fe6170eaa4c4aca.js`,
/// `demo-5fe6170eaa4c4aca_bg.wasm`). Trunk writes its 64-bit hash without leading zeros,
/// so one build in 16 has 15 digits.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, _extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (13..=16).contains(&hash.len()) && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn trunk_names_are_hashed() {
        for path in [
            "/demo-5fe6170eaa4c4aca_bg.wasm",
            "/demo-5fe6170eaa4c4aca.js",
            "/demo-2a8f9769c3e438be.css",
            "/assets/icons-2a8f9769c3e438b.svg",
            "/jquery.min-0123456789abcdef.js",
        ] {
            assert!(is_hashed(path), "{path}");
        }
    }

    #[test]
    fn other_names_are_not() {
        for path in [
            "/",
            "/index.html",
            "/settings/subscription",
            "/demo-5fe6170eaa4c4aca",
            "/demo-5fe6170eaa4c4aca_bg.wasm.br",
            "/demo-5FE6170EAA4C4ACA.js",
            "/demo-5fe6170eaa4c4acaa.js",
            "/report-20240101.json",
            "/demo-5fe6170eaa4c4acg.js",
            "/5fe6170eaa4c4aca.js",
        ] {
            assert!(!is_hashed(path), "{path}");
        }
    }
}
