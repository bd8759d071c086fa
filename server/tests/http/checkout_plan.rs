//! `POST .../plan`: an upgrade at once with the documented allocation, a
//! downgrade at the cycle's end, and the plans that cannot be chosen.

use credits_server::Config;
use serde_json::{json, Value};

use crate::support::{assert_problem, created, temp_path, Server};

fn monthly(balance: &Value) -> &Value {
    let grants = balance["grants"].as_array().unwrap();
    grants.iter().find(|g| g["kind"] == "monthly").unwrap()
}

#[tokio::test]
async fn an_upgrade_mid_cycle_is_at_once_with_the_new_allocation_minus_this_cycle_s_use() {
    let s = Server::demo().await;
    let (ws, token) = ("ws_basic_limit", "tok_basic_owner");
    let before = s.balance_ok(ws, token).await;
    // Basic: 1000 a month, 994 used, 6 left.
    assert_eq!(
        (&monthly(&before)["granted"], &before["balance"]),
        (&json!(1000), &json!(6))
    );
    let answer = created(
        s.check_out(ws, "plan", token, "up", &json!({"plan": "pro"}))
            .await,
    )
    .await;
    assert_eq!(
        (&answer["kind"], &answer["plan"]),
        (&json!("upgrade"), &json!("pro"))
    );
    assert_eq!(
        answer["credits"], 4000,
        "5000 - 994 used = 4006, 4000 more than before"
    );
    assert_eq!(answer["effective_at"], answer["at"]);
    let after = s.balance_ok(ws, token).await;
    assert_eq!(after["plan"], "pro");
    assert_eq!(after["balance"], 4006);
    assert_eq!(
        (&monthly(&after)["granted"], &monthly(&after)["remaining"]),
        (&json!(5000), &json!(4006))
    );
    assert_eq!(after["cycle"], before["cycle"], "the reset date stays");
    // Video is a Pro feature: it is unlocked at once.
    let video = json!({"action": "video.generate", "quality": "draft", "duration_s": 1, "resolution": "480p"});
    assert_eq!(s.generate(ws, token, Some("v"), &video).await.status(), 201);
}

#[tokio::test]
async fn an_upgrade_from_free_starts_a_cycle_with_the_full_allocation() {
    let s = Server::demo().await;
    let (ws, token) = ("ws_trial", "tok_trial_owner");
    let answer = created(
        s.check_out(ws, "plan", token, "up", &json!({"plan": "basic"}))
            .await,
    )
    .await;
    assert_eq!(answer["credits"], 1000);
    let after = s.balance_ok(ws, token).await;
    assert_eq!(
        (&after["plan"], &after["status"]),
        (&json!("basic"), &json!("active"))
    );
    assert_eq!(after["balance"], 1050, "the trial credits stay");
    assert!(after["cycle"].is_object());
}

#[tokio::test]
async fn unknown_unchanged_contact_sales_and_inactive_plan_changes_are_refused() {
    let s = Server::demo().await;
    let (ws, token) = ("ws_pro_team", "tok_pro_admin");
    let r = s
        .check_out(ws, "plan", token, "a", &json!({"plan": "platinum"}))
        .await;
    assert_problem(r, 422, "unknown_plan", Some("plan")).await;
    let r = s
        .check_out(ws, "plan", token, "b", &json!({"plan": "pro"}))
        .await;
    assert_problem(r, 409, "plan_unchanged", Some("plan")).await;
    let r = s
        .check_out(ws, "plan", token, "c", &json!({"plan": "enterprise"}))
        .await;
    assert_problem(r, 422, "contact_sales", Some("plan")).await;
    let r = s
        .check_out(ws, "plan", token, "d", &json!({"plan": 3}))
        .await;
    assert_problem(r, 400, "invalid_request", None).await;
    let r = s
        .check_out(
            "ws_expired",
            "plan",
            "tok_expired_owner",
            "e",
            &json!({"plan": "basic"}),
        )
        .await;
    assert_problem(r, 409, "subscription_not_active", None).await;
    let balance = s.balance_ok(ws, token).await;
    assert_eq!(balance["plan"], "pro");
    assert!(balance.get("purchases").is_none(), "nothing was bought");
}

