use super::*;

fn figures(balance: u64) -> BalanceResponse {
    serde_json::from_value(serde_json::json!({
        "workspace": {"id": "ws", "name": "W"},
        "member": {"id": "u", "name": "U", "role": "owner"},
        "plan": "pro", "status": "active", "balance": balance, "grants": [],
        "cycle": null, "shared_pool": false, "payment_method": "ok",
        "low_balance_threshold": 10, "as_of": "2026-11-24T20:00:00Z"
    }))
    .unwrap()
}

fn known(balance: u64) -> BalanceState {
    BalanceState::Known(Box::new(KnownBalance {
        figures: figures(balance),
        checked_at_ms: 1.0,
        stale: None,
        refreshing: true,
    }))
}

#[test]
fn unknown_is_never_zero() {
    assert_eq!(BalanceState::Loading.credits(), None);
    assert_eq!(BalanceState::Failed(ClientError::Aborted).credits(), None);
    assert_eq!(known(0).credits(), Some(0));
}

#[test]
fn a_failed_refresh_keeps_the_figures_and_marks_them_stale() {
    let s = known(120).failed(ClientError::Offline("down".into()));
    assert_eq!(s.credits(), Some(120));
    assert!(s.is_stale());
    assert_eq!(s.as_str(), "stale");
    let s = BalanceState::Loading.failed(ClientError::Offline("down".into()));
    assert_eq!(s.credits(), None);
    assert_eq!(s.as_str(), "failed");
}

#[test]
fn a_304_confirms_the_figures_and_clears_the_stale_mark() {
    let s = known(120)
        .failed(ClientError::Offline("down".into()))
        .confirmed(5.0);
    let k = s.known().unwrap();
    assert_eq!((k.figures.balance, k.checked_at_ms), (120, 5.0));
    assert!(!s.is_stale() && !k.refreshing);
    assert_eq!(s.as_str(), "ready");
    assert_eq!(BalanceState::Loading.confirmed(5.0), BalanceState::Loading);
}
