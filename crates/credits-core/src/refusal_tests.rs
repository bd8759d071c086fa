use super::*;
use crate::Price;

fn facts(status: Status) -> ShortfallFacts {
    ShortfallFacts {
        status,
        has_monthly_grant: true,
        shared_pool: false,
        own_cycle_spend: 0,
        others_cycle_spend: 0,
    }
}

fn plan(id: PlanId, monthly_credits: u64, features: &[&str]) -> Plan {
    Plan {
        id,
        name: id.as_str().to_owned(),
        monthly_credits,
        price: Some(Price {
            amount_minor: 100,
            currency: "USD".into(),
            interval: "month".into(),
        }),
        features: features.iter().map(|f| f.to_string()).collect(),
        seats: None,
        upgrade_url: "/upgrade".into(),
    }
}

fn plans() -> Vec<Plan> {
    let img = "image.generate";
    let vid = "video.generate";
    vec![
        plan(PlanId::Free, 0, &[img]),
        plan(PlanId::Basic, 1000, &[img]),
        plan(PlanId::Pro, 5000, &[img, vid]),
        plan(PlanId::Enterprise, 50000, &[img, vid]),
    ]
}

#[test]
fn each_situation_has_its_reason() {
    assert_eq!(
        refusal_reason(&facts(Status::Active)),
        Reason::MonthlyLimitReached
    );
    for s in [Status::Expired, Status::Canceled] {
        assert_eq!(refusal_reason(&facts(s)), Reason::SubscriptionExpired);
    }
    assert_eq!(
        refusal_reason(&facts(Status::PastDue)),
        Reason::PaymentFailed
    );
    let trial = ShortfallFacts {
        has_monthly_grant: false,
        ..facts(Status::Trialing)
    };
    assert_eq!(refusal_reason(&trial), Reason::TrialExhausted);
    let free = ShortfallFacts {
        has_monthly_grant: false,
        ..facts(Status::Free)
    };
    assert_eq!(refusal_reason(&free), Reason::TrialExhausted);
}

#[test]
fn a_shared_pool_is_exhausted_only_when_others_spent_more() {
    let pool = |own, others| ShortfallFacts {
        shared_pool: true,
        own_cycle_spend: own,
        others_cycle_spend: others,
        ..facts(Status::Active)
    };
    assert_eq!(
        refusal_reason(&pool(130, 4750)),
        Reason::SharedPoolExhausted
    );
    assert_eq!(
        refusal_reason(&pool(4000, 880)),
        Reason::MonthlyLimitReached
    );
    assert_eq!(refusal_reason(&pool(0, 0)), Reason::MonthlyLimitReached);
    // Without a shared pool, others' spend is not the story.
    let solo = ShortfallFacts {
        shared_pool: false,
        ..pool(0, 4880)
    };
    assert_eq!(refusal_reason(&solo), Reason::MonthlyLimitReached);
    // An expired subscription outranks the pool.
    let expired = ShortfallFacts {
        status: Status::Expired,
        ..pool(0, 4880)
    };
    assert_eq!(refusal_reason(&expired), Reason::SubscriptionExpired);
}

#[test]
fn suggests_the_next_plan_up_that_covers_the_need() {
    let p = plans();
    let img = "image.generate";
    let r = Reason::TrialExhausted;
    assert_eq!(
        suggested_plan(&p, PlanId::Free, r, img, 160),
        Some(PlanId::Basic)
    );
    assert_eq!(
        suggested_plan(&p, PlanId::Free, r, img, 2000),
        Some(PlanId::Pro)
    );
    let r = Reason::MonthlyLimitReached;
    assert_eq!(
        suggested_plan(&p, PlanId::Basic, r, img, 16),
        Some(PlanId::Pro)
    );
    let r = Reason::SharedPoolExhausted;
    assert_eq!(
        suggested_plan(&p, PlanId::Pro, r, img, 160),
        Some(PlanId::Enterprise)
    );
    assert_eq!(suggested_plan(&p, PlanId::Enterprise, r, img, 160), None);
    assert_eq!(suggested_plan(&p, PlanId::Pro, r, img, 60000), None);
    // The plan must also have the action.
    let vid = "video.generate";
    assert_eq!(
        suggested_plan(&p, PlanId::Free, Reason::TrialExhausted, vid, 10),
        Some(PlanId::Pro)
    );
}

#[test]
fn renewing_is_suggested_when_the_plan_itself_would_do() {
    let p = plans();
    let img = "image.generate";
    let r = Reason::SubscriptionExpired;
    assert_eq!(
        suggested_plan(&p, PlanId::Pro, r, img, 160),
        Some(PlanId::Pro)
    );
    assert_eq!(
        suggested_plan(&p, PlanId::Basic, Reason::PaymentFailed, img, 4),
        Some(PlanId::Basic)
    );
    assert_eq!(
        suggested_plan(&p, PlanId::Basic, r, img, 4000),
        Some(PlanId::Pro)
    );
}

#[test]
fn reasons_round_trip_and_tolerate_new_ones() {
    for r in [
        Reason::MonthlyLimitReached,
        Reason::SubscriptionExpired,
        Reason::SharedPoolExhausted,
        Reason::TrialExhausted,
        Reason::PaymentFailed,
    ] {
        let v = serde_json::to_value(r).unwrap();
        assert_eq!(v, r.as_str());
        assert_eq!(serde_json::from_value::<Reason>(v).unwrap(), r);
    }
    let r: Reason = serde_json::from_value(serde_json::json!("seat_limit")).unwrap();
    assert_eq!(r, Reason::Unknown);
}
