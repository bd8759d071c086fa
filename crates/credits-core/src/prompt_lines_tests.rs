use super::*;
use crate::prompt_fixtures::*;
use crate::recommend::Recommendation;
use crate::{Action, BalanceResponse, ImageGenerate, PlanId, Quality, Role, Status};

use Reason::*;

/// A case's name, the refusal, the balance, the time, and the lines wanted.
type NumbersRow<'a> = (
    &'a str,
    Refused<'a>,
    Option<&'a BalanceResponse>,
    i64,
    Vec<Line>,
);

#[test]
fn the_numbers_needed_left_and_when_they_come_back() {
    let plans = plans();
    let b = balance(Status::Active, 120, monthly(), false);
    let needs = |why, needed, balance| Refused {
        needed,
        balance,
        ..refused(why)
    };
    let monthly = Why::Short(MonthlyLimitReached);
    let week = Line::ComesBack {
        at: at(CYCLE_END),
        days: 7,
    };
    let left = |needed, balance| Line::NeededVsLeft { needed, balance };
    let dec_3 = "2026-12-03T00:00:00Z";
    #[rustfmt::skip]
    let rows: Vec<NumbersRow> = vec![
        ("the refusal's numbers", needs(monthly, Some(160), Some(100)), Some(&b), at(NOW), vec![left(160, 100), week.clone()]),
        ("the balance's when the refusal has none", needs(monthly, Some(160), None), Some(&b), at(NOW), vec![left(160, 120), week.clone()]),
        ("the cost unknown", needs(monthly, None, Some(100)), Some(&b), at(NOW), vec![week.clone()]),
        ("nothing read", needs(monthly, Some(160), None), None, at(NOW), vec![]),
        ("the refusal's reset first", Refused { resets_at: Some(dec_3), ..needs(monthly, None, None) }, Some(&b), at(NOW),
            vec![Line::ComesBack { at: at(dec_3), days: 9 }]),
        ("a reset that does not parse", Refused { resets_at: Some("soon"), ..needs(monthly, None, None) }, Some(&b), at(NOW), vec![]),
        ("less than a day left is a day", needs(monthly, None, None), Some(&b), at(CYCLE_END) - 60,
            vec![Line::ComesBack { at: at(CYCLE_END), days: 1 }]),
        ("the reset past", needs(monthly, None, None), Some(&b), at(CYCLE_END), vec![]),
        ("a shared pool waits too", needs(Why::Short(SharedPoolExhausted), None, None), Some(&b), at(NOW), vec![week.clone()]),
        ("a newer reason waits too", needs(Why::Short(Unknown), None, None), Some(&b), at(NOW), vec![week.clone()]),
        ("a trial does not come back", needs(Why::Short(TrialExhausted), Some(2), Some(0)), Some(&b), at(NOW), vec![left(2, 0)]),
        ("nor does an ended plan", needs(Why::Short(SubscriptionExpired), None, None), Some(&b), at(NOW), vec![]),
        ("nor an unpaid one", needs(Why::Short(PaymentFailed), None, None), Some(&b), at(NOW), vec![]),
        ("nor a locked feature", needs(Why::FeatureNotInPlan, None, Some(5)), Some(&b), at(NOW), vec![]),
    ];
    for (name, r, figures, now, want) in rows {
        let f = PromptFacts {
            now,
            ..facts(r, figures, &plans)
        };
        assert_eq!(prompt_lines(&f).numbers, want, "{name}");
    }
}

#[test]
fn after_a_trial_the_plans_with_monthly_credits_and_never_otherwise() {
    let plans = plans();
    let b = trial(50, 0);
    let f = facts(refused(Why::Short(TrialExhausted)), Some(&b), &plans);
    let month = |plan, credits| Line::PlanMonthly { plan, credits };
    assert_eq!(
        prompt_lines(&f).monthly_plans,
        vec![
            month(PlanId::Basic, 1000),
            month(PlanId::Pro, 5000),
            month(PlanId::Enterprise, 50_000)
        ]
    );
    let unread = facts(refused(Why::Short(TrialExhausted)), Some(&b), &[]);
    assert_eq!(prompt_lines(&unread).monthly_plans, vec![]);
    let monthly = facts(refused(Why::Short(MonthlyLimitReached)), Some(&b), &plans);
    assert_eq!(prompt_lines(&monthly).monthly_plans, vec![]);
}

#[test]
fn what_the_plan_offered_brings_and_the_pace_behind_it() {
    let plans = plans();
    let ways = |primary, secondary| WaysOut {
        primary,
        secondary,
        pace: None,
    };
    let pace = Recommendation {
        plan: PlanId::Pro,
        pace: 7200,
        allocation: 5000,
        covers: true,
    };
    let adds = |plan, credits| Line::UpgradeAdds { plan, credits };
    let why_pace = Line::RecommendWhy {
        pace: 7200,
        plan: PlanId::Pro,
        allocation: 5000,
    };
    let monthly = Why::Short(MonthlyLimitReached);
    let top_up = WayOut::TopUp { credits: 500 };
    #[rustfmt::skip]
    let rows: Vec<(&str, Why, WaysOut, Vec<Line>)> = vec![
        ("an upgrade", monthly, ways(WayOut::Upgrade(PlanId::Pro), None), vec![adds(PlanId::Pro, 5000)]),
        ("an upgrade second", monthly, ways(top_up, Some(WayOut::Upgrade(PlanId::Pro))), vec![adds(PlanId::Pro, 5000)]),
        ("sold by contact", monthly, ways(WayOut::ContactSales(PlanId::Enterprise), None), vec![adds(PlanId::Enterprise, 50_000)]),
        ("with its pace", monthly, WaysOut { pace: Some(pace), ..ways(WayOut::Upgrade(PlanId::Pro), None) },
            vec![adds(PlanId::Pro, 5000), why_pace]),
        ("a top-up only", monthly, ways(top_up, None), vec![]),
        ("a plan not listed", monthly, ways(WayOut::Upgrade(PlanId::Unknown), None), vec![]),
        ("a locked feature says it already", Why::FeatureNotInPlan, ways(WayOut::Upgrade(PlanId::Pro), None), vec![]),
        ("an ended plan", Why::Short(SubscriptionExpired), ways(WayOut::Renew(PlanId::Pro), Some(WayOut::Upgrade(PlanId::Pro))), vec![]),
        ("an unpaid plan", Why::Short(PaymentFailed), ways(WayOut::FixPayment, Some(WayOut::Upgrade(PlanId::Pro))), vec![]),
    ];
    for (name, why, ways, want) in rows {
        assert_eq!(why_lines(why, ways, &plans), want, "{name}");
    }
}

#[test]
fn the_lines_and_the_ways_come_from_the_same_facts() {
    let plans = plans();
    let action = Action::ImageGenerate(ImageGenerate::new(Quality::High, 16));
    let owner = on(
        PlanId::Basic,
        Role::Owner,
        balance(Status::Active, 120, monthly(), false),
    );
    let r = Refused {
        needed: Some(160),
        action: Some(&action),
        ..refused(Why::Short(MonthlyLimitReached))
    };
    let f = facts(r, Some(&owner), &plans);
    let said = prompt_lines(&f);
    assert_eq!(said.ways, ways_for(&f));
}
