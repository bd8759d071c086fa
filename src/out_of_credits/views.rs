//! The words and ways out for each reason.

use std::borrow::Cow;

use credits_core::prompt::{top_spender, Why};
use credits_core::recommend::{projected_use, recommend_plan, Recommendation};
use credits_core::time::{days_until, parse_rfc3339};
use credits_core::{suggested_plan, BalanceResponse, GrantKind, Plan, PlanId, Reason, Role};
use leptos::prelude::*;

use super::plans::{PromptData, Resync};
use super::{PromptHooks, Refusal};
use crate::cost_estimator::labels::change;
use crate::intl::{format_day, format_in_days, format_list_or};
use crate::primitives::is_safe_href;
use crate::primitives::now_s;
use crate::text::{fill, plan_name};
use crate::{CreditsContext, CreditsText};

type Pick = fn(&CreditsText) -> &Cow<'static, str>;

pub(super) fn word(ctx: Option<CreditsContext>, pick: Pick) -> String {
    match ctx {
        Some(c) => c.word(pick),
        None => pick(&CreditsText::default()).to_string(),
    }
}

fn credits(ctx: Option<CreditsContext>, n: u64) -> String {
    ctx.map(|c| c.credits(n)).unwrap_or_else(|| n.to_string())
}

fn locale(ctx: Option<CreditsContext>) -> Option<String> {
    ctx.and_then(|c| c.locale.get_untracked())
}

pub(super) fn title(ctx: Option<CreditsContext>, why: Why) -> String {
    word(
        ctx,
        match why {
            Why::FeatureNotInPlan => |t| &t.prompts.feature_title,
            Why::Short(Reason::MonthlyLimitReached) => |t| &t.prompts.monthly_title,
            Why::Short(Reason::SubscriptionExpired) => |t| &t.prompts.expired_title,
            Why::Short(Reason::SharedPoolExhausted) => |t| &t.prompts.shared_title,
            Why::Short(Reason::TrialExhausted) => |t| &t.prompts.trial_title,
            Why::Short(Reason::PaymentFailed) => |t| &t.prompts.payment_title,
            Why::Short(Reason::Unknown) => |t| &t.prompts.unknown_title,
        },
    )
}

/// A plan's name as the server lists it, else from its id.
fn name_of(plans: &[Plan], id: PlanId) -> String {
    plans
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| plan_name(id.as_str()))
}

/// Credits spent from this cycle's monthly grants, projected to the cycle.
fn pace(f: &BalanceResponse) -> Option<u64> {
    let cycle = f.cycle.as_ref()?;
    let spent: u64 = f
        .grants
        .iter()
        .filter(|g| g.kind == GrantKind::Monthly)
        .map(|g| g.granted.saturating_sub(g.remaining))
        .sum();
    projected_use(
        spent,
        parse_rfc3339(&cycle.started_at)?,
        parse_rfc3339(&cycle.resets_at)?,
        now_s(),
    )
}

/// The plan to offer and, when the pace is known, the recommendation's why.
fn target_plan(
    refusal: &Refusal,
    f: Option<&BalanceResponse>,
    plans: &[Plan],
) -> (Option<PlanId>, Option<Recommendation>) {
    let action_id = refusal.action.as_ref().map(|a| a.id());
    let Some(f) = f else {
        return (refusal.required_plan.or(refusal.suggested_plan), None);
    };
    match refusal.why {
        Why::FeatureNotInPlan => {
            let unlocks = refusal.required_plan.or_else(|| {
                let a = action_id?;
                plans
                    .iter()
                    .find(|p| p.id > f.plan && p.features.iter().any(|x| x == a))
                    .map(|p| p.id)
            });
            (unlocks, None)
        }
        Why::Short(Reason::SubscriptionExpired | Reason::PaymentFailed) => (Some(f.plan), None),
        Why::Short(reason) => {
            let suggested = refusal.suggested_plan.or_else(|| {
                suggested_plan(
                    plans,
                    f.plan,
                    reason,
                    action_id.unwrap_or_default(),
                    refusal.needed.unwrap_or_default(),
                )
            });
            let rec = pace(f).and_then(|p| recommend_plan(plans, f.plan, p, action_id));
            let target = match (suggested, rec) {
                (Some(s), Some(r)) => Some(s.max(r.plan)),
                (s, r) => s.or(r.map(|r| r.plan)),
            };
            (target, rec.filter(|r| Some(r.plan) == target))
        }
    }
}

