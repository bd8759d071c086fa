use super::*;
use crate::prompt_fixtures::*;
use crate::prompt_lines::Refused;
use crate::{BalanceResponse, Reason, Status};

fn way(way: WayOut, primary: bool) -> Offer {
    Offer::Way {
        way,
        primary,
        url: None,
    }
}

/// A case's name, the way, whether it is the main one, the balance, the plans, and the offers wanted.
type OfferRow<'a> = (
    &'a str,
    WayOut,
    bool,
    Option<&'a BalanceResponse>,
    &'a [crate::Plan],
    Vec<Offer>,
);

#[test]
fn before_the_balance_is_read_the_plan_the_refusal_names_is_the_way_out() {
    let plans = plans();
    let feature = refused(Why::FeatureNotInPlan);
    let naming = |required, suggested| Refused {
        required_plan: required,
        suggested_plan: suggested,
        ..feature
    };
    #[rustfmt::skip]
    let rows = [
        ("a self-serve plan", naming(Some(PlanId::Pro), None), WayOut::Upgrade(PlanId::Pro)),
        ("the suggested plan", naming(None, Some(PlanId::Basic)), WayOut::Upgrade(PlanId::Basic)),
        ("the required plan first", naming(Some(PlanId::Pro), Some(PlanId::Basic)), WayOut::Upgrade(PlanId::Pro)),
        ("a plan sold by contact", naming(Some(PlanId::Enterprise), None), WayOut::ContactSales(PlanId::Enterprise)),
        ("no plan named", naming(None, None), WayOut::SeePlans),
    ];
    for (name, r, want) in rows {
        let ways = ways_for(&facts(r, None, &plans));
        assert_eq!((ways.primary, ways.secondary), (want, None), "{name}");
    }
    let member = balance(Status::Active, 6, Vec::new(), false);
    let f = facts(
        refused(Why::Short(Reason::MonthlyLimitReached)),
        Some(&member),
        &plans,
    );
    assert_eq!(
        ways_for(&f).primary,
        WayOut::AskAdmin,
        "with the balance, the rule decides"
    );
}

#[test]
fn what_each_way_out_offers() {
    let plans = plans();
    let mut unlisted = plans.clone();
    unlisted
        .iter_mut()
        .for_each(|p| p.upgrade_url = "  ".into());
    let basic = owner_on(PlanId::Basic);
    let mut team = balance(Status::Active, 6, Vec::new(), true);
    let lonely = team.clone();
    team.admins = vec![admin("Jonas Weber"), admin("Ari")];
    let any = refused(Why::Short(Reason::MonthlyLimitReached));
    let sales = WayOut::ContactSales(PlanId::Enterprise);
    let ws = || "Harbor Lane Photo".to_owned();
    let upgrade = |p| WayOut::Upgrade(p);
    #[rustfmt::skip]
    let rows: Vec<OfferRow> = vec![
        ("a top-up", WayOut::TopUp { credits: 500 }, true, Some(&basic), &plans, vec![way(WayOut::TopUp { credits: 500 }, true)]),
        ("a second way is plain", WayOut::Renew(PlanId::Pro), false, Some(&basic), &plans, vec![way(WayOut::Renew(PlanId::Pro), false)]),
        ("contact sales links the plan's page", sales, true, Some(&basic), &plans,
            vec![Offer::Way { way: sales, primary: true, url: Some("/contact-sales".into()) }]),
        ("contact sales without a page", sales, true, Some(&basic), &unlisted, vec![way(sales, true)]),
        ("the plans above Basic", WayOut::SeePlans, true, Some(&basic), &plans, vec![way(upgrade(PlanId::Pro), true)]),
        ("every self-serve plan with credits, balance unread", WayOut::SeePlans, true, None, &plans,
            vec![way(upgrade(PlanId::Basic), true), way(upgrade(PlanId::Pro), false)]),
        ("the plans as the second way", WayOut::SeePlans, false, None, &plans,
            vec![way(upgrade(PlanId::Basic), false), way(upgrade(PlanId::Pro), false)]),
        ("the plans, none listed", WayOut::SeePlans, true, None, &[], vec![]),
        ("waiting says nothing more", WayOut::WaitForReset { days: 7 }, false, Some(&basic), &plans, vec![]),
        ("whom to ask, by name", WayOut::AskAdmin, false, Some(&team), &plans, vec![
            Offer::Say(Line::AskAdminsNamed { workspace: ws(), admins: vec!["Jonas Weber".into(), "Ari".into()] }),
            way(WayOut::AskAdmin, true),
        ]),
        ("whom to ask, no admin listed", WayOut::AskAdmin, true, Some(&lonely), &plans,
            vec![Offer::Say(Line::AskAdmins { workspace: ws() }), way(WayOut::AskAdmin, true)]),
        ("asking, the balance unread", WayOut::AskAdmin, true, None, &plans, vec![]),
    ];
    for (name, w, primary, figures, listed, want) in rows {
        assert_eq!(
            offers(&facts(any, figures, listed), w, primary),
            want,
            "{name}"
        );
    }
}

#[test]
fn what_a_member_asks_an_admin_for() {
    let member = balance(Status::Active, 30, Vec::new(), true);
    let ask = |credits, plan| NewCreditRequest {
        credits,
        plan,
        message: None,
    };
    let r = |why, needed, balance, plan| Refused {
        needed,
        balance,
        required_plan: plan,
        ..refused(why)
    };
    let short = Why::Short(Reason::SharedPoolExhausted);
    let feature = Why::FeatureNotInPlan;
    #[rustfmt::skip]
    let rows = [
        ("the credits short", r(short, Some(160), Some(120), None), Some(&member), ask(Some(40), None)),
        ("short of the balance read", r(short, Some(160), None, None), Some(&member), ask(Some(130), None)),
        ("more than one request may ask", r(short, Some(u64::MAX), Some(0), None), None, ask(Some(MAX_REQUESTED_CREDITS), None)),
        ("the numbers unknown", r(short, None, None, None), None, ask(Some(MIN_TOP_UP), None)),
        ("not short after all", r(short, Some(10), Some(20), None), None, ask(Some(MIN_TOP_UP), None)),
        ("the plan that unlocks it", r(feature, None, None, Some(PlanId::Pro)), Some(&member), ask(None, Some(PlanId::Pro))),
        ("a plan a newer server names", r(feature, Some(20), Some(0), Some(PlanId::Unknown)), None, ask(Some(20), None)),
        ("a shortfall asks for credits, not the plan", r(short, Some(50), Some(0), Some(PlanId::Pro)), None, ask(Some(50), None)),
    ];
    for (name, refused, figures, want) in rows {
        assert_eq!(ask_for(&facts(refused, figures, &[])), want, "{name}");
    }
}
