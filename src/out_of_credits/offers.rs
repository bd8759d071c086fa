//! What the prompt offers besides its ways out: what the plan picked brings
//! and the pace behind it, the feature prompt's re-sync, and a cheaper
//! alternative that fits the balance.

use credits_core::prompt::Why;
use credits_core::ways_out::{WayOut, WaysOut};
use credits_core::{Plan, Reason};
use leptos::prelude::*;

use super::plans::{PromptData, Resync};
use super::ways_out::Tools;
use super::words::{credits, name_of, word, Pick};
use super::Refusal;
use crate::cost_estimator::labels::change;
use crate::primitives::dynamic;
use crate::text::fill;
use crate::CreditsContext;

/// "Pro gives 5,000 credits every month." and the pace's why.
pub(super) fn why_lines(
    ctx: Option<CreditsContext>,
    why: Why,
    ways: WaysOut,
    plans: &[Plan],
) -> Vec<String> {
    let w = move |pick: Pick| word(ctx, pick);
    let cr = move |n: u64| credits(ctx, n);
    let mut lines = Vec::new();
    let plan = [Some(ways.primary), ways.secondary]
        .into_iter()
        .flatten()
        .find_map(|w| match w {
            WayOut::Upgrade(p) | WayOut::ContactSales(p) => Some(p),
            _ => None,
        })
        .filter(|_| {
            !matches!(
                why,
                Why::FeatureNotInPlan
                    | Why::Short(Reason::SubscriptionExpired | Reason::PaymentFailed)
            )
        });
    if let Some(p) = plan.and_then(|id| plans.iter().find(|p| p.id == id)) {
        lines.push(fill(
            w(|t| &t.prompts.upgrade_adds),
            &[("plan", &p.name), ("credits", &cr(p.monthly_credits))],
        ));
    }
    if let Some(r) = ways.pace {
        lines.push(fill(
            w(|t| &t.prompts.recommend_why),
            &[
                ("pace", &cr(r.pace)),
                ("plan", &name_of(plans, r.plan)),
                ("allocation", &cr(r.allocation)),
            ],
        ));
    }
    lines
}

/// "Fits your balance: Draft quality, 16 credits." and, with the host's
/// `on_pick`, a button that takes it.
pub(super) fn alternative(tools: Tools, data: PromptData) -> impl IntoView {
    let (ctx, on_close) = (tools.ctx, tools.on_close);
    let w = move |pick: Pick| word(ctx, pick);
    let shown = move || {
        let (c, action, cost) = data.alternative.get()?;
        let label = ctx.map(|x| change(&x, c)).unwrap_or_default();
        let text = fill(
            w(|t| &t.prompts.alternative),
            &[("option", &label), ("credits", &credits(ctx, cost))],
        );
        let button = tools.hooks.on_pick.map(|pick| {
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
    dynamic(move || shown().into_any())
}

/// The feature prompt's Re-sync, and what the re-read found.
pub(super) fn resync(
    ctx: Option<CreditsContext>,
    refusal: Memo<Refusal>,
    data: PromptData,
) -> impl IntoView {
    let w = move |pick: Pick| word(ctx, pick);
    let status = move || match data.resync.get() {
        Resync::Idle => None,
        Resync::Checking => Some(w(|t| &t.prompts.resyncing)),
        Resync::Checked => {
            let action_id = refusal.with(|r| r.action.as_ref().map(|a| a.id()));
            let f = data.figures.get()?;
            let plans = data.plans.get().unwrap_or_default();
            let has = plans
                .iter()
                .find(|p| p.id == f.plan)
                .zip(action_id)
                .is_some_and(|(p, a)| p.features.iter().any(|x| x == a));
            Some(if has {
                w(|t| &t.prompts.resync_unlocked)
            } else {
                fill(
                    w(|t| &t.prompts.resync_still_locked),
                    &[("plan", &name_of(&plans, f.plan))],
                )
            })
        }
    };
    view! {
        <p class="lc-prompt__resync">
            <button
                type="button"
                class="lc-prompt__action"
                disabled=move || data.resync.get() == Resync::Checking
                on:click=move |_| data.resync_now.run(())
            >
                {w(|t| &t.prompts.resync)}
            </button>
            <span role="status">{dynamic(move || status().into_any())}</span>
        </p>
    }
}
