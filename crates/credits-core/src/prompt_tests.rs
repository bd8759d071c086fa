use super::*;
use crate::prompt_fixtures::{balance, grant, spend};
use crate::Status;

#[test]
fn the_reason_before_any_request_on_a_table() {
    use Reason::*;
    let monthly = || vec![grant(GrantKind::Monthly, 1000, 6)];
    let trial = || vec![grant(GrantKind::Trial, 50, 0)];
    let team = [
        spend("u_me", 180),
        spend("u_jonas", 2460),
        spend("u_lea", 1940),
    ];
    let mine = [spend("u_me", 4000), spend("u_lea", 10)];
    #[allow(clippy::type_complexity)]
    let cases: Vec<(
        &str,
        BalanceResponse,
        u64,
        bool,
        Option<&[MemberSpend]>,
        Option<Why>,
    )> = vec![
        (
            "exactly enough",
            balance(Status::Active, 6, monthly(), false),
            6,
            false,
            None,
            None,
        ),
        (
            "one short",
            balance(Status::Active, 6, monthly(), false),
            7,
            false,
            None,
            Some(Why::Short(MonthlyLimitReached)),
        ),
        (
            "free action at zero",
            balance(Status::Active, 0, monthly(), false),
            0,
            false,
            None,
            None,
        ),
        (
            "zero with a coming reset",
            balance(Status::Active, 0, monthly(), false),
            2,
            false,
            None,
            Some(Why::Short(MonthlyLimitReached)),
        ),
        (
            "trial used up",
            balance(Status::Free, 0, trial(), false),
            2,
            false,
            None,
            Some(Why::Short(TrialExhausted)),
        ),
        (
            "trialing, short",
            balance(
                Status::Trialing,
                50,
                vec![grant(GrantKind::Trial, 50, 50)],
                false,
            ),
            64,
            false,
            None,
            Some(Why::Short(TrialExhausted)),
        ),
        (
            "expired",
            balance(Status::Expired, 0, monthly(), false),
            2,
            false,
            None,
            Some(Why::Short(SubscriptionExpired)),
        ),
        (
            "canceled",
            balance(Status::Canceled, 0, monthly(), false),
            2,
            false,
            None,
            Some(Why::Short(SubscriptionExpired)),
        ),
        (
            "past due",
            balance(Status::PastDue, 0, monthly(), false),
            2,
            false,
            None,
            Some(Why::Short(PaymentFailed)),
        ),
        (
            "team spent it",
            balance(Status::Active, 120, monthly(), true),
            160,
            false,
            Some(&team),
            Some(Why::Short(SharedPoolExhausted)),
        ),
        (
            "I spent it",
            balance(Status::Active, 120, monthly(), true),
            160,
            false,
            Some(&mine),
            Some(Why::Short(MonthlyLimitReached)),
        ),
        (
            "pool, usage unknown",
            balance(Status::Active, 120, monthly(), true),
            160,
            false,
            None,
            Some(Why::Short(SharedPoolExhausted)),
        ),
        (
            "blocked, even if affordable",
            balance(Status::Active, 5000, monthly(), false),
            10,
            true,
            None,
            Some(Why::FeatureNotInPlan),
        ),
        (
            "blocked beats expired",
            balance(Status::Expired, 0, monthly(), false),
            10,
            true,
            None,
            Some(Why::FeatureNotInPlan),
        ),
        (
            "newer status, short",
            balance(Status::Unknown, 0, monthly(), false),
            2,
            false,
            None,
            Some(Why::Short(MonthlyLimitReached)),
        ),
    ];
    for (name, b, cost, blocked, by_member, want) in cases {
        assert_eq!(prompt_why(&b, cost, blocked, by_member), want, "{name}");
    }
}

#[test]
fn reason_words_and_a_newer_servers_word() {
    let words = "monthly_limit_reached subscription_expired shared_pool_exhausted trial_exhausted payment_failed";
    for word in words.split(' ') {
        assert_eq!(parse_reason(Some(word)).as_str(), word);
    }
    assert_eq!(parse_reason(Some("quota_paused")), Reason::Unknown);
    assert_eq!(parse_reason(Some("")), Reason::Unknown);
    assert_eq!(parse_reason(None), Reason::Unknown);
    assert_eq!(Why::Short(Reason::Unknown).as_str(), "unknown");
    assert_eq!(Why::FeatureNotInPlan.as_str(), "feature_not_in_plan");
}

#[test]
fn the_teammate_who_spent_the_most() {
    let team = [
        spend("u_me", 9000),
        spend("u_lea", 1940),
        spend("u_jonas", 2460),
    ];
    assert_eq!(
        top_spender(&team, "u_me").map(|s| s.member.id.as_str()),
        Some("u_jonas")
    );
    assert_eq!(top_spender(&[spend("u_me", 5)], "u_me"), None);
    assert_eq!(top_spender(&[spend("u_a", 0)], "u_me"), None);
    // A tie keeps the first listed (the server lists biggest first).
    let tie = [spend("u_a", 10), spend("u_b", 10)];
    assert_eq!(
        top_spender(&tie, "u_me").map(|s| s.member.id.as_str()),
        Some("u_a")
    );
}
