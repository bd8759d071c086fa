use credits_server::{AppState, Config};
use serde_json::json;

use crate::support::{images, Server};

fn write_temp(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("credits-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test]
async fn another_price_book_can_be_given() {
    let shipped = credits_server::state::PRICE_BOOK_TOML;
    let text = shipped
        .replace("version = \"2026-11\"", "version = \"test-1\"")
        .replace("standard = 4", "standard = 5");
    let path = write_temp("book.toml", &text);
    let s = Server::start(Config {
        seed_demo: true,
        price_book: Some(path.clone()),
        ..Config::default()
    })
    .await;
    let body = s
        .quote_ok(
            "ws_trial",
            "tok_trial_owner",
            json!([images("standard", 2)]),
        )
        .await;
    assert_eq!(body["price_book"], "test-1");
    assert_eq!(body["items"][0]["credits"], 10);
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_book_that_breaks_the_rules_or_is_missing_refuses_to_start() {
    let shipped = credits_server::state::PRICE_BOOK_TOML;
    let bad = write_temp("bad.toml", &shipped.replace("high = 10", "high = 3"));
    let err = AppState::new(&Config {
        price_book: Some(bad.clone()),
        ..Config::default()
    })
    .err()
    .unwrap();
    assert!(err.to_string().contains("image.quality"), "{err}");
    std::fs::remove_file(bad).unwrap();
    let missing = Config {
        price_book: Some("/no/such/book.toml".into()),
        ..Config::default()
    };
    assert!(AppState::new(&missing).is_err());
}
