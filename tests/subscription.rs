//! `SubscriptionBalance` in headless Chromium against the live reference
//! server, through every demo workspace.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::TestClient;
use common::*;
use credits_core::subscription::allocation;
use credits_core::time::parse_rfc3339;
use credits_core::{BalanceResponse, GrantKind};
use leptos::prelude::*;
use leptos_credits::api::new_idempotency_key;
use leptos_credits::intl::{format_count, format_day, format_in_days};
use leptos_credits::{
    BalanceAnswer, CreditAction, CreditsClient, CreditsStyles, ImageGenerate, Quality,
    SubscriptionBalance,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);
const LOCALE: Option<&str> = Some("en-US");

fn view_of(client: CreditsClient, workspace: &'static str) -> Mounted {
    mount_with_provider(client, workspace, move || {
        view! {
            <SubscriptionBalance class="host-class" />
        }
    })
}

async fn server_balance(token: &str, workspace: &str) -> BalanceResponse {
    match live_client(token).balance(workspace, None, None).await {
        Ok(BalanceAnswer::Fresh { balance, .. }) => *balance,
        other => panic!("the server's balance for {workspace}: {other:?}"),
    }
}

/// Waits until the figures and the troubleshooting advice are on the page.
async fn settled(m: &Mounted) {
    wait_for(
        "the figures, the advice and the locked features",
        WAIT,
        || {
            query(&m.root, ".lc-subscription__balance-value")?;
            query(&m.root, ".lc-subscription__advice")?;
            query(
                &m.root,
                ".lc-subscription__locked li, .lc-subscription__locked-none",
            )
        },
    )
    .await;
}

fn now_s() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

struct Case {
    token: &'static str,
    workspace: &'static str,
    standing: &'static str,
    status_word: &'static str,
    advice: &'static str,
    team: bool,
    /// The way out the page offers (`data-way-out`), if any.
    remedy: Option<&'static str>,
}

const CASES: &[Case] = &[
    Case {
        token: "tok_trial_owner",
        workspace: "ws_trial",
        standing: "healthy",
        status_word: "Trial",
        advice: "no_monthly_credits",
        team: false,
        remedy: None,
    },
    Case {
        token: "tok_free_owner",
        workspace: "ws_free_empty",
        standing: "empty",
        status_word: "Free",
        advice: "no_monthly_credits",
        team: false,
        remedy: None,
    },
    Case {
        token: "tok_basic_owner",
        workspace: "ws_basic_limit",
        standing: "low",
        status_word: "Active",
        advice: "wait_for_reset",
        team: false,
        remedy: None,
    },
    Case {
        token: "tok_pro_admin",
        workspace: "ws_pro_team",
        standing: "low",
        status_word: "Active",
        advice: "wait_for_reset",
        team: true,
        remedy: None,
    },
    Case {
        token: "tok_pro_member",
        workspace: "ws_pro_team",
        standing: "low",
        status_word: "Active",
        advice: "wait_for_reset",
        team: true,
        remedy: None,
    },
    Case {
        token: "tok_expired_owner",
        workspace: "ws_expired",
        standing: "expired",
        status_word: "Expired",
        advice: "renew",
        team: false,
        remedy: Some("renew"),
    },
    Case {
        token: "tok_past_due_owner",
        workspace: "ws_past_due",
        standing: "past_due",
        status_word: "Past due",
        advice: "fix_payment",
        team: false,
        remedy: Some("fix_payment"),
    },
    Case {
        token: "tok_ent_owner",
        workspace: "ws_enterprise",
        standing: "healthy",
        status_word: "Active",
        advice: "wait_for_reset",
        team: true,
        remedy: None,
    },
    Case {
        token: "tok_drained_owner",
        workspace: "ws_drained",
        standing: "empty_until_reset",
        status_word: "Active",
        advice: "wait_for_reset",
        team: false,
        remedy: None,
    },
    // A promo and a top-up grant beside the monthly one.
    Case {
        token: "tok_extras_owner",
        workspace: "ws_extras",
        standing: "healthy",
        status_word: "Active",
        advice: "wait_for_reset",
        team: false,
        remedy: None,
    },
];

