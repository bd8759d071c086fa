use super::*;
use crate::recommend::about;
use crate::recommend::Recommendation;
use crate::{BalanceResponse, GrantKind};

const DAY: i64 = 86_400;
const START: i64 = 1_000 * DAY;
/// A 30-day cycle.
const END: i64 = START + 30 * DAY;
/// The packs on sale, in no order.
const PACKS: &[u64] = &[1000, 500, 5000];

/// The plans the reference server lists (server/data/plans.toml): Basic
/// 1,000 and Pro 5,000 a month, self-serve; Enterprise 50,000, by contact.
fn plans() -> Vec<Plan> {
    const SHIPPED: &str = include_str!("../../../server/data/plans.toml");
    let listed: crate::PlansResponse =
        toml::from_str(SHIPPED).expect("server/data/plans.toml parses as plans");
    listed.plans
}

/// The shipped plans, but video only on Enterprise.
fn video_by_contact() -> Vec<Plan> {
    let mut p = plans();
    for plan in p.iter_mut().filter(|p| p.id != PlanId::Enterprise) {
        plan.features.retain(|f| f != "video.generate");
    }
    p
}

/// A monthly shortfall on `plan`: `spent` of the allocation gone by `now`.
fn short<'a>(
    plans: &'a [Plan],
    plan: PlanId,
    balance: u64,
    needed: u64,
    spent: u64,
    now: i64,
) -> Situation<'a> {
    Situation {
        why: Why::Short(Reason::MonthlyLimitReached),
        role: Some(Role::Owner),
        plan,
        plans,
        action_id: Some("image.generate"),
        required_plan: None,
        needed,
        balance,
        cycle: Some(Cycle {
            started_at: START,
            resets_at: END,
            spent,
        }),
        now,
        top_ups: PACKS,
    }
}

fn day(n: i64) -> i64 {
    START + n * DAY
}

fn ways(primary: WayOut, secondary: Option<WayOut>) -> WaysOut {
    WaysOut {
        primary,
        secondary,
        pace: None,
    }
}

fn paced(primary: WayOut, secondary: Option<WayOut>, pace: u64, allocation: u64) -> WaysOut {
    let plan = match primary {
        WayOut::Upgrade(p) | WayOut::ContactSales(p) => p,
        _ => PlanId::Unknown,
    };
    WaysOut {
        pace: Some(Recommendation {
            plan,
            pace: about(pace),
            allocation,
            covers: true,
        }),
        ..ways(primary, secondary)
    }
}

fn top_up(credits: u64) -> WayOut {
    WayOut::TopUp { credits }
}

fn wait(days: i64) -> Option<WayOut> {
    Some(WayOut::WaitForReset { days })
}

