//! The real binary on a file database, killed with SIGKILL under load, then restarted:
//! every generation answered 201 is in the ledger, and the balance matches the ledger.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::task::JoinSet;

use crate::binary::{start, stop};

const WS: &str = "ws_enterprise";
const TOKEN: &str = "tok_ent_owner";
/// The enterprise workspace's monthly grant; the demo history accounts for all it spent.
const GRANTED: u64 = 50_000;

fn temp_db() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    std::env::temp_dir().join(format!(
        "credits-durability-{}-{nanos}.db",
        std::process::id()
    ))
}

/// Spends from 16 connections; `kill` runs once 150 answers are in.
async fn spend_until_killed(
    origin: &str,
    kill: impl FnOnce() + Send + 'static,
) -> Vec<(String, u64)> {
    let answered = Arc::new(AtomicUsize::new(0));
    let mut set = JoinSet::new();
    for worker in 0..16 {
        let (origin, answered) = (origin.to_owned(), answered.clone());
        set.spawn(async move {
            let client = reqwest::Client::new();
            let mut spent = Vec::new();
            for i in 0..60 {
                let count = 1 + (worker + i) % 4;
                let r = client
                    .post(format!("{origin}/api/v1/workspaces/{WS}/generations"))
                    .bearer_auth(TOKEN)
                    .header("idempotency-key", format!("dur-{worker}-{i}"))
                    .json(&json!({"action": "edit.relight", "count": count}))
                    .send()
                    .await;
                let Ok(r) = r else { break };
                if r.status() != 201 {
                    break;
                }
                let Ok(body) = r.json::<Value>().await else {
                    break;
                };
                spent.push((
                    body["id"].as_str().unwrap().to_owned(),
                    body["credits_charged"].as_u64().unwrap(),
                ));
                answered.fetch_add(1, Ordering::SeqCst);
            }
            spent
        });
    }
    let watcher = {
        let answered = answered.clone();
        tokio::spawn(async move {
            while answered.load(Ordering::SeqCst) < 150 {
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            kill();
        })
    };
    let spent: Vec<(String, u64)> = set.join_all().await.into_iter().flatten().collect();
    watcher.abort();
    spent
}

async fn get_json(client: &reqwest::Client, url: &str) -> Value {
    let r = client.get(url).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(r.status(), 200, "{url}");
    r.json().await.unwrap()
}

/// Every item of the history, following the cursors.
async fn whole_history(origin: &str) -> Vec<Value> {
    let client = reqwest::Client::new();
    let mut items = Vec::new();
    let mut cursor = String::new();
    loop {
        let url = format!("{origin}/api/v1/workspaces/{WS}/usage?limit=100&cursor={cursor}");
        let page = get_json(&client, &url).await;
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => return items,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_killed_server_keeps_every_answered_generation() {
    let db = temp_db();
    let db_arg = db.to_str().unwrap().to_owned();
    let args = ["--listen", "127.0.0.1:0", "--seed-demo", "--db", &db_arg];
    let (child, origin) = start(&args).await;
    let pid = child.id().unwrap().to_string();
    let spent = spend_until_killed(&origin, move || {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid])
            .status();
    })
    .await;
    drop(child);
    eprintln!("durability: {} answers before the kill", spent.len());
    assert!(spent.len() >= 150, "the load ran: {} answers", spent.len());
    assert!(spent.len() < 16 * 60, "the kill came mid-load");

    // Restarted on the same file, with --seed-demo again: the data is kept, not re-seeded.
    let (mut child, origin) = start(&args).await;
    let history = whole_history(&origin).await;
    let ids: HashSet<&str> = history.iter().map(|i| i["id"].as_str().unwrap()).collect();
    for (id, _) in &spent {
        assert!(
            ids.contains(id.as_str()),
            "{id} was answered 201 but is not in the ledger"
        );
    }
    let ledger_spend: u64 = history
        .iter()
        .filter(|i| i["status"] == "charged" || i["status"] == "failed")
        .map(|i| i["credits"].as_u64().unwrap())
        .sum();
    let url = format!("{origin}/api/v1/workspaces/{WS}/balance");
    let balance = get_json(&reqwest::Client::new(), &url).await;
    assert_eq!(
        balance["balance"].as_u64().unwrap(),
        GRANTED - ledger_spend,
        "the balance matches the ledger"
    );
    // The seeded 2000 plus at least what was answered; more only by spends cut off mid-answer.
    let answered: u64 = spent.iter().map(|(_, c)| c).sum();
    assert!(
        ledger_spend >= 2000 + answered,
        "{ledger_spend} < 2000 + {answered}"
    );
    assert!(
        ledger_spend <= 2000 + answered + 16 * 8,
        "at most one unanswered spend per connection"
    );
    stop(&mut child, "-TERM").await;

    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{db_arg}{suffix}"));
    }
}