#[wasm_bindgen_test]
async fn every_demo_workspace_shows_the_servers_figures_and_its_situation() {
    for case in CASES {
        let ws = case.workspace;
        let m = view_of(live_client(case.token), ws);
        settled(&m).await;
        let b = server_balance(case.token, ws).await;
        let root = &m.root;
        assert!(
            query(root, ".lc-subscription.host-class").is_some(),
            "{ws}: the host's class is merged"
        );
        assert_eq!(
            query_text(root, ".lc-subscription__balance-value"),
            format_count(b.balance, LOCALE),
            "{ws}: the main figure is the server's balance"
        );
        assert_eq!(
            query_text(root, ".lc-subscription__workspace-name"),
            b.workspace.name,
            "{ws}: workspace name"
        );
        let plan = query_text(root, ".lc-subscription__plan");
        assert!(
            plan.ends_with(case.status_word),
            "{ws}: plan and status in words: {plan:?}"
        );
        let figures = query(root, ".lc-subscription__figures").unwrap();
        assert_eq!(
            figures.get_attribute("data-standing").as_deref(),
            Some(case.standing),
            "{ws}: standing"
        );
        // The allocation bar carries the server's numbers.
        match (allocation(&b), by_role(root, "progressbar")) {
            (Some(a), Some(bar)) => {
                assert_eq!(
                    bar.get_attribute("aria-valuenow"),
                    Some(a.used.to_string()),
                    "{ws}: used"
                );
                assert_eq!(
                    bar.get_attribute("aria-valuemax"),
                    Some(a.granted.to_string()),
                    "{ws}: granted"
                );
                assert_eq!(bar.get_attribute("aria-valuemin").as_deref(), Some("0"));
                assert!(
                    bar.get_attribute("aria-labelledby").is_some(),
                    "{ws}: the bar has a label"
                );
            }
            (None, None) => {}
            (a, bar) => panic!(
                "{ws}: allocation {a:?} but progressbar present = {}",
                bar.is_some()
            ),
        }
        // The reset countdown: "Resets Dec 1 — in 6 days" while still to come.
        let reset = query_text(root, ".lc-subscription__reset");
        match b.cycle.as_ref().and_then(|c| parse_rfc3339(&c.resets_at)) {
            Some(at) if at > now_s() => {
                let days = credits_core::time::days_until(now_s(), at);
                let want = format!(
                    "Resets {} — {}",
                    format_day(at, LOCALE),
                    format_in_days(days, LOCALE)
                );
                assert_eq!(reset, want, "{ws}: reset countdown");
            }
            Some(at) => assert_eq!(
                reset,
                format!("Reset was due {}", format_day(at, LOCALE)),
                "{ws}"
            ),
            None => assert_eq!(reset, "No monthly reset on this plan", "{ws}"),
        }
        assert!(
            !reset.to_lowercase().contains("expired"),
            "{ws}: a reset is never called expired"
        );
        // Grants: one row per grant, monthly first, each with what it has left.
        let grants = query_all(root, ".lc-subscription__grant");
        assert_eq!(grants.len(), b.grants.len(), "{ws}: one row per grant");
        if b.grants.iter().any(|g| g.kind == GrantKind::Monthly) {
            assert_eq!(
                grants[0].get_attribute("data-kind").as_deref(),
                Some("monthly"),
                "{ws}: monthly first"
            );
        }
        // Each grant has its row (a kind may have several: ws_extras's top-ups).
        for g in &b.grants {
            let (remaining, granted) = (
                format_count(g.remaining, LOCALE),
                format!(" of {}", format_count(g.granted, LOCALE)),
            );
            let left = format!("{remaining} ...{granted}");
            let found = grants.iter().any(|r| {
                let said = query_text(r, ".lc-subscription__grant-left");
                r.get_attribute("data-kind").as_deref() == Some(g.kind.as_str())
                    && said.starts_with(&remaining)
                    && said.contains(&granted)
            });
            assert!(found, "{ws}: a {} row with {left} left", g.kind.as_str());
        }
        // Troubleshooting: payment method and plan status, and the advice for this situation.
        let advice = query(root, ".lc-subscription__advice").unwrap();
        assert_eq!(
            advice.get_attribute("data-advice").as_deref(),
            Some(case.advice),
            "{ws}: advice {:?}",
            text(&advice)
        );
        let payment = query(root, "[data-payment]").unwrap();
        assert_eq!(
            payment.get_attribute("data-payment").as_deref(),
            Some(b.payment_method.as_str()),
            "{ws}"
        );
        let locked = query_text(root, ".lc-subscription__locked-workspace");
        assert!(
            locked.contains(&b.workspace.name),
            "{ws}: which workspace this is: {locked:?}"
        );
        // The team chart only for a shared pool.
        assert_eq!(
            query(root, ".lc-subscription__team").is_some(),
            case.team,
            "{ws}: team section"
        );
        // An "as of" time and a Refresh button.
        assert!(
            query_text(root, ".lc-subscription__as-of").starts_with("As of "),
            "{ws}: as of"
        );
        assert!(button(root, "Refresh").is_some(), "{ws}: a Refresh button");
        let remedy = query(root, ".lc-subscription__remedy [data-way-out]")
            .and_then(|e| e.get_attribute("data-way-out"));
        assert_eq!(remedy.as_deref(), case.remedy, "{ws}: the way out offered");
        drop(m);
    }
}

