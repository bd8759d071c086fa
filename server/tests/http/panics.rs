//! A handler's panic: the release server unwinds (it does not abort), and the panic is
//! answered as a problem while the server goes on serving.

use credits_server::Config;
use serde_json::Value;

use crate::support::{assert_problem, images, Server};

const CARGO_TOML: &str = include_str!("../../../Cargo.toml");
const XTASK_SERVER: &str = include_str!("../../../xtask/src/server.rs");

/// `key` of profile `name` in the root Cargo.toml, following `inherits` (the built-in
/// profiles' defaults are not looked up: `None` when no profile on the way sets it).
fn profile_setting(manifest: &toml::Table, name: &str, key: &str) -> Option<String> {
    let profile = manifest.get("profile")?.get(name)?;
    if let Some(value) = profile.get(key) {
        return Some(value.as_str()?.to_owned());
    }
    let parent = profile.get("inherits")?.as_str()?;
    profile_setting(manifest, parent, key)
}

/// Regression (#10): the shared `[profile.release]` has `panic = "abort"` for the
/// browser's wasm, and the release server was built with it, so the first panic in
/// any handler killed the process and every request in flight with it.
#[test]
fn the_release_server_is_built_to_unwind_on_panic() {
    let manifest: toml::Table = toml::from_str(CARGO_TOML).expect("Cargo.toml parses");
    assert!(
        XTASK_SERVER.contains(r#"const RELEASE_PROFILE: &str = "release-server";"#)
            && XTASK_SERVER.contains(r#"build.args(["--profile", RELEASE_PROFILE])"#),
        "cargo xtask builds the release server with --profile release-server"
    );
    assert_eq!(
        profile_setting(&manifest, "release-server", "panic").as_deref(),
        Some("unwind"),
        "the release server must unwind on panic, so a panic fails one request, not the process"
    );
    // The browser's wasm keeps its small-size settings.
    assert_eq!(
        profile_setting(&manifest, "release", "panic").as_deref(),
        Some("abort")
    );
    assert_eq!(
        profile_setting(&manifest, "release", "opt-level").as_deref(),
        Some("z")
    );
}

/// Regression (#10): with unwinding, a panicking handler is answered with a problem, not
/// a dropped connection, and the server (its store included) keeps answering.
#[tokio::test]
async fn a_panicking_handler_answers_a_problem_and_the_server_goes_on() {
    let s = Server::start(Config {
        seed_demo: true,
        test_hooks: true,
        ..Config::default()
    })
    .await;
    for _ in 0..3 {
        let r = s
            .client
            .post(s.api("/_test/panic"))
            .send()
            .await
            .expect("a panic is answered, not a dropped connection");
        assert_eq!(r.headers()["retry-after"], "1");
        let p = assert_problem(r, 503, "internal_error", None).await;
        assert!(p["detail"].as_str().unwrap().contains("try again"), "{p}");
    }
    let r = s.client.get(s.api("/v1/plans")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let r = s
        .generate(
            "ws_pro_team",
            "tok_pro_admin",
            Some("after-panic"),
            &images("draft", 1),
        )
        .await;
    assert_eq!(r.status(), 201);
    assert_eq!(r.json::<Value>().await.unwrap()["balance"], 119);
}