#[component]
pub(super) fn PromptBody(
    refusal: Refusal,
    data: PromptData,
    hooks: PromptHooks,
    on_close: Callback<()>,
) -> impl IntoView {
    let ctx = crate::use_credits();
    let refusal = StoredValue::new(refusal);
    let why = refusal.with_value(|r| r.why);
    let w = move |pick: Pick| word(ctx, pick);
    let cr = move |n: u64| credits(ctx, n);
    let figures = data.figures;
    let plans = move || data.plans.get().unwrap_or_default();

    // "This needs 160 credits; you have 120 left."
    let numbers = move || {
        let r = refusal.get_value();
        let needed = r.needed?;
        let have = r
            .balance
            .or(figures.with(|f| f.as_ref().map(|f| f.balance)))?;
        Some(fill(
            w(|t| &t.prompts.needed_vs_left),
            &[("needed", &cr(needed)), ("balance", &cr(have))],
        ))
    };
    // "Your credits come back in 6 days, on Dec 1."
    let comes_back = move || {
        if !matches!(
            why,
            Why::Short(Reason::MonthlyLimitReached | Reason::SharedPoolExhausted | Reason::Unknown)
        ) {
            return None;
        }
        let at = refusal.get_value().resets_at.or_else(|| {
            figures.with(|f| f.as_ref()?.cycle.as_ref().map(|c| c.resets_at.clone()))
        })?;
        let t = parse_rfc3339(&at)?;
        let days = days_until(now_s(), t);
        (days > 0).then(|| {
            let loc = locale(ctx);
            fill(
                w(|t| &t.prompts.comes_back),
                &[
                    ("in_days", &format_in_days(days, loc.as_deref())),
                    ("day", &format_day(t, loc.as_deref())),
                ],
            )
        })
    };
    let plan_of = move |f: &BalanceResponse| name_of(&plans(), f.plan);
    let reason_lines = move || -> Vec<String> {
        let f = figures.get();
        let r = refusal.get_value();
        let current = f.as_ref().map(plan_of).unwrap_or_default();
        match why {
            Why::Short(Reason::MonthlyLimitReached) => vec![w(|t| &t.prompts.monthly_body)],
            Why::Short(Reason::SubscriptionExpired) => {
                let mut lines = vec![fill(w(|t| &t.prompts.expired_body), &[("plan", &current)])];
                let ended = f
                    .as_ref()
                    .and_then(|f| f.cycle.as_ref())
                    .and_then(|c| parse_rfc3339(&c.resets_at))
                    .filter(|t| *t <= now_s());
                if let Some(t) = ended {
                    let day = format_day(t, locale(ctx).as_deref());
                    lines.push(fill(w(|t| &t.prompts.expired_when), &[("day", &day)]));
                }
                lines
            }
            Why::Short(Reason::SharedPoolExhausted) => {
                let mut lines = vec![w(|t| &t.prompts.shared_body)];
                let me = f.as_ref().map(|f| f.member.id.clone()).unwrap_or_default();
                let top = data.by_member.with(|b| {
                    b.as_deref()
                        .and_then(|b| top_spender(b, &me))
                        .map(|s| (s.member.name.clone(), s.credits))
                });
                if let Some((name, spent)) = top {
                    lines.push(fill(
                        w(|t| &t.prompts.shared_top),
                        &[("name", &name), ("credits", &cr(spent))],
                    ));
                }
                lines
            }
            Why::Short(Reason::TrialExhausted) => {
                let trial = f
                    .as_ref()
                    .and_then(|f| f.grants.iter().find(|g| g.kind == GrantKind::Trial))
                    .map(|g| (g.granted, g.remaining));
                let mut lines = Vec::new();
                match trial {
                    Some((n, 0)) => {
                        lines.push(fill(w(|t| &t.prompts.trial_body), &[("credits", &cr(n))]))
                    }
                    Some((n, left)) => lines.push(fill(
                        w(|t| &t.prompts.trial_short),
                        &[("credits", &cr(n)), ("balance", &cr(left))],
                    )),
                    None => {}
                }
                lines.push(w(|t| &t.prompts.trial_plans));
                lines
            }
            Why::FeatureNotInPlan => {
                let (unlocks, _) = target_plan(&r, f.as_ref(), &plans());
                let mut lines = vec![match unlocks {
                    Some(p) => fill(
                        w(|t| &t.prompts.feature_body),
                        &[("plan", &name_of(&plans(), p))],
                    ),
                    None => w(|t| &t.prompts.feature_any_plan),
                }];
                if let Some(f) = f.as_ref() {
                    lines.push(fill(
                        w(|t| &t.prompts.feature_locked),
                        &[("workspace", &f.workspace.name), ("plan", &current)],
                    ));
                }
                lines
            }
            Why::Short(Reason::PaymentFailed) => {
                vec![fill(w(|t| &t.prompts.payment_body), &[("plan", &current)])]
            }
            Why::Short(Reason::Unknown) => vec![w(|t| &t.prompts.unknown_body)],
        }
    };
    // The trial's plans that bring monthly credits.
    let monthly_plans = move || {
        if why != Why::Short(Reason::TrialExhausted) {
            return Vec::new();
        }
        plans()
            .into_iter()
            .filter(|p| p.monthly_credits > 0)
            .map(|p| {
                fill(
                    w(|t| &t.prompts.plan_monthly),
                    &[("plan", &p.name), ("credits", &cr(p.monthly_credits))],
                )
            })
            .collect::<Vec<_>>()
    };
    let target = Memo::new(move |_| {
        let r = refusal.get_value();
        figures.with(|f| target_plan(&r, f.as_ref(), &plans()))
    });
    // "Pro gives 5,000 credits every month." and the pace's why.
    let why_lines = move || {
        let (plan, rec) = target.get();
        let mut lines = Vec::new();
        let plan = plan.filter(|_| {
            !matches!(
                why,
                Why::FeatureNotInPlan
                    | Why::Short(Reason::SubscriptionExpired | Reason::PaymentFailed)
            )
        });
        if let Some(p) = plan.and_then(|id| plans().into_iter().find(|p| p.id == id)) {
            lines.push(fill(
                w(|t| &t.prompts.upgrade_adds),
                &[("plan", &p.name), ("credits", &cr(p.monthly_credits))],
            ));
        }
        if let Some(r) = rec {
            lines.push(fill(
                w(|t| &t.prompts.recommend_why),
                &[
                    ("pace", &cr(r.pace)),
                    ("plan", &name_of(&plans(), r.plan)),
                    ("allocation", &cr(r.allocation)),
                ],
            ));
        }
        lines
    };
    let alternative = move || {
        let (c, action, cost) = data.alternative.get()?;
        let label = ctx.map(|x| change(&x, c)).unwrap_or_default();
        let text = fill(
            w(|t| &t.prompts.alternative),
            &[("option", &label), ("credits", &cr(cost))],
        );
        let button = hooks.on_pick.map(|pick| {
            view! {
                <button
                    type="button"
                    class="lc-prompt__action"
                    on:click=move |_| {
                        pick.run(action.clone());
                        on_close.run(());
                    }
                >
                    {w(|t| &t.prompts.use_alternative)}
                </button>
            }
        });
        Some(view! {
            <p class="lc-prompt__alternative">
                <span>{text}</span>
                {button}
            </p>
        })
    };
    let resync = move || {
        if why != Why::FeatureNotInPlan {
            return None;
        }
        let status = move || match data.resync.get() {
            Resync::Idle => None,
            Resync::Checking => Some(w(|t| &t.prompts.resyncing)),
            Resync::Checked => {
                let action_id = refusal.with_value(|r| r.action.as_ref().map(|a| a.id()));
                let f = figures.get()?;
                let has = plans()
                    .iter()
                    .find(|p| p.id == f.plan)
                    .zip(action_id)
                    .is_some_and(|(p, a)| p.features.iter().any(|x| x == a));
                Some(if has {
                    w(|t| &t.prompts.resync_unlocked)
                } else {
                    fill(
                        w(|t| &t.prompts.resync_still_locked),
                        &[("plan", &plan_of(&f))],
                    )
                })
            }
        };
        Some(view! {
            <p class="lc-prompt__resync">
                <button
                    type="button"
                    class="lc-prompt__action"
                    disabled=move || data.resync.get() == Resync::Checking
                    on:click=move |_| data.resync_now.run(())
                >
                    {w(|t| &t.prompts.resync)}
                </button>
                <span role="status">{status}</span>
            </p>
        })
    };
    let ways_out = move || {
        let f = figures.get();
        let role = f.as_ref().map(|f| f.member.role).unwrap_or(Role::Unknown);
        let (plan, _) = target.get();
        let listed = plans();
        let plan = plan.and_then(|id| listed.iter().find(|p| p.id == id).cloned());
        let mut out: Vec<AnyView> = Vec::new();
        if !role.can_change_plan() && f.is_some() {
            let name = f
                .as_ref()
                .map(|f| f.workspace.name.clone())
                .unwrap_or_default();
            let admins: Vec<String> = f
                .as_ref()
                .map(|f| f.admins.iter().map(|a| a.name.clone()).collect())
                .unwrap_or_default();
            let ask = if admins.is_empty() {
                fill(w(|t| &t.prompts.ask_admin_body), &[("workspace", &name)])
            } else {
                let who = format_list_or(&admins, locale(ctx).as_deref());
                fill(
                    w(|t| &t.prompts.ask_admin_named),
                    &[("workspace", &name), ("admins", &who)],
                )
            };
            out.push(view! { <p class="lc-prompt__ask">{ask}</p> }.into_any());
            if let Some(ask) = hooks.on_ask_admin {
                out.push(primary(
                    w(|t| &t.prompts.ask_admin),
                    move || ask.run(()),
                    on_close,
                ));
            }
        } else {
            if why == Why::Short(Reason::PaymentFailed) {
                if let Some(fix) = hooks.on_fix_payment {
                    out.push(primary(
                        w(|t| &t.prompts.fix_payment),
                        move || fix.run(()),
                        on_close,
                    ));
                } else if let Some(p) = plan.as_ref().filter(|p| is_safe_href(&p.upgrade_url)) {
                    out.push(link(w(|t| &t.prompts.fix_payment), p.upgrade_url.clone()));
                }
            } else if let Some(p) = plan {
                let template: Pick = if why == Why::Short(Reason::SubscriptionExpired) {
                    |t| &t.prompts.renew
                } else {
                    |t| &t.prompts.upgrade
                };
                let label = fill(w(template), &[("plan", &p.name)]);
                match hooks.on_upgrade {
                    Some(up) => {
                        let id = p.id;
                        out.push(primary(label, move || up.run(id), on_close));
                    }
                    None if is_safe_href(&p.upgrade_url) => out.push(link(label, p.upgrade_url)),
                    None => {}
                }
            }
            if let Some(top) = hooks.on_top_up {
                if !matches!(
                    why,
                    Why::FeatureNotInPlan
                        | Why::Short(Reason::SubscriptionExpired | Reason::PaymentFailed)
                ) {
                    let label = w(|t| &t.prompts.top_up);
                    out.push(
                        view! {
                            <button type="button" class="lc-prompt__action" on:click=move |_| {
                                top.run(());
                                on_close.run(());
                            }>{label}</button>
                        }
                        .into_any(),
                    );
                }
            }
        }
        out
    };
    view! {
        <div class="lc-prompt__body">
            {move || reason_lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
            {move || numbers().map(|n| view! { <p class="lc-prompt__numbers">{n}</p> })}
            {move || comes_back().map(|n| view! { <p class="lc-prompt__numbers">{n}</p> })}
            <ul class="lc-prompt__plans">
                {move || monthly_plans().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            {move || why_lines().into_iter().map(|l| view! { <p class="lc-prompt__why">{l}</p> }).collect_view()}
            {resync}
            {alternative}
        </div>
        <div class="lc-prompt__actions">
            {ways_out}
            <button type="button" class="lc-prompt__action" on:click=move |_| on_close.run(())>
                {move || w(|t| &t.prompts.not_now)}
            </button>
        </div>
    }
}

fn primary(
    label: String,
    run: impl Fn() + Send + Sync + 'static,
    on_close: Callback<()>,
) -> AnyView {
    view! {
        <button
            type="button"
            class="lc-prompt__action lc-prompt__action--primary"
            on:click=move |_| {
                run();
                on_close.run(());
            }
        >
            {label}
        </button>
    }
    .into_any()
}

fn link(label: String, href: String) -> AnyView {
    view! { <a class="lc-prompt__action lc-prompt__action--primary" href=href>{label}</a> }
        .into_any()
}