#[wasm_bindgen_test]
async fn the_feature_a_plan_lacks_names_the_plan_it_needs() {
    let m = view_of(live_client("tok_basic_owner"), "ws_basic_limit");
    settled(&m).await;
    let video = query(
        &m.root,
        ".lc-subscription__locked li[data-feature=\"video.generate\"]",
    )
    .expect("video generation is listed as locked on Basic");
    assert_eq!(video.get_attribute("data-needs").as_deref(), Some("pro"));
    assert_eq!(text(&video), "Video generation needs Pro");
    assert_eq!(
        query_text(&m.root, ".lc-subscription__locked-plan"),
        "This workspace is on Basic."
    );
}

#[wasm_bindgen_test]
async fn resync_reads_the_balance_and_the_plans_again() {
    let tc = TestClient::new("resync");
    let m = view_of(tc.client("tok_basic_owner"), "ws_basic_limit");
    settled(&m).await;
    tc.forget().await;
    button(&m.root, "Re-sync")
        .expect("a Re-sync button")
        .click();
    let start = js_sys::Date::now();
    loop {
        let balance = tc.requests_to("GET", "/balance").await;
        let plans = tc.requests_to("GET", "/v1/plans").await;
        if balance >= 1 && plans >= 1 {
            break;
        }
        assert!(
            js_sys::Date::now() - start < 5000.0,
            "Re-sync asks the server for the balance ({balance}) and the plans ({plans})"
        );
        sleep(100).await;
    }
}

#[wasm_bindgen_test]
async fn the_team_chart_has_a_text_alternative_and_a_table() {
    let m = view_of(live_client("tok_pro_admin"), "ws_pro_team");
    let rows = wait_for("the team table", WAIT, || {
        let rows = query_all(&m.root, ".lc-subscription__team-table tbody tr");
        (!rows.is_empty()).then_some(rows)
    })
    .await;
    let usage = live_client("tok_pro_admin")
        .usage("ws_pro_team", 1, None)
        .await
        .unwrap();
    assert_eq!(rows.len(), usage.by_member.len(), "one row per member");
    for (row, spend) in rows.iter().zip(&usage.by_member) {
        let you = if spend.member.id == "u_ari" {
            " (you)"
        } else {
            ""
        };
        assert_eq!(query_text(row, "th"), format!("{}{you}", spend.member.name));
        assert_eq!(
            query_text(row, "td"),
            format!("{} credits", format_count(spend.credits, LOCALE))
        );
    }
    let chart = by_role(&m.root, "img").expect("the chart is an image with a name");
    let label = chart.get_attribute("aria-label").unwrap_or_default();
    for spend in &usage.by_member {
        assert!(
            label.contains(&spend.member.name),
            "the chart's name lists {}: {label:?}",
            spend.member.name
        );
    }
}

