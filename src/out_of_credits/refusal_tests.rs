use super::*;
use credits_core::{MemberRef, Problem};

fn team(balance: u64) -> BalanceResponse {
    serde_json::from_value(serde_json::json!({
        "workspace": {"id": "ws_pro_team", "name": "Northwind Studio"},
        "member": {"id": "u_kim", "name": "Kim", "role": "member"},
        "plan": "pro", "status": "active", "balance": balance,
        "grants": [{"kind": "monthly", "granted": 5000, "remaining": balance, "expires_at": null}],
        "cycle": {"started_at": "2026-11-01T00:00:00Z", "resets_at": "2026-12-01T00:00:00Z"},
        "shared_pool": true, "payment_method": "ok",
        "low_balance_threshold": 250, "as_of": "2026-11-24T20:00:00Z"
    }))
    .unwrap()
}

fn spend(id: &str, credits: u64) -> MemberSpend {
    MemberSpend {
        member: MemberRef {
            id: id.into(),
            name: id.into(),
        },
        credits,
    }
}

#[test]
fn before_asking_the_pool_is_decided_again_with_the_usage() {
    let f = team(120);
    let local = Refusal::from_shortfall(&f, 160, None, None).unwrap();
    assert_eq!(local.why, Why::Short(Reason::SharedPoolExhausted));
    assert!(local.decided_locally);
    assert_eq!(local.resets_at.as_deref(), Some("2026-12-01T00:00:00Z"));
    let mine = [spend("u_kim", 4000), spend("u_lea", 880)];
    let again = local.with_usage(Some(&f), Some(&mine));
    assert_eq!(again.why, Why::Short(Reason::MonthlyLimitReached));
    assert_eq!((again.needed, again.balance), (Some(160), Some(120)));
    let theirs = [spend("u_kim", 180), spend("u_jonas", 2460)];
    assert_eq!(local.with_usage(Some(&f), Some(&theirs)).why, local.why);
    assert_eq!(local.with_usage(Some(&f), None), local, "no usage yet");
    // Exactly enough is not a refusal.
    assert_eq!(Refusal::from_shortfall(&f, 120, None, None), None);
}

#[test]
fn the_servers_word_is_never_second_guessed() {
    let mut problem = Problem::new(402, "insufficient_credits", "Insufficient credits", "");
    problem.reason = Some("shared_pool_exhausted".into());
    problem.needed = Some(160);
    problem.balance = Some(120);
    problem.suggested_plan = Some("enterprise".into());
    let r = Refusal::from_error(&ClientError::from_answer(402, Some(problem)), None).unwrap();
    assert!(!r.decided_locally);
    assert_eq!(r.suggested_plan, Some(PlanId::Enterprise));
    let mine = [spend("u_kim", 4000)];
    assert_eq!(r.with_usage(Some(&team(120)), Some(&mine)), r);
}

#[test]
fn other_answers_and_words() {
    assert_eq!(Refusal::from_error(&ClientError::Aborted, None), None);
    assert_eq!(parse_plan(Some("pro")), Some(PlanId::Pro));
    assert_eq!(parse_plan(Some("galaxy")), Some(PlanId::Unknown));
    assert_eq!(parse_plan(Some("")), None);
    assert_eq!(parse_plan(None), None);
    let mut problem = Problem::new(403, "feature_not_in_plan", "Feature not in plan", "");
    problem.required_plan = Some("pro".into());
    let r = Refusal::from_error(&ClientError::from_answer(403, Some(problem)), None).unwrap();
    assert_eq!(
        (r.why, r.required_plan),
        (Why::FeatureNotInPlan, Some(PlanId::Pro))
    );
    let short = Affordability::Short {
        cost: 160,
        shortfall: 40,
    };
    let r = Refusal::from_affordability(&short, None, None).unwrap();
    assert_eq!(
        (r.why, r.needed, r.balance),
        (Why::Short(Reason::Unknown), Some(160), Some(120))
    );
    assert_eq!(
        Refusal::from_affordability(&Affordability::Free, None, None),
        None
    );
}
