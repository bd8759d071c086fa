use std::path::{Path, PathBuf};

use credits_server::http::static_files::{IMMUTABLE, NO_CACHE};
use credits_server::Config;
use reqwest::header::{CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, VARY};
use reqwest::Response;

use crate::support::{assert_problem, temp_path, Server};

const WASM: &str = "/demo-5fe6170eaa4c4aca_bg.wasm";
const INDEX: &[u8] = b"<!doctype html><title>demo</title>";
// The server sends the copies as they are, so any bytes do: these say which one came.
const WASM_BYTES: &[u8] = b"\0asm\x01\0\0\0 the demo's code";
const WASM_BR: &[u8] = b"\x1b\x03 brotli copy of the wasm";
const WASM_GZ: &[u8] = b"\x1f\x8b gzip copy of the wasm";
const INDEX_BR: &[u8] = b"\x1b\x05 brotli copy of index.html";
const INDEX_GZ: &[u8] = b"\x1f\x8b gzip copy of index.html";

fn temp_site() -> PathBuf {
    let dir = temp_path("static");
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    std::fs::write(dir.join("pkg/app.js"), "console.log('hi');").unwrap();
    dir
}

/// [`temp_site`] as `cargo xtask demo` builds it: a hashed wasm, and brotli and gzip copies
/// of it and of index.html.
fn precompressed_site() -> PathBuf {
    let dir = temp_site();
    let write = |name: &str, data: &[u8]| std::fs::write(dir.join(name), data).unwrap();
    let wasm = WASM.trim_start_matches('/');
    write(wasm, WASM_BYTES);
    write(&format!("{wasm}.br"), WASM_BR);
    write(&format!("{wasm}.gz"), WASM_GZ);
    write("index.html.br", INDEX_BR);
    write("index.html.gz", INDEX_GZ);
    dir
}

async fn static_server(dir: &Path) -> Server {
    Server::start(Config {
        seed_demo: true,
        static_dir: Some(dir.to_owned()),
        ..Config::default()
    })
    .await
}

fn header(r: &Response, name: reqwest::header::HeaderName) -> Option<&str> {
    r.headers().get(name).map(|v| v.to_str().unwrap())
}

/// Every `Vary` value of `r`, lowercased, split at commas.
fn varies_on(r: &Response) -> Vec<String> {
    r.headers()
        .get_all(VARY)
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .collect()
}

/// Asserts a 200 with this encoding (`None`: identity), type, caching and exact body bytes.
async fn assert_file(
    r: Response,
    encoding: Option<&str>,
    content_type: &str,
    cache: &str,
    body: &[u8],
) {
    let what = format!("{} ({encoding:?})", r.url());
    assert_eq!(r.status(), 200, "{what}");
    assert_eq!(header(&r, CONTENT_ENCODING), encoding, "{what}");
    let ct = header(&r, CONTENT_TYPE).unwrap_or_default();
    assert!(ct.starts_with(content_type), "{what}: {ct}");
    assert_eq!(header(&r, CACHE_CONTROL), Some(cache), "{what}");
    assert!(
        varies_on(&r).contains(&"accept-encoding".to_owned()),
        "{what}: {:?}",
        varies_on(&r)
    );
    assert_eq!(r.bytes().await.unwrap(), body, "{what}");
}

#[tokio::test]
async fn static_serves_files_with_index_html_for_other_paths() {
    let dir = temp_site();
    let s = Server::start(Config {
        seed_demo: true,
        static_dir: Some(dir.clone()),
        ..Config::default()
    })
    .await;
    let get = |path: &str| s.client.get(format!("{}{path}", s.origin)).send();
    for path in ["/", "/index.html", "/settings/subscription"] {
        let r = get(path).await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert_eq!(r.bytes().await.unwrap(), INDEX, "{path}");
    }
    let r = get("/pkg/app.js").await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap(), "console.log('hi');");
    // The API is still the API, and its unknown paths are not the page.
    assert_eq!(get("/api/v1/plans").await.unwrap().status(), 200);
    assert_problem(get("/api/v1/nope").await.unwrap(), 404, "not_found", None).await;
    let r = s
        .client
        .post(format!("{}/", s.origin))
        .send()
        .await
        .unwrap();
    assert_problem(r, 405, "method_not_allowed", None).await;
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_missing_static_dir_refuses_to_start() {
    let config = Config {
        static_dir: Some(PathBuf::from("/definitely/not/here")),
        ..Config::default()
    };
    let err = credits_server::AppState::new(&config).err().unwrap();
    assert!(err.to_string().contains("not a directory"), "{err}");
}

