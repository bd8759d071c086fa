//! Each demo workspace refuses a generation for the reason the table of docs/api.md promises.

use crate::support::{assert_problem, images, Server};

/// A refusal the demo table promises.
struct Refusal {
    ws: &'static str,
    token: &'static str,
    /// `high16`, `standard4` or `draft1` images.
    action: &'static str,
    needed: u64,
    balance: u64,
    reason: &'static str,
    plan: &'static str,
    /// Whether `resets_at` is the current cycle's reset (else `null`).
    resets: bool,
}

const fn refusal(
    ws: &'static str,
    token: &'static str,
    action: &'static str,
    (needed, balance): (u64, u64),
    (reason, plan): (&'static str, &'static str),
    resets: bool,
) -> Refusal {
    Refusal {
        ws,
        token,
        action,
        needed,
        balance,
        reason,
        plan,
        resets,
    }
}

const REFUSALS: [Refusal; 6] = [
    refusal(
        "ws_trial",
        "tok_trial_owner",
        "high16",
        (160, 50),
        ("trial_exhausted", "basic"),
        false,
    ),
    refusal(
        "ws_free_empty",
        "tok_free_owner",
        "draft1",
        (1, 0),
        ("trial_exhausted", "basic"),
        false,
    ),
    refusal(
        "ws_basic_limit",
        "tok_basic_owner",
        "standard4",
        (16, 6),
        ("monthly_limit_reached", "pro"),
        true,
    ),
    refusal(
        "ws_pro_team",
        "tok_pro_member",
        "high16",
        (160, 120),
        ("shared_pool_exhausted", "enterprise"),
        true,
    ),
    refusal(
        "ws_expired",
        "tok_expired_owner",
        "draft1",
        (1, 0),
        ("subscription_expired", "pro"),
        false,
    ),
    refusal(
        "ws_past_due",
        "tok_past_due_owner",
        "draft1",
        (1, 0),
        ("payment_failed", "basic"),
        false,
    ),
];

#[tokio::test]
async fn each_demo_workspace_is_refused_for_its_own_reason() {
    let s = Server::demo().await;
    for Refusal {
        ws,
        token,
        action,
        needed,
        balance,
        reason,
        plan,
        resets,
    } in REFUSALS
    {
        let body = match action {
            "high16" => images("high", 16),
            "standard4" => images("standard", 4),
            _ => images("draft", 1),
        };
        let r = s.generate(ws, token, Some("refused"), &body).await;
        let p = assert_problem(r, 402, "insufficient_credits", None).await;
        assert_eq!(p["reason"], reason, "{ws}");
        assert_eq!(p["needed"], needed, "{ws}");
        assert_eq!(p["balance"], balance, "{ws}");
        assert_eq!(p["suggested_plan"], plan, "{ws}");
        let cycle = s.balance_ok(ws, token).await["cycle"]["resets_at"].clone();
        if resets {
            assert_eq!(
                p["resets_at"], cycle,
                "{ws}: the reset of the current cycle"
            );
        } else {
            assert!(
                p.as_object().unwrap().contains_key("resets_at") && p["resets_at"].is_null(),
                "{ws}"
            );
        }
        let typed: credits_core::Problem = serde_json::from_value(p).unwrap();
        assert_eq!(typed.needed, Some(needed));
        assert_eq!(
            s.balance_ok(ws, token).await["balance"],
            balance,
            "{ws}: a refusal spends nothing"
        );
    }
}
