use super::*;

fn problem(status: u16, code: &str) -> Problem {
    Problem::new(status, code, "t", "why")
}

#[test]
fn statuses_map_to_what_a_person_is_told() {
    assert_eq!(ClientError::from_answer(401, None).kind(), "unauthorized");
    assert_eq!(ClientError::from_answer(500, None).kind(), "server");
    assert_eq!(ClientError::from_answer(503, None).kind(), "server");
    assert_eq!(ClientError::from_answer(429, None).kind(), "server");
    assert_eq!(ClientError::from_answer(422, None).kind(), "refused");
    assert_eq!(ClientError::from_answer(404, None).kind(), "refused");
    // A 403 that is not about the plan is a plain refusal.
    assert_eq!(
        ClientError::from_answer(403, Some(problem(403, "forbidden"))).kind(),
        "refused"
    );
}

#[test]
fn insufficient_credits_carries_the_problems_fields() {
    let mut p = problem(402, "insufficient_credits");
    p.reason = Some("shared_pool_exhausted".into());
    p.needed = Some(160);
    p.balance = Some(120);
    p.resets_at = Some("2026-12-01T00:00:00Z".into());
    p.suggested_plan = Some("enterprise".into());
    let ClientError::InsufficientCredits(i) = ClientError::from_answer(402, Some(p.clone())) else {
        panic!("402 insufficient_credits has its own variant");
    };
    assert_eq!(i.reason.as_deref(), Some("shared_pool_exhausted"));
    assert_eq!((i.needed, i.balance), (Some(160), Some(120)));
    assert_eq!(i.resets_at.as_deref(), Some("2026-12-01T00:00:00Z"));
    assert_eq!(i.suggested_plan.as_deref(), Some("enterprise"));
    assert_eq!(i.problem, p);
    assert_eq!(
        ClientError::InsufficientCredits(i).to_string(),
        "not enough credits: needs 160, has 120"
    );
}

#[test]
fn a_402_without_a_readable_body_is_still_out_of_credits() {
    let e = ClientError::from_answer(402, None);
    assert_eq!(e.kind(), "insufficient_credits");
    assert_eq!(e.status(), Some(402));
}

#[test]
fn feature_not_in_plan_names_the_plan() {
    let mut p = problem(403, "feature_not_in_plan");
    p.required_plan = Some("pro".into());
    let e = ClientError::from_answer(403, Some(p));
    let ClientError::FeatureNotInPlan(f) = &e else {
        panic!("403 feature_not_in_plan has its own variant");
    };
    assert_eq!(f.required_plan.as_deref(), Some("pro"));
    assert_eq!(
        e.to_string(),
        "the plan does not include this action (needs pro)"
    );
}

#[test]
fn only_failures_that_may_heal_are_transient() {
    assert!(ClientError::Offline("refused".into()).is_transient());
    assert!(ClientError::TimedOut { ms: 10 }.is_transient());
    assert!(ClientError::from_answer(503, None).is_transient());
    assert!(!ClientError::from_answer(422, None).is_transient());
    assert!(!ClientError::from_answer(401, None).is_transient());
    assert!(!ClientError::Aborted.is_transient());
}

#[test]
fn message_carries_the_problem_detail() {
    let p = Problem::new(
        422,
        "invalid_setting",
        "Invalid setting",
        "count must be between 1 and 16",
    );
    let e = ClientError::from_answer(422, Some(p));
    assert_eq!(
        e.to_string(),
        "the credits service refused the request (HTTP 422): count must be between 1 and 16"
    );
    assert_eq!(
        e.problem().map(|p| p.code.as_str()),
        Some("invalid_setting")
    );
}