#[wasm_bindgen_test]
async fn the_team_chart_and_table_mark_the_member_looking_as_you_in_words() {
    for (token, me, name) in [
        ("tok_pro_member", "u_kim", "Kim"),
        ("tok_pro_admin", "u_ari", "Ari"),
    ] {
        let m = view_of(live_client(token), "ws_pro_team");
        let names = wait_for("the team chart", WAIT, || {
            let names = query_all(&m.root, ".lc-subscription__chart-name");
            (names.len() == 4).then_some(names)
        })
        .await;
        let spends = live_client(token)
            .usage("ws_pro_team", 1, None)
            .await
            .unwrap()
            .by_member;
        let rows = query_all(&m.root, ".lc-subscription__team-table tbody tr");
        for ((bar, row), spend) in names.iter().zip(&rows).zip(&spends) {
            let mine = spend.member.id == me;
            let want = if mine {
                format!("{name} (you)")
            } else {
                spend.member.name.clone()
            };
            assert_eq!(text(bar), want, "the bar's name");
            assert_eq!(query_text(row, "th"), want, "the table's row");
            assert_eq!(bar.has_attribute("data-you"), mine);
            assert_eq!(row.has_attribute("data-you"), mine);
        }
        let label = by_role(&m.root, "img")
            .and_then(|c| c.get_attribute("aria-label"))
            .unwrap_or_default();
        assert_eq!(
            label.matches("(you)").count(),
            1,
            "the chart's name says who is you: {label}"
        );
        assert!(label.contains(&format!("{name} (you):")), "{label}");
        drop(m);
    }
}

#[wasm_bindgen_test]
async fn the_team_chart_bars_span_the_section_and_keep_their_proportions() {
    let m = mount_with_provider(live_client("tok_pro_admin"), "ws_pro_team", || {
        view! {
            <CreditsStyles />
            <div style="inline-size: 640px">
                <SubscriptionBalance />
            </div>
        }
    });
    let bars = wait_for("the team chart's bars", WAIT, || {
        let bars = query_all(&m.root, ".lc-subscription__chart-bar");
        (!bars.is_empty()).then_some(bars)
    })
    .await;
    let spends = live_client("tok_pro_admin")
        .usage("ws_pro_team", 1, None)
        .await
        .unwrap()
        .by_member;
    assert_eq!(bars.len(), spends.len(), "one bar per member");
    let section = query(&m.root, ".lc-subscription__team").expect("the team section");
    let room = section.get_bounding_client_rect().width();
    let widths: Vec<f64> = bars
        .iter()
        .map(|b| b.get_bounding_client_rect().width())
        .collect();
    let widest = widths.iter().copied().fold(0.0, f64::max);
    // The old fixed-size SVG drew its widest bar 200 px wide, whatever the room.
    assert!(
        widest > room * 0.6,
        "the widest bar takes most of the section's {room} px: {widths:?}"
    );
    let most = spends.iter().map(|s| s.credits).max().unwrap_or(1) as f64;
    for (width, spend) in widths.iter().zip(&spends) {
        let expected = widest * spend.credits as f64 / most;
        assert!(
            (width - expected).abs() <= widest * 0.01 + 1.0,
            "{}'s bar is {width} px, {expected} px expected: {widths:?}",
            spend.member.name
        );
    }
}

