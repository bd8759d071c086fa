use super::*;
use crate::prompt_facts::Refused;
use crate::prompt_fixtures::*;
use crate::{Action, BalanceResponse, MemberSpend, Quality, Role, Status, VideoGenerate};

use Reason::*;

/// A case's name, the refusal, the balance, the spends, the time, and the lines wanted.
type ReasonRow<'a> = (
    &'a str,
    Refused<'a>,
    Option<&'a BalanceResponse>,
    Option<&'a [MemberSpend]>,
    i64,
    Vec<Line>,
);

#[test]
fn why_the_prompt_opened_one_row_per_reason_and_situation() {
    let plans = plans();
    let video = Action::VideoGenerate(VideoGenerate {
        model: None,
        quality: Quality::Standard,
        duration_s: 5,
        resolution: crate::Resolution::P720,
    });
    let pro = balance(Status::Active, 6, monthly(), false);
    let basic = on(PlanId::Basic, Role::Owner, pro.clone());
    let ended = balance(Status::Expired, 0, monthly(), false);
    let past_due = on(PlanId::Basic, Role::Owner, pro.clone());
    let newer_plan = on(PlanId::Unknown, Role::Owner, pro.clone());
    let shared = balance(Status::Active, 120, monthly(), true);
    let team = [
        spend("u_me", 4000),
        spend("Jonas Weber", 2460),
        spend("Lea", 1940),
    ];
    let only_me = [spend("u_me", 4000)];
    let no_trial = balance(Status::Free, 0, Vec::new(), false);
    let empty_trial = trial(0, 0);
    let (spent, unused, partly) = (trial(50, 0), trial(50, 50), trial(50, 20));
    let feature = refused(Why::FeatureNotInPlan);
    let needs = |plan| Refused {
        required_plan: Some(plan),
        ..feature
    };
    let for_video = Refused {
        action: Some(&video),
        ..feature
    };
    let dec_5 = at("2026-12-05T00:00:00Z");
    let short = |r| refused(Why::Short(r));
    let no_one = None::<&[MemberSpend]>;
    #[rustfmt::skip]
    let rows: Vec<ReasonRow> = vec![
        ("monthly", short(MonthlyLimitReached), Some(&pro), no_one, at(NOW), vec![Line::MonthlyBody]),
        ("expired, the cycle ended before now", short(SubscriptionExpired), Some(&ended), no_one, dec_5,
            vec![Line::ExpiredBody { plan: PlanId::Pro }, Line::ExpiredWhen { at: at(CYCLE_END) }]),
        ("expired, its reset not yet past", short(SubscriptionExpired), Some(&ended), no_one, at(NOW),
            vec![Line::ExpiredBody { plan: PlanId::Pro }]),
        ("expired, the balance unread", short(SubscriptionExpired), None, no_one, at(NOW), vec![]),
        ("shared, a teammate spent the most", short(SharedPoolExhausted), Some(&shared), Some(&team), at(NOW),
            vec![Line::SharedBody, Line::SharedTop { name: "Jonas Weber".into(), credits: 2460 }]),
        ("shared, no teammate spent any", short(SharedPoolExhausted), Some(&shared), Some(&only_me), at(NOW),
            vec![Line::SharedBody]),
        ("shared, the usage unread", short(SharedPoolExhausted), Some(&shared), no_one, at(NOW), vec![Line::SharedBody]),
        ("trial spent", short(TrialExhausted), Some(&spent), no_one, at(NOW), vec![Line::TrialSpent { credits: 50 }]),
        ("trial unused", short(TrialExhausted), Some(&unused), no_one, at(NOW), vec![Line::TrialUnused { credits: 50 }]),
        ("trial partly used", short(TrialExhausted), Some(&partly), no_one, at(NOW),
            vec![Line::TrialShort { credits: 50, balance: 20 }]),
        ("no trial grant", short(TrialExhausted), Some(&no_trial), no_one, at(NOW), vec![]),
        ("a trial of nothing", short(TrialExhausted), Some(&empty_trial), no_one, at(NOW), vec![]),
        ("feature, the plan named", needs(PlanId::Pro), Some(&basic), no_one, at(NOW), vec![
            Line::FeatureBody { plan: PlanId::Pro },
            Line::FeatureLocked { workspace: "Harbor Lane Photo".into(), plan: PlanId::Basic },
        ]),
        ("feature, the first plan above with the action", for_video, Some(&basic), no_one, at(NOW), vec![
            Line::FeatureBody { plan: PlanId::Pro },
            Line::FeatureLocked { workspace: "Harbor Lane Photo".into(), plan: PlanId::Basic },
        ]),
        ("feature, a plan a newer server names", needs(PlanId::Unknown), Some(&basic), no_one, at(NOW), vec![
            Line::FeatureAnyPlan,
            Line::FeatureLocked { workspace: "Harbor Lane Photo".into(), plan: PlanId::Basic },
        ]),
        ("feature, nothing known", feature, None, no_one, at(NOW), vec![Line::FeatureAnyPlan]),
        ("payment failing", short(PaymentFailed), Some(&past_due), no_one, at(NOW),
            vec![Line::PaymentBody { plan: PlanId::Basic }]),
        ("payment failing on a plan a newer server has", short(PaymentFailed), Some(&newer_plan), no_one, at(NOW),
            vec![Line::PaymentBody { plan: PlanId::Unknown }]),
        ("payment failing, the balance unread", short(PaymentFailed), None, no_one, at(NOW), vec![]),
        ("a reason a newer server gives", short(Unknown), Some(&pro), no_one, at(NOW), vec![Line::UnknownBody]),
    ];
    for (name, r, figures, by_member, now, want) in rows {
        let f = PromptFacts {
            by_member,
            now,
            ..facts(r, figures, &plans)
        };
        assert_eq!(reason_lines(&f), want, "{name}");
    }
}