#[test]
fn the_way_out_of_each_situation() {
    use PlanId::*;
    use WayOut::*;
    let p = plans();
    let by_contact = video_by_contact();
    let top_two = &p[..2];
    let pro_40_short = short(&p, Pro, 2400, 2440, 2600, day(15));
    let basic_owner = |spent| short(&p, Basic, 400, 450, spent, day(15));
    let with = |why, role| Situation {
        why,
        role,
        ..pro_40_short
    };
    let cases: Vec<(&str, Situation, WaysOut)> = vec![
        // Issue 13: pace 5,200 against Pro's 5,000; 200 short by the reset.
        (
            "pro admin 40 short mid-cycle: a top-up, not enterprise",
            Situation {
                role: Some(Role::Admin),
                ..pro_40_short
            },
            ways(top_up(500), wait(15)),
        ),
        (
            "basic owner whose pace (1,800) needs pro: upgrade to pro",
            short(&p, Basic, 100, 160, 900, day(15)),
            paced(Upgrade(Pro), Some(top_up(500)), 1800, 5000),
        ),
        (
            "basic at 1,200, within a quarter over: a top-up",
            basic_owner(600),
            ways(top_up(500), wait(15)),
        ),
        (
            "basic at exactly 1,250: still a top-up",
            basic_owner(625),
            ways(top_up(500), wait(15)),
        ),
        (
            "basic at 1,252: upgrade to pro",
            basic_owner(626),
            paced(Upgrade(Pro), Some(top_up(500)), 1252, 5000),
        ),
        // The demo's Northwind Studio: 4,880 of 5,000 spent in 23 of 30 days.
        (
            "pro admin at 6,365 (27% over), enterprise by contact: a pack for the cycle first",
            Situation {
                role: Some(Role::Admin),
                ..short(&p, Pro, 120, 160, 4880, day(23))
            },
            WaysOut {
                primary: top_up(5000),
                secondary: Some(ContactSales(Enterprise)),
                ..paced(ContactSales(Enterprise), None, 6365, 50_000)
            },
        ),
        (
            "pro owner whose pace (14,700) needs more than pro: contact sales",
            short(&p, Pro, 100, 160, 4900, day(10)),
            paced(ContactSales(Enterprise), Some(top_up(500)), 14_700, 50_000),
        ),
        (
            "member: ask an admin, no purchase",
            with(Why::Short(Reason::MonthlyLimitReached), Some(Role::Member)),
            ways(AskAdmin, wait(15)),
        ),
        (
            "member, teammates spent the pool: ask an admin",
            with(Why::Short(Reason::SharedPoolExhausted), Some(Role::Member)),
            ways(AskAdmin, wait(15)),
        ),
        (
            "member, expired: ask an admin, no wait",
            with(Why::Short(Reason::SubscriptionExpired), Some(Role::Member)),
            ways(AskAdmin, None),
        ),
        (
            "a role a newer server adds cannot buy",
            with(Why::FeatureNotInPlan, Some(Role::Unknown)),
            ways(AskAdmin, None),
        ),
        (
            "role not known (no balance): the buyer's way",
            Situation {
                role: None,
                cycle: None,
                balance: 0,
                needed: 40,
                ..pro_40_short
            },
            ways(top_up(500), None),
        ),
        (
            "admin, teammates spent the pool: a top-up",
            with(Why::Short(Reason::SharedPoolExhausted), Some(Role::Admin)),
            ways(top_up(500), wait(15)),
        ),
        (
            "expired: renew",
            with(Why::Short(Reason::SubscriptionExpired), Some(Role::Owner)),
            ways(Renew(Pro), None),
        ),
        (
            "expired basic, the action beyond its allocation: upgrade",
            Situation {
                why: Why::Short(Reason::SubscriptionExpired),
                ..short(&p, Basic, 0, 2000, 0, day(3))
            },
            ways(Upgrade(Pro), None),
        ),
        (
            "expired, action not known: renew",
            Situation {
                why: Why::Short(Reason::SubscriptionExpired),
                action_id: None,
                ..short(&p, Basic, 0, 2000, 0, day(3))
            },
            ways(Renew(Basic), None),
        ),
        (
            "expired enterprise: contact sales",
            Situation {
                why: Why::Short(Reason::SubscriptionExpired),
                ..short(&p, Enterprise, 0, 100, 0, day(3))
            },
            ways(ContactSales(Enterprise), None),
        ),
        (
            "past due: fix the payment",
            with(Why::Short(Reason::PaymentFailed), Some(Role::Owner)),
            ways(FixPayment, None),
        ),
        (
            "feature not in plan, the 403 names enterprise: contact sales",
            Situation {
                required_plan: Some(Enterprise),
                ..with(Why::FeatureNotInPlan, Some(Role::Owner))
            },
            ways(ContactSales(Enterprise), None),
        ),
        (
            "feature only enterprise has: contact sales",
            Situation {
                why: Why::FeatureNotInPlan,
                action_id: Some("video.generate"),
                ..short(&by_contact, Basic, 5000, 10, 0, day(3))
            },
            ways(ContactSales(Enterprise), None),
        ),
        (
            "feature pro has: upgrade to pro",
            Situation {
                why: Why::FeatureNotInPlan,
                action_id: Some("video.generate"),
                ..short(&p, Basic, 5000, 10, 0, day(3))
            },
            ways(Upgrade(Pro), None),
        ),
        (
            "feature no plan has: the plans",
            Situation {
                why: Why::FeatureNotInPlan,
                action_id: Some("hologram.generate"),
                ..short(&p, Basic, 5000, 10, 0, day(3))
            },
            ways(SeePlans, None),
        ),
        (
            "trial used up: the plans",
            Situation {
                why: Why::Short(Reason::TrialExhausted),
                cycle: None,
                ..short(&p, Free, 0, 2, 0, day(3))
            },
            ways(SeePlans, None),
        ),
        (
            "a reason a newer server adds: the plans",
            with(Why::Short(Reason::Unknown), Some(Role::Owner)),
            ways(SeePlans, None),
        ),
        // Resets in 6 hours (days_until says 1): waiting is free.
        (
            "reset within a day, 40 short: wait, top-up second",
            short(&p, Pro, 10, 50, 4990, END - 6 * 3600),
            ways(WaitForReset { days: 1 }, Some(top_up(500))),
        ),
        (
            "reset within a day, action beyond the allocation: top-up, no wait",
            short(&p, Basic, 10, 1500, 990, END - 6 * 3600),
            ways(top_up(5000), None),
        ),
        (
            "reset date passed (not synced): a top-up, no wait",
            short(&p, Pro, 10, 50, 4990, END + DAY),
            ways(top_up(500), None),
        ),
        (
            "no packs on sale, pro at 5,200: contact sales",
            Situation {
                top_ups: &[],
                ..pro_40_short
            },
            paced(ContactSales(Enterprise), None, 5200, 50_000),
        ),
        (
            "shortfall beyond the biggest pack and the allocation: the plan that covers it",
            Situation {
                top_ups: &[500, 1000],
                ..short(&p, Basic, 100, 3000, 300, day(15))
            },
            ways(Upgrade(Pro), None),
        ),
        (
            "enterprise at its ceiling, no packs: contact sales",
            Situation {
                top_ups: &[],
                ..short(&p, Enterprise, 0, 100, 50_000, day(20))
            },
            ways(ContactSales(Enterprise), wait(10)),
        ),
        (
            "top self-serve plan, no packs: wait",
            Situation {
                top_ups: &[0],
                ..short(top_two, Basic, 0, 100, 900, day(15))
            },
            ways(WaitForReset { days: 15 }, None),
        ),
        (
            "top self-serve plan, no packs, no cycle: the plans",
            Situation {
                top_ups: &[],
                cycle: None,
                ..short(top_two, Basic, 0, 100, 900, day(15))
            },
            ways(SeePlans, None),
        ),
    ];
    for (name, situation, want) in cases {
        assert_eq!(way_out(&situation), want, "{name}");
    }
}

