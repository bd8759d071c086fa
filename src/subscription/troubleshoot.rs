//! Troubleshooting built into the view: "credits did not refresh" and
//! "feature still locked after buying", each with what to do.

use credits_core::subscription::{locked_features, refresh_advice, RefreshAdvice};
use credits_core::time::parse_rfc3339;
use credits_core::BalanceResponse;
use leptos::prelude::*;

use super::figures::reset_line;
use crate::hooks::{use_fetched, Loaded};
use crate::intl::format_day;
use crate::primitives::dynamic;
use crate::primitives::now_s;
use crate::text::error_message;
use crate::text::{payment_pick, status_pick, Pick};
use crate::{BalanceStore, CreditsContext};

fn advice_pick(a: RefreshAdvice) -> Pick {
    match a {
        RefreshAdvice::FixPayment => |t| &t.subscription.advice_fix_payment,
        RefreshAdvice::Renew => |t| &t.subscription.advice_renew,
        RefreshAdvice::AddPayment => |t| &t.subscription.advice_add_payment,
        RefreshAdvice::WaitForReset => |t| &t.subscription.advice_wait_for_reset,
        RefreshAdvice::Resync => |t| &t.subscription.advice_resync,
        RefreshAdvice::NoMonthlyCredits => |t| &t.subscription.advice_no_monthly_credits,
    }
}

fn refresh_part(ctx: CreditsContext, b: &BalanceResponse) -> AnyView {
    let now = now_s();
    let advice = refresh_advice(b, now);
    let day = b
        .cycle
        .as_ref()
        .and_then(|c| parse_rfc3339(&c.resets_at))
        .map(|at| format_day(at, ctx.locale.get().as_deref()))
        .unwrap_or_default();
    view! {
        <dl class="lc-subscription__facts">
            <dt>{ctx.word(|t| &t.subscription.cycle_date)}</dt>
            <dd>{reset_line(ctx, b, now)}</dd>
            <dt>{ctx.word(|t| &t.subscription.payment_label)}</dt>
            <dd data-payment=b.payment_method.as_str()>{ctx.word(payment_pick(b.payment_method))}</dd>
            <dt>{ctx.word(|t| &t.subscription.plan_status_label)}</dt>
            <dd data-status=b.status.as_str()>{ctx.word(status_pick(b.status))}</dd>
        </dl>
        <p class="lc-subscription__advice" data-advice=advice.as_str()>
            {ctx.fill(advice_pick(advice), &[("date", &day)])}
        </p>
    }
    .into_any()
}

/// Both troubleshooting parts, for the balance `figures` (re-read on Re-sync).
#[component]
pub(crate) fn Troubleshooting(
    ctx: CreditsContext,
    store: Option<BalanceStore>,
    figures: Signal<Option<BalanceResponse>>,
    busy: Signal<bool>,
) -> impl IntoView {
    let plans = use_fetched(ctx, Signal::stored(String::new()), |client, _| async move {
        client.plans().await.map(|p| p.plans)
    });
    let resync = move |_| {
        if let Some(s) = store {
            s.refresh_now();
        }
        plans.reload.run(());
    };
    let resyncing = move || busy.get() || plans.busy.get();
    let refresh = move || figures.get().map(|b| refresh_part(ctx, &b));
    let locked = move || {
        let b = figures.get()?;
        let workspace = ctx.fill(
            |t| &t.subscription.locked_workspace,
            &[("workspace", &b.workspace.name)],
        );
        let plan = ctx.fill(
            |t| &t.subscription.locked_plan,
            &[("plan", &ctx.plan_name(b.plan))],
        );
        let needs = match plans.state.get() {
            Loaded::Loading => {
                view! { <p class="lc-subscription__note">{ctx.word(|t| &t.subscription.loading)}</p> }.into_any()
            }
            Loaded::Failed(e) => view! {
                <p class="lc-subscription__error" role="alert">{error_message(Some(ctx), &e)}</p>
            }
            .into_any(),
            Loaded::Ready(list) => {
                let locked = locked_features(&list, b.plan);
                if locked.is_empty() {
                    view! { <p class="lc-subscription__note lc-subscription__locked-none">{ctx.word(|t| &t.subscription.locked_none)}</p> }
                        .into_any()
                } else {
                    let items = locked
                        .iter()
                        .map(|l| {
                            let line = ctx.fill(|t| &t.subscription.locked_needs,
                                &[("feature", &ctx.action_name(&l.feature)), ("plan", &ctx.plan_name(l.needs))],
                            );
                            view! { <li data-feature=l.feature.clone() data-needs=l.needs.as_str()>{line}</li> }
                        })
                        .collect_view();
                    view! { <ul class="lc-subscription__locked">{items}</ul> }.into_any()
                }
            }
        };
        Some(view! {
            <p class="lc-subscription__locked-workspace">{workspace}</p>
            <p class="lc-subscription__locked-plan">{plan}</p>
            {needs}
        })
    };
    view! {
        <section class="lc-subscription__trouble">
            <h3 class="lc-subscription__subtitle">{ctx.word(|t| &t.subscription.trouble_title)}</h3>
            <details class="lc-subscription__trouble-item" data-topic="refresh" open=true>
                <summary>{ctx.word(|t| &t.subscription.trouble_refresh)}</summary>
                {dynamic(move || refresh().into_any())}
            </details>
            <details class="lc-subscription__trouble-item" data-topic="locked" open=true>
                <summary>{ctx.word(|t| &t.subscription.trouble_locked)}</summary>
                {dynamic(move || locked().into_any())}
                <button
                    type="button"
                    class="lc-subscription__resync"
                    aria-busy=move || resyncing().then_some("true")
                    on:click=resync
                >
                    {dynamic(move || (if resyncing() { ctx.word(|t| &t.subscription.resyncing) } else { ctx.word(|t| &t.subscription.resync) }).into_any())}
                </button>
            </details>
        </section>
    }
}
