use super::*;
use crate::domain::clock::DAY;
use crate::persistence::db;

fn demo() -> Connection {
    let conn = db::open(None).unwrap();
    let seed = crate::domain::demo_data::demo_seed(1_795_550_400).unwrap();
    let mut conn = conn;
    db::seed::seed_if_empty(&mut conn, &seed).unwrap();
    conn
}

#[test]
fn events_count_up_per_workspace_from_one() {
    let conn = demo();
    assert_eq!(latest(&conn, "ws_pro_team").unwrap(), 0);
    let a = append(&conn, "ws_pro_team", 100).unwrap().unwrap();
    let b = append(&conn, "ws_pro_team", 101).unwrap().unwrap();
    let other = append(&conn, "ws_trial", 101).unwrap().unwrap();
    assert_eq!((a.seq, b.seq, other.seq), (1, 2, 1));
    assert_eq!(latest(&conn, "ws_pro_team").unwrap(), 2);
    assert_eq!(newest(&conn, "ws_pro_team").unwrap(), Some(b.clone()));
    assert_eq!(after(&conn, "ws_pro_team", 0).unwrap(), vec![a, b]);
    assert_eq!(append(&conn, "ws_nope", 100).unwrap(), None);
}

#[test]
fn the_body_is_the_balance_answer_with_the_readers_member() {
    let conn = demo();
    let event = append(&conn, "ws_pro_team", 100).unwrap().unwrap();
    let workspace = load::workspace(&conn, "ws_pro_team").unwrap().unwrap();
    let member = workspace.members[1].clone();
    let view = MemberView {
        member: member.clone(),
        workspace,
    };
    let answer = crate::http::routes::balance::balance(&view, 100);
    let expected = serde_json::to_string(&answer).unwrap();
    assert_eq!(event.data_for(&member_json(&member)), expected);
    assert!(event.body.contains(",\"member\":null,"), "{}", event.body);
}

#[test]
fn old_events_go_once_there_are_a_thousand_newer_and_a_day_has_passed() {
    let conn = demo();
    for i in 0..1_100 {
        append(&conn, "ws_pro_team", i).unwrap();
    }
    // Younger than a day: all kept.
    assert_eq!(after(&conn, "ws_pro_team", 0).unwrap().len(), 1_100);
    for _ in 0..100 {
        append(&conn, "ws_pro_team", 2 * DAY).unwrap();
    }
    let kept = after(&conn, "ws_pro_team", 0).unwrap();
    assert_eq!(kept.first().map(|e| e.seq), Some(201));
    assert_eq!(kept.last().map(|e| e.seq), Some(1_200));
    assert_eq!(latest(&conn, "ws_pro_team").unwrap(), 1_200);
}