#[test]
fn huge_values_never_overflow_or_panic() {
    let p = plans();
    let mut huge = plans();
    for plan in &mut huge {
        plan.monthly_credits = u64::MAX;
    }
    let credits = [0, 1, u64::MAX / 2, u64::MAX];
    let times = [i64::MIN, -1, 0, START, END, i64::MAX];
    let whys = [
        Why::FeatureNotInPlan,
        Why::Short(Reason::MonthlyLimitReached),
        Why::Short(Reason::SharedPoolExhausted),
        Why::Short(Reason::SubscriptionExpired),
        Why::Short(Reason::PaymentFailed),
        Why::Short(Reason::TrialExhausted),
        Why::Short(Reason::Unknown),
    ];
    let packs: [&[u64]; 3] = [&[], &[u64::MAX], &[1, u64::MAX, 0]];
    for catalogue in [&p[..], &huge[..], &[]] {
        for why in whys {
            for &n in &credits {
                for &t in &times {
                    for top_ups in packs {
                        let s = Situation {
                            why,
                            role: None,
                            plan: PlanId::Pro,
                            plans: catalogue,
                            action_id: Some("image.generate"),
                            required_plan: None,
                            needed: u64::MAX,
                            balance: n,
                            cycle: Some(Cycle {
                                started_at: t.saturating_neg(),
                                resets_at: t,
                                spent: n,
                            }),
                            now: t.saturating_neg(),
                            top_ups,
                        };
                        let _ = way_out(&s);
                        let _ = way_out(&Situation {
                            needed: n,
                            balance: u64::MAX,
                            now: t,
                            ..s
                        });
                    }
                }
            }
        }
    }
    // A u64::MAX shortfall with a u64::MAX pack: that pack, named exactly.
    let s = Situation {
        top_ups: &[u64::MAX],
        ..short(&huge, PlanId::Pro, 0, u64::MAX, u64::MAX, day(15))
    };
    assert_eq!(way_out(&s).primary, WayOut::TopUp { credits: u64::MAX });
}

#[test]
fn the_cycle_from_a_balance() {
    let mut b: BalanceResponse = serde_json::from_value(serde_json::json!({
        "workspace": {"id": "ws", "name": "W"},
        "member": {"id": "u", "name": "U", "role": "admin"},
        "plan": "pro", "status": "active", "balance": 120,
        "grants": [
            {"kind": "monthly", "granted": 5000, "remaining": 120, "expires_at": null},
            {"kind": "top_up", "granted": 500, "remaining": 0, "expires_at": null}
        ],
        "cycle": {"started_at": "2026-11-01T00:00:00Z", "resets_at": "2026-12-01T00:00:00Z"},
        "shared_pool": false, "payment_method": "ok", "low_balance_threshold": 250,
        "as_of": "2026-11-24T20:00:00Z"
    }))
    .expect("a balance");
    let dec1 = 1_796_083_200;
    assert_eq!(
        Cycle::from_balance(&b),
        Some(Cycle {
            started_at: dec1 - 30 * DAY,
            resets_at: dec1,
            spent: 4880,
        }),
        "only the monthly grants' use counts"
    );
    b.grants[1].kind = GrantKind::Monthly;
    b.grants[0].granted = u64::MAX;
    b.grants[0].remaining = 0;
    b.grants[1].granted = u64::MAX;
    assert_eq!(Cycle::from_balance(&b).map(|c| c.spent), Some(u64::MAX));
    b.cycle = None;
    assert_eq!(
        Cycle::from_balance(&b),
        None,
        "no cycle without a paid plan"
    );
}

#[test]
fn words_for_data_attributes() {
    let all = [
        (WayOut::TopUp { credits: 5 }, "top_up"),
        (WayOut::Upgrade(PlanId::Pro), "upgrade"),
        (WayOut::ContactSales(PlanId::Enterprise), "contact_sales"),
        (WayOut::Renew(PlanId::Pro), "renew"),
        (WayOut::FixPayment, "fix_payment"),
        (WayOut::AskAdmin, "ask_admin"),
        (WayOut::WaitForReset { days: 1 }, "wait_for_reset"),
        (WayOut::SeePlans, "see_plans"),
    ];
    for (way, word) in all {
        assert_eq!(way.as_str(), word);
    }
}
