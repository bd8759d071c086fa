use super::*;
use crate::{BalanceMember, CycleView, Price, Role, WorkspaceRef};

const DEC1: i64 = 1_796_083_200;
const DAY: i64 = 86_400;

fn grant(kind: GrantKind, granted: u64, remaining: u64, expires: Option<&str>) -> GrantView {
    GrantView {
        kind,
        granted,
        remaining,
        expires_at: expires.map(str::to_owned),
    }
}

fn balance(status: Status, balance: u64, grants: Vec<GrantView>, cycle: bool) -> BalanceResponse {
    BalanceResponse {
        workspace: WorkspaceRef {
            id: "ws".into(),
            name: "W".into(),
        },
        member: BalanceMember {
            id: "u".into(),
            name: "U".into(),
            role: Role::Owner,
        },
        plan: PlanId::Pro,
        status,
        balance,
        grants,
        cycle: cycle.then(|| CycleView {
            started_at: "2026-11-01T00:00:00Z".into(),
            resets_at: "2026-12-01T00:00:00Z".into(),
        }),
        shared_pool: false,
        payment_method: PaymentMethod::Ok,
        low_balance_threshold: 250,
        as_of: "2026-11-24T00:00:00Z".into(),
        admins: Vec::new(),
        pending_plan_change: None,
        purchases: Vec::new(),
    }
}

fn plan(id: PlanId, features: &[&str]) -> Plan {
    Plan {
        id,
        name: id.as_str().into(),
        monthly_credits: 0,
        price: Some(Price {
            amount_minor: 0,
            currency: "USD".into(),
            interval: "month".into(),
        }),
        features: features.iter().map(|f| f.to_string()).collect(),
        seats: None,
        upgrade_url: "/up".into(),
    }
}

#[test]
fn grants_are_listed_monthly_trial_top_up_promo_soonest_expiry_first() {
    let grants = vec![
        grant(GrantKind::Promo, 10, 10, None),
        grant(GrantKind::TopUp, 100, 50, None),
        grant(GrantKind::TopUp, 100, 50, Some("2026-12-01T00:00:00Z")),
        grant(GrantKind::Unknown, 1, 1, None),
        grant(GrantKind::Trial, 50, 0, None),
        grant(GrantKind::Monthly, 5000, 120, Some("2026-12-01T00:00:00Z")),
    ];
    let order: Vec<(GrantKind, bool)> = grant_order(&grants)
        .iter()
        .map(|g| (g.kind, g.expires_at.is_some()))
        .collect();
    assert_eq!(
        order,
        [
            (GrantKind::Monthly, true),
            (GrantKind::Trial, false),
            (GrantKind::TopUp, true),
            (GrantKind::TopUp, false),
            (GrantKind::Promo, false),
            (GrantKind::Unknown, false),
        ]
    );
}

#[test]
fn allocation_used_is_rounded_down_and_absent_without_a_monthly_grant() {
    let b = balance(
        Status::Active,
        120,
        vec![grant(GrantKind::Monthly, 5000, 120, None)],
        true,
    );
    assert_eq!(
        allocation(&b),
        Some(Allocation {
            granted: 5000,
            used: 4880,
            percent: 97
        })
    );
    let b = balance(
        Status::Active,
        1,
        vec![grant(GrantKind::Monthly, 1000, 1, None)],
        true,
    );
    assert_eq!(
        allocation(&b).map(|a| a.percent),
        Some(99),
        "100% only when all is gone"
    );
    let b = balance(
        Status::Trialing,
        50,
        vec![grant(GrantKind::Trial, 50, 50, None)],
        false,
    );
    assert_eq!(allocation(&b), None);
    let b = balance(
        Status::Active,
        0,
        vec![grant(GrantKind::Monthly, 0, 0, None)],
        true,
    );
    assert_eq!(allocation(&b), None, "a zero grant divides nothing");
}

