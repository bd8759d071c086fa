//! The figures of the subscription card: balance, plan and status, the
//! monthly allocation as a progress bar, the reset countdown and the grants.

use credits_core::subscription::{allocation, grant_order, standing, upcoming_reset, Standing};
use credits_core::time::parse_rfc3339;
use credits_core::BalanceResponse;
use leptos::prelude::*;

use crate::intl::{format_count, format_day, format_in_days};
use crate::text::{grant_pick, status_pick};
use crate::CreditsContext;

/// The reset line: "Resets Dec 1 — in 6 days", a date already past, or none.
pub(crate) fn reset_line(ctx: CreditsContext, b: &BalanceResponse, now: i64) -> String {
    let loc = ctx.locale.get();
    match upcoming_reset(b, now) {
        Some((at, days)) => ctx.fill(
            |t| &t.subscription.resets,
            &[
                ("date", &format_day(at, loc.as_deref())),
                ("in_days", &format_in_days(days, loc.as_deref())),
            ],
        ),
        None => match b.cycle.as_ref().and_then(|c| parse_rfc3339(&c.resets_at)) {
            Some(at) => ctx.fill(
                |t| &t.subscription.reset_was_due,
                &[("date", &format_day(at, loc.as_deref()))],
            ),
            None => ctx.word(|t| &t.subscription.no_reset),
        },
    }
}

/// The standing in words, or `None` when there is nothing to say (healthy).
fn standing_line(ctx: CreditsContext, b: &BalanceResponse, now: i64) -> Option<String> {
    let loc = ctx.locale.get();
    Some(match standing(b, now) {
        Standing::Healthy => return None,
        Standing::Low => ctx.word(|t| &t.subscription.standing_low),
        Standing::EmptyUntilReset => {
            let day = upcoming_reset(b, now)
                .map(|(at, _)| format_day(at, loc.as_deref()))
                .unwrap_or_default();
            ctx.fill(
                |t| &t.subscription.standing_empty_until_reset,
                &[("date", &day)],
            )
        }
        Standing::Empty => ctx.word(|t| &t.subscription.standing_empty),
        Standing::Expired => ctx.word(|t| &t.subscription.standing_expired),
        Standing::PastDue => ctx.word(|t| &t.subscription.standing_past_due),
    })
}

pub(crate) fn figures(ctx: CreditsContext, b: &BalanceResponse, now: i64) -> AnyView {
    let loc = ctx.locale.get();
    let std = standing(b, now);
    let plan_status = ctx.fill(
        |t| &t.subscription.plan_and_status,
        &[
            ("plan", &ctx.plan_name(b.plan)),
            ("status", &ctx.word(status_pick(b.status))),
        ],
    );
    let bar = allocation(b).map(|a| {
        let label_id = crate::primitives::unique_id("lc-subscription-alloc");
        let value = ctx.fill(|t| &t.subscription.allocation_value,
            &[("used", &ctx.credits(a.used)), ("granted", &ctx.credits(a.granted))],
        );
        view! {
            <div class="lc-subscription__allocation">
                <span id=label_id.clone() class="lc-subscription__label">{ctx.word(|t| &t.subscription.allocation_label)}</span>
                <div
                    class="lc-subscription__bar"
                    role="progressbar"
                    aria-labelledby=label_id
                    aria-valuemin="0"
                    aria-valuemax=a.granted.to_string()
                    aria-valuenow=a.used.to_string()
                    aria-valuetext=value.clone()
                >
                    <span class="lc-subscription__bar-fill" style=format!("width: {}%", a.percent)></span>
                </div>
                <span class="lc-subscription__allocation-value">{value}</span>
            </div>
        }
    });
    let grants = grant_order(&b.grants)
        .into_iter()
        .map(|g| {
            let expiry = match g.expires_at.as_deref().and_then(parse_rfc3339) {
                Some(at) if at <= now => ctx.fill(
                    |t| &t.subscription.grant_expired,
                    &[("date", &format_day(at, loc.as_deref()))],
                ),
                Some(at) => ctx.fill(
                    |t| &t.subscription.grant_expires,
                    &[("date", &format_day(at, loc.as_deref()))],
                ),
                None => ctx.word(|t| &t.subscription.grant_never_expires),
            };
            let left = ctx.fill(
                |t| &t.subscription.grant_left,
                &[
                    ("remaining", &ctx.credits(g.remaining)),
                    ("granted", &ctx.credits(g.granted)),
                ],
            );
            view! {
                <li class="lc-subscription__grant" data-kind=g.kind.as_str()>
                    <span class="lc-subscription__grant-kind">{ctx.word(grant_pick(g.kind))}</span>
                    <span class="lc-subscription__grant-left">{left}</span>
                    <span class="lc-subscription__grant-expiry">{expiry}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="lc-subscription__figures" data-standing=std.as_str()>
            <p class="lc-subscription__workspace">
                <span class="lc-subscription__label">{ctx.word(|t| &t.subscription.workspace_label)}</span>
                " "
                <span class="lc-subscription__workspace-name">{b.workspace.name.clone()}</span>
            </p>
            <p class="lc-subscription__balance">
                <span class="lc-subscription__label">{ctx.word(|t| &t.subscription.balance_label)}</span>
                " "
                <span class="lc-subscription__balance-value">{format_count(b.balance, loc.as_deref())}</span>
            </p>
            <p class="lc-subscription__plan" data-status=b.status.as_str()>{plan_status}</p>
            {standing_line(ctx, b, now).map(|s| view! { <p class="lc-subscription__standing">{s}</p> })}
            {bar}
            <p class="lc-subscription__reset">{reset_line(ctx, b, now)}</p>
            <h3 class="lc-subscription__subtitle">{ctx.word(|t| &t.subscription.grants_title)}</h3>
            <ul class="lc-subscription__grants">{grants}</ul>
            {super::purchases::purchases(ctx, b)}
        </div>
    }
    .into_any()
}
