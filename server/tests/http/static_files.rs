use std::path::PathBuf;

use credits_server::Config;

use crate::support::{assert_problem, Server};

fn temp_site() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = std::env::temp_dir().join(format!("credits-static-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>demo</title>").unwrap();
    std::fs::write(dir.join("pkg/app.js"), "console.log('hi');").unwrap();
    dir
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
        assert!(
            r.text().await.unwrap().contains("<title>demo</title>"),
            "{path}"
        );
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
