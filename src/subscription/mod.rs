//! `SubscriptionBalance`: Settings → Subscription. The balance, the plan and
//! its status, the monthly allocation, the reset countdown, the grants, the
//! team's use of a shared pool, and troubleshooting for surprised people.

mod figures;
mod live_note;
mod purchases;
mod remedy;
mod team;
mod troubleshoot;

use leptos::prelude::*;

use crate::intl::format_moment;
use crate::primitives::{dynamic, unique_id};
use crate::primitives::{merge_class, no_provider, now_s};
use crate::text::error_message;
use crate::{use_balance, use_credits, BalanceState};
use live_note::LiveNote;
use remedy::Remedy;
use team::TeamUsage;
use troubleshoot::Troubleshooting;

/// The workspace's credits as a settings page shows them: the balance as the
/// main figure (formatted by `Intl`), plan and status in words, the monthly
/// allocation used as a progress bar, "resets Dec 1 — in 6 days", the grants
/// by kind with what each has left and when it expires, a downgrade waiting
/// for the cycle's end and the latest purchases, the workspace's name,
/// an "as of" time with a Refresh button, and a stale mark when the last
/// refresh failed. A drained balance whose reset is still to come reads
/// "Empty until Dec 1", never "expired". With a shared pool it adds the
/// team's use this cycle by member (chart and table); it always ends with
/// troubleshooting ("credits did not refresh", "feature still locked") and
/// a Re-sync that re-reads the balance and the plans from the server.
///
/// An expired or canceled workspace gets "Renew {plan}" and a past-due one
/// "Update payment method", for owners and admins: the host's `on_renew` or
/// `on_fix_payment` when given, else bought through the checkout
/// (`use_checkout`), which refreshes the figures and says what it added. A
/// member is told to ask the owners and admins, by name.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{CreditsClient, CreditsProvider, PlanComparison, SubscriptionBalance, UsageHistory};
///
/// # fn settings() -> impl IntoView {
/// let client = CreditsClient::new("/api").with_token("tok_pro_admin");
/// view! {
///     <CreditsProvider client=client workspace="ws_pro_team">
///         <SubscriptionBalance />
///         <PlanComparison />
///         <UsageHistory />
///     </CreditsProvider>
/// }
/// # }
/// ```
///
/// ## Styling
///
/// `lc-subscription` (`data-state` = `loading | failed | ready | refreshing | stale`)
/// with parts `__balance-value`, `__plan` (`data-status`), `__figures`
/// (`data-standing` = `healthy | low | empty_until_reset | empty | expired | past_due`),
/// `__bar` (`role="progressbar"`), `__grants`, `__team`, `__chart`, `__trouble`,
/// `__advice` (`data-advice`), `__remedy`, `__remedy-action` (`data-way-out`),
/// `__ask`, `__bought`, `__pending`, `__purchases`, `__purchase` (`data-kind`). Colours come from `--lc-subscription-*` and the
/// shared tokens in `style/tokens.css`; link `style/subscription.css`.
///
/// ## Errors
///
/// While the balance is unknown no number is shown (never 0): "Loading…", or
/// the reason it failed with a Retry button. When a refresh fails the last
/// figures stay, marked "May be out of date". Outside a `CreditsProvider` it
/// shows the generic error instead of panicking.
#[component]
pub fn SubscriptionBalance(
    /// Renew an expired or canceled subscription (instead of the checkout).
    #[prop(optional)]
    on_renew: Option<Callback<()>>,
    /// Update a failing payment method (instead of the checkout).
    #[prop(optional)]
    on_fix_payment: Option<Callback<()>>,
    /// Extra classes, merged with `lc-subscription`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let classes = move || merge_class("lc-subscription", class.get());
    let Some(ctx) = use_credits() else {
        return no_provider(classes);
    };
    let balance = use_balance();
    let state = balance.state;
    let title_id = unique_id("lc-subscription");
    let label_id = title_id.clone();
    let known = Memo::new(move |_| state.with(|s| s.known().map(|k| k.figures.clone())));
    let figures = Signal::derive(move || known.get());
    let as_of = Signal::derive(move || {
        known.with(|k| k.as_ref().map(|b| b.as_of.clone()).unwrap_or_default())
    });
    let shared = move || known.with(|k| k.as_ref().is_some_and(|b| b.shared_pool));
    let busy = Signal::derive(move || state.with(|s| s.known().is_some_and(|k| k.refreshing)));
    let checked = move || {
        state.with(|s| {
            s.known().map(|k| {
                let at = format_moment(
                    (k.checked_at_ms / 1000.0) as i64,
                    ctx.locale.get().as_deref(),
                );
                ctx.fill(|t| &t.subscription.as_of, &[("time", &at)])
            })
        })
    };
    let body = move || {
        match state.get() {
        BalanceState::Loading => view! {
            <p class="lc-subscription__note">{ctx.word(|t| &t.subscription.loading)}</p>
        }
        .into_any(),
        BalanceState::Failed(e) => view! {
            <p class="lc-subscription__error" role="alert" data-detail=e.to_string()>{error_message(Some(ctx), &e)}</p>
        }
        .into_any(),
        BalanceState::Known(k) => figures::figures(ctx, &k.figures, now_s()),
    }
    };
    view! {
        <section
            class=classes
            aria-labelledby=label_id
            data-state=move || state.with(BalanceState::as_str)
            aria-busy=move || matches!(state.get(), BalanceState::Loading).then_some("true")
        >
            <h2 id=title_id.clone() class="lc-subscription__title">{ctx.word(|t| &t.subscription.title)}</h2>
            <div class="lc-subscription__toolbar">
                <span class="lc-subscription__as-of">{dynamic(move || checked().into_any())}</span>
                <LiveNote ctx=ctx live=balance.live />
                {dynamic(move || state.with(BalanceState::is_stale).then(|| view! {
                    <span class="lc-subscription__stale">{ctx.word(|t| &t.balance_stale)}</span>
                }).into_any())}
                <button
                    type="button"
                    class="lc-subscription__refresh"
                    aria-busy=move || busy.get().then_some("true")
                    on:click=move |_| balance.refresh.run(())
                >
                    {dynamic(move || if matches!(state.get(), BalanceState::Failed(_)) {
                        ctx.word(|t| &t.retry)
                    } else {
                        ctx.word(|t| &t.refresh)
                    }.into_any())}
                </button>
            </div>
            {dynamic(body)}
            <Remedy ctx=ctx figures=figures on_renew=on_renew on_fix_payment=on_fix_payment />
            <Show when=shared>
                <TeamUsage ctx=ctx as_of=as_of />
            </Show>
            <Show when=move || known.with(Option::is_some)>
                <Troubleshooting ctx=ctx store=balance.store figures=figures busy=busy />
            </Show>
        </section>
    }
    .into_any()
}
