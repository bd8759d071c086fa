//! `CostBadge`: the compact cost beside a Generate button.

mod types;

use leptos::prelude::*;

pub use types::BadgeState;

use crate::primitives::{dynamic, use_politeness};
use crate::text::{error_message, fill, plan_name};
use crate::{use_credits, use_quote, CreditAction, CreditsText, QuoteState};
use credits_core::PlanId;

/// Shows what `action` costs in credits, as the server quotes it, next to the
/// host's Generate button; follows `action` as the person changes settings.
///
/// It shows "Estimating…" while it asks, the cost (formatted by the browser's
/// `Intl`) when known, "Free" for zero-cost actions, the plan an action needs
/// when the plan lacks it, and an error with a Retry button when the quote
/// cannot be had. It never shows a number for settings other than the current ones.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{CreditAction, CostBadge, Upscale};
///
/// # fn tool() -> impl IntoView {
/// // inside a <CreditsProvider>
/// view! {
///     <button>"Upscale"</button>
///     <CostBadge action=CreditAction::Upscale(Upscale { factor: 2 }) class="my-badge" />
/// }
/// # }
/// ```
///
/// ## Styling
///
/// Classes `lc-cost-badge`, `lc-cost-badge__value`, `lc-cost-badge__retry`;
/// `data-state` is `loading | ready | free | blocked | error` and
/// `data-affordable="false"` marks a cost above the balance, which also gets a
/// warning icon, `lc-cost-badge__short`, named by `cost_over_balance` (not
/// colour alone). Colours and
/// spacing come from `style/tokens.css` (`--lc-badge-bg`, `--lc-badge-fg`,
/// `--lc-badge-short-fg`, `--lc-badge-radius`, ...); link `style/cost_badge.css`.
///
/// ## Errors
///
/// Offline, a refused token and any other failure each get their own words
/// (see [`CreditsText`]); the error keeps a Retry button. Outside a
/// `CreditsProvider` it shows the generic error instead of panicking.
#[component]
pub fn CostBadge(
    /// The action whose cost to show.
    #[prop(into)]
    action: Signal<CreditAction>,
    /// Extra classes, merged with `lc-cost-badge`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let ctx = use_credits();
    let quote = use_quote(action);
    // A new cost is spoken after the person's own change, not after a switch
    // of member or workspace (every region on the page would speak at once).
    let asker = Signal::derive(move || ctx.map(|c| (c.client.get().identity(), c.workspace.get())));
    let politeness = use_politeness(action, asker);
    let text = move |pick: fn(&CreditsText) -> String| match ctx {
        Some(c) => c.text.with_value(pick),
        None => pick(&CreditsText::default()),
    };
    let badge_state = move || match quote.state.get() {
        QuoteState::Loading => BadgeState::Loading,
        QuoteState::Ready(q) if q.blocked.is_some() => BadgeState::Blocked,
        QuoteState::Ready(q) if q.is_free() => BadgeState::Free,
        QuoteState::Ready(_) => BadgeState::Ready,
        QuoteState::Failed(_) => BadgeState::Error,
    };
    let affordable = move || match quote.state.get() {
        QuoteState::Ready(q) if !q.affordable && q.blocked.is_none() => Some("false"),
        _ => None,
    };
    let classes = move || match class.get() {
        Some(extra) if !extra.is_empty() => format!("lc-cost-badge {extra}"),
        _ => "lc-cost-badge".to_owned(),
    };
    let body = dynamic(move || match quote.state.get() {
        QuoteState::Loading => view! {
            <span class="lc-cost-badge__spinner" aria-hidden="true"></span>
            <span class="lc-cost-badge__value">{text(|t| t.estimating.to_string())}</span>
        }
        .into_any(),
        QuoteState::Ready(q) => {
            let short = !q.affordable && q.blocked.is_none();
            let value = match (&q.blocked, q.is_free()) {
                (Some(b), _) => {
                    let plan = b.required_plan.clone().unwrap_or_default();
                    fill(
                        text(|t| t.needs_plan.to_string()),
                        &[("plan", &plan_name(ctx, PlanId::from_word(&plan)))],
                    )
                }
                (None, true) => text(|t| t.free.to_string()),
                (None, false) => ctx
                    .map(|c| c.credits(q.credits))
                    .unwrap_or_else(|| q.credits.to_string()),
            };
            view! {
                <span class="lc-visually-hidden">{text(|t| t.cost_label.to_string())}" "</span>
                <span class="lc-cost-badge__value">{value}</span>
                {short.then(|| view! {
                    <span
                        class="lc-cost-badge__short"
                        role="img"
                        aria-label=text(|t| t.cost_over_balance.to_string())
                    ></span>
                })}
            }
            .into_any()
        }
        QuoteState::Failed(error) => {
            let message = error_message(ctx, &error);
            let detail = error.to_string();
            view! {
                <span class="lc-cost-badge__value" data-detail=detail>{message}</span>
                <button type="button" class="lc-cost-badge__retry" on:click=move |_| quote.retry.run(())>
                    {text(|t| t.retry.to_string())}
                </button>
            }
            .into_any()
        }
    });
    view! {
        <span
            class=classes
            data-state=move || badge_state().as_str()
            data-affordable=affordable
            role="status"
            aria-live=politeness
            aria-atomic="true"
            aria-busy=move || (badge_state() == BadgeState::Loading).then_some("true")
        >
            {body}
        </span>
    }
}
