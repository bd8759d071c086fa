//! Idempotency keys: a repeat gets the first answer whatever changed since, and keys
//! belong to one member of one workspace.

use std::path::PathBuf;

use credits_server::Config;
use serde_json::{json, Value};

use crate::support::{assert_problem, images, Server};

const WS: &str = "ws_pro_team";

fn temp_path(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    std::env::temp_dir().join(format!("credits-{}-{nanos}-{name}", std::process::id()))
}

async fn status_headers_body(r: reqwest::Response) -> (u16, Option<String>, String) {
    let status = r.status().as_u16();
    let replayed = r
        .headers()
        .get("idempotent-replayed")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, replayed, r.text().await.unwrap())
}

/// Regression (#9): the key was looked up only after pricing and the plan check, so a
/// retry after a price-book or plan change got 422 or 403 instead of its first 201.
#[tokio::test]
async fn a_replay_gets_the_first_answer_even_after_the_plan_and_price_book_changed() {
    let db = temp_path("replay.db");
    let book = temp_path("book.toml");
    let shipped = credits_server::state::PRICE_BOOK_TOML;
    let with_model = shipped.replace(
        "\"aurora-2-xl\" = 2",
        "\"aurora-2-xl\" = 2\n\"aurora-3\" = 3",
    );
    assert_ne!(with_model, shipped);
    std::fs::write(&book, with_model).unwrap();

    let mut image = images("standard", 1);
    image["model"] = json!("aurora-3");
    let video = json!({"action": "video.generate", "quality": "draft", "duration_s": 1, "resolution": "480p"});

    // Before: a pro workspace, and a price book that has aurora-3.
    let before = Server::start(Config {
        seed_demo: true,
        db: Some(db.clone()),
        price_book: Some(book.clone()),
        ..Config::default()
    })
    .await;
    let first_image = before
        .generate(WS, "tok_pro_admin", Some("img"), &image)
        .await;
    let first_image = status_headers_body(first_image).await;
    assert_eq!(first_image.0, 201, "{}", first_image.2);
    let first_video = before
        .generate(WS, "tok_pro_admin", Some("vid"), &video)
        .await;
    let first_video = status_headers_body(first_video).await;
    assert_eq!(first_video.0, 201);
    let balance = before.balance_ok(WS, "tok_pro_admin").await["balance"].clone();

    // After: the workspace is on basic (no video) and the book no longer has aurora-3.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE workspaces SET plan = 'basic' WHERE id = ?1", [WS])
        .unwrap();
    drop(conn);
    let after = Server::start(Config {
        seed_demo: true,
        db: Some(db.clone()),
        ..Config::default()
    })
    .await;
    // The same requests under new keys are refused now...
    let r = after
        .generate(WS, "tok_pro_admin", Some("img-new"), &image)
        .await;
    assert_eq!(r.status(), 422, "aurora-3 is gone from the price book");
    let r = after
        .generate(WS, "tok_pro_admin", Some("vid-new"), &video)
        .await;
    assert_problem(r, 403, "feature_not_in_plan", None).await;
    // ...but their repeats under the first keys get the first answers, status and bytes.
    for (key, body, first) in [("img", &image, &first_image), ("vid", &video, &first_video)] {
        let again = after.generate(WS, "tok_pro_admin", Some(key), body).await;
        let again = status_headers_body(again).await;
        assert_eq!(
            (again.0, again.1.as_deref(), &again.2),
            (201, Some("true"), &first.2),
            "a repeat of {key} must get its first answer"
        );
    }
    assert_eq!(
        after.balance_ok(WS, "tok_pro_admin").await["balance"],
        balance,
        "the repeats spent nothing more"
    );
    // Another request under a used key is still 409, as before.
    let r = after
        .generate(WS, "tok_pro_admin", Some("img"), &images("draft", 1))
        .await;
    assert_problem(r, 409, "idempotency_conflict", Some("Idempotency-Key")).await;

    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let _ = std::fs::remove_file(book);
}

/// Regression (#9): keys were scoped by workspace only, so one member's key made another
/// member's request under the same key a 409.
#[tokio::test]
async fn two_members_using_the_same_key_each_get_their_own_generation() {
    let s = Server::demo().await;
    let start = s.balance_ok(WS, "tok_pro_admin").await["balance"]
        .as_u64()
        .unwrap();
    let body = images("standard", 1);
    let mut ids = Vec::new();
    for token in ["tok_pro_admin", "tok_pro_member"] {
        let r = s.generate(WS, token, Some("shared-key"), &body).await;
        assert_eq!(r.status(), 201, "{token}");
        assert!(r.headers().get("idempotent-replayed").is_none(), "{token}");
        let answer: Value = r.json().await.unwrap();
        ids.push(answer["id"].as_str().unwrap().to_owned());
    }
    assert_ne!(ids[0], ids[1], "each member got their own generation");
    assert_eq!(
        s.balance_ok(WS, "tok_pro_admin").await["balance"],
        start - 2 * 4,
        "both spent"
    );
    // And each member's repeat is their own first answer.
    for (token, id) in ["tok_pro_admin", "tok_pro_member"].iter().zip(&ids) {
        let r = s.generate(WS, token, Some("shared-key"), &body).await;
        assert_eq!(r.headers()["idempotent-replayed"], "true");
        assert_eq!(&r.json::<Value>().await.unwrap()["id"], id.as_str());
    }
}