#[tokio::test]
async fn a_hashed_asset_goes_precompressed_by_accept_encoding_and_immutable() {
    let dir = precompressed_site();
    let s = static_server(&dir).await;
    for (accept, encoding, body) in [
        (Some("br"), Some("br"), WASM_BR),
        (Some("gzip"), Some("gzip"), WASM_GZ),
        (None, None, WASM_BYTES),
        (Some("br;q=0, gzip"), Some("gzip"), WASM_GZ),
        (Some("gzip, deflate, br"), Some("br"), WASM_BR),
        (Some("gzip;q=0.5, br;q=0.9"), Some("br"), WASM_BR),
        (Some("br;q=0.4, gzip;q=0.8"), Some("gzip"), WASM_GZ),
        (Some("identity"), None, WASM_BYTES),
        (Some("zstd"), None, WASM_BYTES),
    ] {
        let r = s.get_encoded(WASM, accept).await;
        assert_file(r, encoding, "application/wasm", IMMUTABLE, body).await;
    }

    // HEAD tells the same, and a revalidation keeps the caching.
    let r = s
        .client
        .head(format!("{}{WASM}", s.origin))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&r, CONTENT_ENCODING), Some("br"));
    assert_eq!(
        header(&r, reqwest::header::CONTENT_LENGTH),
        Some(WASM_BR.len().to_string().as_str())
    );
    let modified = header(&r, reqwest::header::LAST_MODIFIED)
        .unwrap()
        .to_owned();
    let r = s
        .client
        .get(format!("{}{WASM}", s.origin))
        .header("accept-encoding", "br")
        .header("if-modified-since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(header(&r, CACHE_CONTROL), Some(IMMUTABLE));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn index_html_and_spa_paths_go_precompressed_and_no_cache() {
    let dir = precompressed_site();
    let s = static_server(&dir).await;
    // A hashed name that is not there is an SPA path like any other: never immutable.
    let missing_asset = "/demo-0123456789abcdef_bg.wasm";
    for path in ["/", "/index.html", "/settings/subscription", missing_asset] {
        for (accept, encoding, body) in [
            (Some("br"), Some("br"), INDEX_BR),
            (Some("gzip"), Some("gzip"), INDEX_GZ),
            (None, None, INDEX),
            (Some("br;q=0, gzip"), Some("gzip"), INDEX_GZ),
        ] {
            let r = s.get_encoded(path, accept).await;
            assert_file(r, encoding, "text/html", NO_CACHE, body).await;
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn an_unhashed_file_without_copies_goes_as_it_is_and_no_cache() {
    let dir = precompressed_site();
    let s = static_server(&dir).await;
    let r = s.get_encoded("/pkg/app.js", Some("br, gzip")).await;
    assert_file(r, None, "text/javascript", NO_CACHE, b"console.log('hi');").await;
    // A copy asked for by its own name is a file like any other.
    let r = s.get_encoded(&format!("{WASM}.br"), Some("br")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, CONTENT_ENCODING), None);
    assert_eq!(header(&r, CACHE_CONTROL), Some(NO_CACHE));
    assert_eq!(r.bytes().await.unwrap(), WASM_BR);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn api_answers_get_no_static_file_headers() {
    let dir = precompressed_site();
    let s = static_server(&dir).await;
    for path in ["/api/v1/plans", "/api/v1/demo-5fe6170eaa4c4aca_bg.wasm"] {
        let r = s.get_encoded(path, Some("br, gzip")).await;
        assert_eq!(header(&r, CONTENT_ENCODING), None, "{path}");
        assert_ne!(header(&r, CACHE_CONTROL), Some(IMMUTABLE), "{path}");
        assert!(
            !varies_on(&r).contains(&"accept-encoding".to_owned()),
            "{path}"
        );
        let status = r.status().as_u16();
        let ct = header(&r, CONTENT_TYPE).unwrap_or_default().to_owned();
        assert!(ct.contains("json"), "{path}: {status} {ct}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn odd_static_paths_are_never_a_5xx() {
    let dir = precompressed_site();
    let s = static_server(&dir).await;
    for path in [
        "/index.html/x",
        &format!("{WASM}/x"),
        "/%2e%2e/%2e%2e/etc/passwd",
        "/pkg/",
        "/pkg",
        "/%00",
        "/pkg/app.js.br",
    ] {
        let r = s.get_encoded(path, Some("br, gzip")).await;
        assert!(r.status().as_u16() < 500, "{path}: {}", r.status());
    }
    std::fs::remove_dir_all(dir).unwrap();
}