#[wasm_bindgen_test]
async fn refresh_shows_what_a_generation_spent() {
    // Only ws_enterprise is spent in: other tests rely on the other workspaces' balances.
    let m = view_of(live_client("tok_ent_owner"), "ws_enterprise");
    settled(&m).await;
    let before = query_text(&m.root, ".lc-subscription__balance-value");
    let action = CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 2));
    let spent = live_client("tok_ent_owner")
        .generate("ws_enterprise", &action, &new_idempotency_key())
        .await
        .expect("the generation is charged");
    assert!(spent.credits_charged > 0);
    button(&m.root, "Refresh")
        .expect("a Refresh button")
        .click();
    let want = format_count(spent.balance, LOCALE);
    let shown = wait_for("the balance after the spend", WAIT, || {
        Some(query_text(&m.root, ".lc-subscription__balance-value")).filter(|t| *t == want)
    })
    .await;
    assert_ne!(shown, before, "the figure changed after the refresh");
}

#[wasm_bindgen_test]
async fn a_failed_refresh_keeps_the_figures_marked_stale() {
    let tc = TestClient::new("stale");
    let m = view_of(tc.client("tok_trial_owner"), "ws_trial");
    settled(&m).await;
    let figure = query_text(&m.root, ".lc-subscription__balance-value");
    tc.wait_for_stream().await;
    tc.fail(&[400]).await;
    button(&m.root, "Refresh").unwrap().click();
    wait_for("the stale mark", WAIT, || {
        query(&m.root, ".lc-subscription__stale")
    })
    .await;
    assert_eq!(
        query_text(&m.root, ".lc-subscription__stale"),
        "May be out of date"
    );
    assert_eq!(
        query_text(&m.root, ".lc-subscription__balance-value"),
        figure,
        "the last figures stay"
    );
}

#[wasm_bindgen_test]
async fn an_unreachable_server_shows_no_number_and_a_retry() {
    let m = view_of(
        CreditsClient::new(DEAD_API).with_token("tok_trial_owner"),
        "ws_trial",
    );
    wait_for("the error", Duration::from_secs(30), || {
        query(&m.root, ".lc-subscription[data-state=\"failed\"]")
    })
    .await;
    assert!(
        query(&m.root, ".lc-subscription__balance-value").is_none(),
        "no figure while unknown, never 0"
    );
    assert!(
        by_role(&m.root, "alert").is_some(),
        "the reason is announced"
    );
    assert!(button(&m.root, "Retry").is_some(), "a Retry button");
}

#[wasm_bindgen_test]
async fn a_drained_allocation_with_a_coming_reset_is_empty_until_then_not_expired() {
    // A drained balance with a coming reset is shown as empty until the
    // date, never as expired (the demo's ws_drained: all of Basic's 1,000 spent).
    let m = view_of(live_client("tok_drained_owner"), "ws_drained");
    settled(&m).await;
    let b = server_balance("tok_drained_owner", "ws_drained").await;
    assert_eq!(b.balance, 0, "the seed drains the allocation");
    let at = parse_rfc3339(&b.cycle.as_ref().unwrap().resets_at).unwrap();
    assert_eq!(query_text(&m.root, ".lc-subscription__balance-value"), "0");
    let figures = query(&m.root, ".lc-subscription__figures").unwrap();
    assert_eq!(
        figures.get_attribute("data-standing").as_deref(),
        Some("empty_until_reset")
    );
    assert_eq!(
        query_text(&m.root, ".lc-subscription__standing"),
        format!("Empty until {}", format_day(at, LOCALE))
    );
    let grant = query_text(&m.root, ".lc-subscription__grant-expiry");
    assert!(
        grant.starts_with("expires "),
        "the monthly grant still expires at the reset: {grant:?}"
    );
    assert!(
        !text(&figures).to_lowercase().contains("expired"),
        "nothing on the card says expired: {:?}",
        text(&figures)
    );
    let bar = by_role(&m.root, "progressbar").unwrap();
    assert_eq!(
        bar.get_attribute("aria-valuenow"),
        bar.get_attribute("aria-valuemax"),
        "all of it used"
    );
}