#[tokio::test]
async fn a_downgrade_waits_for_the_cycle_end_then_takes_effect_with_the_new_allocation() {
    let db = temp_path("downgrade.db");
    let config = Config {
        seed_demo: true,
        db: Some(db.clone()),
        ..Config::default()
    };
    let (ws, token) = ("ws_pro_team", "tok_pro_admin");
    let s = Server::start(config.clone()).await;
    let before = s.balance_ok(ws, token).await;
    let resets_at = before["cycle"]["resets_at"].clone();
    let answer = created(
        s.check_out(ws, "plan", token, "down", &json!({"plan": "basic"}))
            .await,
    )
    .await;
    assert_eq!(
        (&answer["kind"], &answer["credits"]),
        (&json!("downgrade"), &json!(0))
    );
    assert_eq!(answer["effective_at"], resets_at);
    let scheduled = s.balance_ok(ws, "tok_pro_member").await;
    assert_eq!(scheduled["plan"], "pro", "not before the cycle ends");
    assert_eq!(scheduled["balance"], before["balance"]);
    assert_eq!(
        scheduled["pending_plan_change"],
        json!({"plan": "basic", "effective_at": resets_at})
    );

    // The cycle's end comes: the whole timeline moves 8 days back (the reset was in 7).
    let conn = rusqlite::Connection::open(&db).unwrap();
    let shift = 8 * 86_400;
    conn.execute_batch(&format!(
        "UPDATE workspaces SET cycle_started_at = cycle_started_at - {shift},
             cycle_resets_at = cycle_resets_at - {shift} WHERE id = '{ws}';
         UPDATE grants SET expires_at = expires_at - {shift} WHERE workspace_id = '{ws}';
         UPDATE pending_plan_changes SET effective_at = effective_at - {shift};"
    ))
    .unwrap();
    drop(conn);
    let s = Server::start(config).await;
    let after = s.balance_ok(ws, token).await;
    assert_eq!(after["plan"], "basic");
    assert!(after.get("pending_plan_change").is_none());
    assert_eq!(
        after["balance"], 1000,
        "a new cycle with Basic's allocation"
    );
    let cycle = &after["cycle"];
    assert!(cycle["started_at"].as_str() < cycle["resets_at"].as_str());
    assert_eq!(after["purchases"][0]["kind"], "downgrade");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

#[tokio::test]
async fn a_second_downgrade_replaces_the_scheduled_one_and_an_upgrade_cancels_it() {
    let s = Server::demo().await;
    let (ws, token) = ("ws_pro_team", "tok_pro_admin");
    created(
        s.check_out(ws, "plan", token, "d1", &json!({"plan": "free"}))
            .await,
    )
    .await;
    let pending = |b: Value| b["pending_plan_change"]["plan"].clone();
    assert_eq!(pending(s.balance_ok(ws, token).await), "free");
    created(
        s.check_out(ws, "plan", token, "d2", &json!({"plan": "basic"}))
            .await,
    )
    .await;
    let balance = s.balance_ok(ws, token).await;
    assert_eq!(pending(balance.clone()), "basic");
    assert_eq!(balance["purchases"].as_array().unwrap().len(), 2);

    let (ws, token) = ("ws_basic_limit", "tok_basic_owner");
    created(
        s.check_out(ws, "plan", token, "d", &json!({"plan": "free"}))
            .await,
    )
    .await;
    assert_eq!(pending(s.balance_ok(ws, token).await), "free");
    created(
        s.check_out(ws, "plan", token, "u", &json!({"plan": "pro"}))
            .await,
    )
    .await;
    let balance = s.balance_ok(ws, token).await;
    assert!(balance.get("pending_plan_change").is_none());
    assert_eq!(balance["plan"], "pro");
}
