//! The store against a real SQLite database: idempotency keys and their expiry.

use super::*;
use crate::domain::clock::DAY;
use crate::persistence::db::keys::KEY_LIFETIME;

fn spend_request(key: &str, fingerprint: &str, now: i64) -> SpendRequest {
    SpendRequest {
        workspace_id: "ws_pro_team".into(),
        member_id: "u_lea".into(),
        idempotency_key: key.into(),
        fingerprint: fingerprint.into(),
        action_id: "edit.relight",
        cost: 2,
        now,
    }
}

fn id_of(spent: &Spent) -> String {
    let answer: serde_json::Value = serde_json::from_str(&spent.answer).unwrap();
    answer["id"].as_str().unwrap().to_owned()
}

/// Regression (#9): idempotency keys never expired; they live 24 hours, then the key
/// is new again (for the same request or another one).
#[test]
fn an_expired_idempotency_key_is_treated_as_new() {
    assert_eq!(KEY_LIFETIME, DAY);
    let t0 = 1_795_550_400;
    let store = Store::open(None).unwrap();
    store
        .seed_if_empty(&crate::domain::demo_data::demo_seed(t0).unwrap())
        .unwrap();
    let member = store.member_view("u_lea", "ws_pro_team");
    assert!(member.is_some(), "the demo has u_lea in ws_pro_team");

    let first = store.spend(&spend_request("k", "same", t0)).unwrap();
    assert!(!first.replayed);
    // One second before the 24 hours are up: still the first answer.
    let late = t0 + KEY_LIFETIME - 1;
    let repeat = store.spend(&spend_request("k", "same", late)).unwrap();
    assert_eq!(
        repeat,
        Spent {
            answer: first.answer.clone(),
            replayed: true
        }
    );
    assert_eq!(
        store.earlier("ws_pro_team", "u_lea", "k", "same", late),
        Ok(Some(Earlier::Same(first.answer.clone())))
    );
    assert!(matches!(
        store.spend(&spend_request("k", "other", late)),
        Err(SpendRefusal::KeyConflict)
    ));
    // 24 hours after the spend the key is forgotten: the same request spends again.
    let expired = t0 + KEY_LIFETIME;
    assert_eq!(
        store.earlier("ws_pro_team", "u_lea", "k", "same", expired),
        Ok(None)
    );
    let again = store.spend(&spend_request("k", "same", expired)).unwrap();
    assert!(!again.replayed, "an expired key is a new request");
    assert_ne!(id_of(&again), id_of(&first));
    // ...and is remembered anew from then on, also with another request later.
    let replay = store
        .spend(&spend_request("k", "same", expired + 1))
        .unwrap();
    assert_eq!(replay.answer, again.answer);
    let other = store
        .spend(&spend_request("k", "other", expired + KEY_LIFETIME))
        .unwrap();
    assert!(!other.replayed);
}
