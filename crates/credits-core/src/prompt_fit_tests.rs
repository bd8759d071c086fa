use super::*;
use crate::prompt::Why;
use crate::prompt_facts::Refused;
use crate::prompt_fixtures::*;
use crate::{ImageGenerate, PlanId, Quality, Quote};

fn quoted(credits: u64, blocked: bool) -> QuoteItem {
    let blocked = if blocked {
        r#"{"code":"feature_not_in_plan"}"#
    } else {
        "null"
    };
    let json =
        format!(r#"{{"credits":{credits},"breakdown":[],"affordable":true,"blocked":{blocked}}}"#);
    QuoteItem::Quoted(serde_json::from_str::<Quote>(&json).expect("a quote"))
}

#[test]
fn the_dearest_other_setting_that_fits_the_balance() {
    let high = Action::ImageGenerate(ImageGenerate::new(Quality::High, 16));
    let options = other_settings(&high);
    assert!(
        !options.is_empty() && options.iter().all(|(_, a)| a != &high),
        "{options:?}"
    );
    let (a, b, c) = (&options[0], &options[1], &options[2]);
    let options = [a.clone(), b.clone(), c.clone()];
    let invalid = QuoteItem::Invalid {
        error: crate::Problem::new(422, "invalid_action", "Invalid", ""),
    };
    let fit = |(change, action): &(Change, Action), credits| {
        Some(Fit {
            change: *change,
            action: action.clone(),
            credits,
        })
    };
    #[rustfmt::skip]
    let rows = [
        ("the dearest that fits", vec![quoted(16, false), quoted(40, false), quoted(30, false)], 35, fit(c, 30)),
        ("exactly the balance fits", vec![quoted(16, false), quoted(40, false), quoted(30, false)], 40, fit(b, 40)),
        ("a blocked one never", vec![quoted(16, false), quoted(20, true), quoted(60, false)], 50, fit(a, 16)),
        ("an invalid one never", vec![invalid.clone(), quoted(20, false), quoted(60, false)], 50, fit(b, 20)),
        ("none fits", vec![quoted(16, false), quoted(40, false), quoted(30, false)], 10, None),
        ("nothing quoted yet", vec![], 100, None),
    ];
    for (name, items, have, want) in rows {
        assert_eq!(best_fit(&options, &items, have), want, "{name}");
    }
    let line = fit(a, 16).map(|f| f.line());
    assert_eq!(
        line,
        Some(Line::Alternative {
            change: a.0,
            credits: 16
        })
    );
}

#[test]
fn what_a_resync_found_and_whom_a_request_went_to() {
    let plans = plans();
    let video = Action::ModelTrain(crate::ModelTrain {
        images: 10,
        steps: 500,
    });
    let r = Refused {
        action: Some(&video),
        ..refused(Why::FeatureNotInPlan)
    };
    let (basic, pro) = (owner_on(PlanId::Basic), owner_on(PlanId::Pro));
    let still = Some(Line::ResyncStillLocked {
        plan: PlanId::Basic,
    });
    assert_eq!(resync_line(&facts(r, Some(&basic), &plans)), still);
    assert_eq!(
        resync_line(&facts(r, Some(&pro), &plans)),
        Some(Line::ResyncUnlocked)
    );
    let unread_plans = Some(Line::ResyncStillLocked { plan: PlanId::Pro });
    assert_eq!(resync_line(&facts(r, Some(&pro), &[])), unread_plans);
    assert_eq!(resync_line(&facts(r, None, &plans)), None);

    let json = |admins: &str| {
        format!(
            r#"{{"id":"r1","member":{{"id":"u_me","name":"Me"}},"credits":40,"status":"pending",
            "at":"2026-11-24T00:00:00Z","admins":[{admins}]}}"#
        )
    };
    let request =
        |admins: &str| serde_json::from_str::<CreditRequest>(&json(admins)).expect("a request");
    let named = r#"{"id":"u_j","name":"Jonas Weber","role":"admin"},{"id":"u_a","name":"Ari","role":"owner"}"#;
    assert_eq!(
        sent_line(&request(named)),
        Line::RequestSentTo {
            admins: vec!["Jonas Weber".into(), "Ari".into()]
        }
    );
    assert_eq!(sent_line(&request("")), Line::RequestSent);
}