#[test]
fn a_drained_balance_with_a_coming_reset_is_empty_until_reset_never_expired() {
    let drained = vec![grant(
        GrantKind::Monthly,
        1000,
        0,
        Some("2026-12-01T00:00:00Z"),
    )];
    let b = balance(Status::Active, 0, drained.clone(), true);
    assert_eq!(standing(&b, DEC1 - 6 * DAY), Standing::EmptyUntilReset);
    assert_eq!(upcoming_reset(&b, DEC1 - 6 * DAY), Some((DEC1, 6)));
    assert_eq!(
        standing(&b, DEC1 + 1),
        Standing::Empty,
        "the reset has passed"
    );
    assert_eq!(upcoming_reset(&b, DEC1 + 1), None);
    let b = balance(Status::Expired, 0, drained.clone(), true);
    assert_eq!(standing(&b, DEC1 - DAY), Standing::Expired);
    let b = balance(Status::Canceled, 0, drained.clone(), true);
    assert_eq!(standing(&b, DEC1 - DAY), Standing::Expired);
    let b = balance(Status::PastDue, 0, drained, true);
    assert_eq!(standing(&b, DEC1 + DAY), Standing::PastDue);
    let b = balance(
        Status::Free,
        0,
        vec![grant(GrantKind::Trial, 50, 0, None)],
        false,
    );
    assert_eq!(standing(&b, DEC1), Standing::Empty);
    let b = balance(Status::Active, 120, vec![], true);
    assert_eq!(standing(&b, DEC1 - DAY), Standing::Low);
    let b = balance(Status::Active, 250, vec![], true);
    assert_eq!(standing(&b, DEC1 - DAY), Standing::Healthy);
}

#[test]
fn refresh_advice_follows_the_situation() {
    let now = DEC1 - 4 * DAY;
    let mut b = balance(Status::Active, 6, vec![], true);
    assert_eq!(refresh_advice(&b, now), RefreshAdvice::WaitForReset);
    assert_eq!(refresh_advice(&b, DEC1 + DAY), RefreshAdvice::Resync);
    b.payment_method = PaymentMethod::Missing;
    assert_eq!(refresh_advice(&b, now), RefreshAdvice::AddPayment);
    b.payment_method = PaymentMethod::Failing;
    assert_eq!(refresh_advice(&b, now), RefreshAdvice::FixPayment);
    b.payment_method = PaymentMethod::Ok;
    b.status = Status::PastDue;
    assert_eq!(refresh_advice(&b, now), RefreshAdvice::FixPayment);
    b.status = Status::Expired;
    assert_eq!(refresh_advice(&b, now), RefreshAdvice::Renew);
    let t = balance(Status::Trialing, 50, vec![], false);
    assert_eq!(refresh_advice(&t, now), RefreshAdvice::NoMonthlyCredits);
    assert_eq!(RefreshAdvice::FixPayment.as_str(), "fix_payment");
}

#[test]
fn locked_features_name_the_cheapest_plan_that_has_them() {
    let plans = [
        plan(PlanId::Free, &["image.generate"]),
        plan(PlanId::Basic, &["image.generate", "edit.inpaint"]),
        plan(
            PlanId::Pro,
            &["image.generate", "edit.inpaint", "video.generate"],
        ),
        plan(
            PlanId::Enterprise,
            &["image.generate", "edit.inpaint", "video.generate"],
        ),
    ];
    let locked = locked_features(&plans, PlanId::Free);
    assert_eq!(
        locked,
        [
            LockedFeature {
                feature: "edit.inpaint".into(),
                needs: PlanId::Basic
            },
            LockedFeature {
                feature: "video.generate".into(),
                needs: PlanId::Pro
            },
        ]
    );
    assert!(locked_features(&plans, PlanId::Enterprise).is_empty());
    assert_eq!(locked_features(&plans, PlanId::Unknown).len(), 3);
}

#[test]
fn bars_are_shares_of_the_biggest() {
    assert_eq!(bar_lengths(&[2460, 1230, 0]), [1000, 500, 0]);
    assert_eq!(bar_lengths(&[0, 0]), [0, 0]);
    assert!(bar_lengths(&[]).is_empty());
    assert_eq!(bar_lengths(&[u64::MAX, 1]), [1000, 0]);
}
