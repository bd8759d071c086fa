use super::*;

const DAY: i64 = 86_400;

/// The plans the reference server lists (server/data/plans.toml).
fn plans() -> Vec<Plan> {
    const SHIPPED: &str = include_str!("../../../server/data/plans.toml");
    let listed: crate::PlansResponse =
        toml::from_str(SHIPPED).expect("server/data/plans.toml parses as plans");
    listed.plans
}

type Case<'a> = (
    &'a str,
    PlanId,
    u64,
    Option<&'a str>,
    Option<Recommendation>,
);

#[test]
fn the_pace_projected_to_the_cycle() {
    let start = 1_000 * DAY;
    let end = start + 30 * DAY;
    let cases = [
        // (spent, days gone, projected)
        (994, 26 * DAY, Some(1147)),
        (4880, 23 * DAY, Some(6365)),
        (0, 10 * DAY, Some(0)),
        // The first hour counts as a day, not as 1/24 of one.
        (100, 3600, Some(3000)),
        // After the cycle's end, the pace is what was spent.
        (1000, 40 * DAY, Some(1000)),
        // Before the start (a clock behind the server), still one day.
        (10, -5 * DAY, Some(300)),
    ];
    for (spent, gone, want) in cases {
        assert_eq!(
            projected_use(spent, start, end, start + gone),
            want,
            "{spent} over {gone}s"
        );
    }
    assert_eq!(
        projected_use(10, end, start, end),
        None,
        "a cycle that ends before it starts"
    );
    assert_eq!(projected_use(10, start, start, start), None);
    // Times at the ends of i64 (from a caller, not the API) do not overflow.
    assert_eq!(projected_use(10, i64::MIN, i64::MAX, 0), None);
    assert_eq!(
        projected_use(10, 0, i64::MAX, i64::MIN),
        Some(1_067_519_911_673_006)
    );
    assert_eq!(
        projected_use(u64::MAX, start, end, start + DAY),
        Some(u64::MAX)
    );
}

#[test]
fn numbers_said_roughly() {
    for (n, want) in [
        (0, 0),
        (7, 7),
        (99, 99),
        (104, 100),
        (105, 110),
        (999, 1000),
        (3_149, 3_100),
        (3_150, 3_200),
        (6_365, 6_400),
    ] {
        assert_eq!(about(n), want, "{n}");
    }
    assert_eq!(about(u64::MAX), u64::MAX / 100 * 100);
}

#[test]
fn the_plan_to_recommend_on_a_table() {
    let p = plans();
    let rec = |plan, pace, allocation, covers| {
        Some(Recommendation {
            plan,
            pace: about(pace),
            allocation,
            covers,
        })
    };
    let cases: Vec<Case> = vec![
        (
            "basic at 1,147 → pro",
            PlanId::Basic,
            1147,
            None,
            rec(PlanId::Pro, 1147, 5000, true),
        ),
        (
            "free at 3,100 → pro",
            PlanId::Free,
            3100,
            None,
            rec(PlanId::Pro, 3100, 5000, true),
        ),
        (
            "free at a trickle → basic",
            PlanId::Free,
            300,
            None,
            rec(PlanId::Basic, 300, 1000, true),
        ),
        // Headroom: 900 a month needs 1,080, more than Basic's 1,000.
        (
            "free at 900 → pro for headroom",
            PlanId::Free,
            900,
            None,
            rec(PlanId::Pro, 900, 5000, true),
        ),
        (
            "exactly the allocation with headroom",
            PlanId::Free,
            833,
            None,
            rec(PlanId::Basic, 833, 1000, true),
        ),
        (
            "pro at 6,365 → enterprise",
            PlanId::Pro,
            6365,
            None,
            rec(PlanId::Enterprise, 6365, 50000, true),
        ),
        (
            "no plan covers: the most generous",
            PlanId::Pro,
            90_000,
            None,
            rec(PlanId::Enterprise, 90_000, 50000, false),
        ),
        (
            "no plan above enterprise",
            PlanId::Enterprise,
            90_000,
            None,
            None,
        ),
        ("an unknown plan", PlanId::Unknown, 10, None, None),
        (
            "video needs pro even at a trickle",
            PlanId::Free,
            10,
            Some("video.generate"),
            rec(PlanId::Pro, 10, 5000, true),
        ),
        (
            "an action no plan has",
            PlanId::Free,
            10,
            Some("hologram.generate"),
            None,
        ),
        (
            "zero pace: the next plan up",
            PlanId::Free,
            0,
            None,
            rec(PlanId::Basic, 0, 1000, true),
        ),
    ];
    for (name, current, pace, action, want) in cases {
        assert_eq!(recommend_plan(&p, current, pace, action), want, "{name}");
    }
    assert_eq!(
        recommend_plan(&[], PlanId::Free, 10, None),
        None,
        "no plans"
    );
}
