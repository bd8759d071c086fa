//! `PlanComparison`: the plans side by side, the current one marked, with
//! upgrade actions for those who may change the plan.

mod card;

use credits_core::{Plan, PlanId, Role};
use leptos::prelude::*;

use crate::hooks::{use_fetched, Loaded};
use crate::primitives::unique_id;
use crate::subscription::words::{merge_class, no_provider, sw};
use crate::text::error_message;
use crate::{use_balance, use_credits};

/// The plans of `GET /v1/plans` side by side, cheapest first: name, price
/// (in the plan's currency through `Intl`), monthly credits, seats
/// ("Unlimited seats" when the plan has no limit) and features. The
/// workspace's plan carries `aria-current="true"` and "Current plan".
/// Owners and admins get an upgrade action on each plan above the current
/// one; a member gets none and reads "Ask an owner or admin to change the
/// plan". A plan sold by contact (no price) reads "Contact sales".
///
/// The upgrade action is the host's `on_upgrade` when given; otherwise a
/// link to the plan's `upgrade_url`, followed only when it is https or
/// relative (a `javascript:` or `http:` link is refused and says so).
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{PlanComparison, PlanId};
///
/// # fn page() -> impl IntoView {
/// // inside a <CreditsProvider>
/// view! { <PlanComparison on_upgrade=Callback::new(|plan: PlanId| { let _ = plan; }) /> }
/// # }
/// ```
///
/// ## Styling
///
/// `lc-plans` with parts `__list`, `__plan` (`data-plan`, `aria-current` on
/// the current one), `__price`, `__credits`, `__seats`, `__features`,
/// `__upgrade`, `__note`; link `style/subscription.css`.
///
/// ## Errors
///
/// A failed read shows the reason and a Retry button; nothing is shown as a
/// price while unknown.
#[component]
pub fn PlanComparison(
    /// Called with the chosen plan instead of following its upgrade link.
    #[prop(optional, into)]
    on_upgrade: Option<Callback<PlanId>>,
    /// Extra classes, merged with `lc-plans`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let classes = move || merge_class("lc-plans", class.get());
    let Some(ctx) = use_credits() else {
        return no_provider(classes);
    };
    let balance = use_balance();
    // (plan, role) of the member, once known; the plans are read again when
    // the plan or its status changes (a Re-sync after buying).
    let mine = Memo::new(move |_| {
        balance.state.with(|s| {
            s.known()
                .map(|k| (k.figures.plan, k.figures.member.role, k.figures.status))
        })
    });
    let key = Signal::derive(move || {
        mine.get()
            .map(|(p, _, s)| format!("{}/{}", p.as_str(), s.as_str()))
            .unwrap_or_default()
    });
    let plans = use_fetched(ctx, key, |client, _| async move {
        client.plans().await.map(|p| p.plans)
    });
    let title_id = unique_id("lc-plans");
    let label_id = title_id.clone();
    let body = move || {
        match plans.state.get() {
        Loaded::Loading => view! { <p>{sw(ctx, |t| &t.loading)}</p> }.into_any(),
        Loaded::Failed(e) => view! {
            <p class="lc-plans__error" role="alert">{error_message(Some(ctx), &e)}</p>
            <button type="button" on:click=move |_| plans.reload.run(())>{ctx.word(|t| &t.retry)}</button>
        }
        .into_any(),
        Loaded::Ready(list) => list_view(ctx, &list, mine.get(), on_upgrade),
    }
    };
    view! {
        <section class=classes aria-labelledby=label_id>
            <h2 id=title_id.clone() class="lc-plans__title">{sw(ctx, |t| &t.plans_title)}</h2>
            {body}
        </section>
    }
    .into_any()
}

fn list_view(
    ctx: crate::CreditsContext,
    plans: &[Plan],
    mine: Option<(PlanId, Role, credits_core::Status)>,
    on_upgrade: Option<Callback<PlanId>>,
) -> AnyView {
    let current = mine.map(|(p, _, _)| p);
    let may_change = mine.is_some_and(|(_, r, _)| r.can_change_plan());
    let any_above = plans.iter().any(|p| current.is_some_and(|c| p.id > c));
    let note = (mine.is_some() && !may_change && any_above)
        .then(|| view! { <p class="lc-plans__note" role="note">{sw(ctx, |t| &t.ask_admin)}</p> });
    let cards = plans
        .iter()
        .map(|p| card::card(ctx, p, current, may_change, on_upgrade))
        .collect_view();
    view! {
        {note}
        <ul class="lc-plans__list">{cards}</ul>
    }
    .into_any()
}
