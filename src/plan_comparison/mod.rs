//! `PlanComparison`: the plans side by side, the current one marked, with
//! upgrade actions for those who may change the plan.

mod card;

use credits_core::{Plan, PlanId, Status};
use leptos::prelude::*;

use crate::hooks::{use_checkout, use_fetched, CheckoutHandle, Loaded};
use crate::intl::format_list_or;
use crate::primitives::{bought_line, merge_class, no_provider};
use crate::primitives::{dynamic, purchase_failure, unique_id};
use crate::text::error_message;
use crate::{use_balance, use_credits};
use card::Mine;

/// The plans of `GET /v1/plans` side by side, cheapest first: name, price
/// (in the plan's currency through `Intl`), monthly credits, seats
/// ("Unlimited seats" when the plan has no limit) and features. The
/// workspace's plan carries `aria-current="true"` and "Current plan".
/// Owners and admins get an upgrade action on each plan above the current
/// one; a member gets none and reads "Ask Jonas Weber or Ari to change the
/// plan" (the balance's `admins`). A plan sold by contact (no price) reads
/// "Contact sales". When the subscription has ended, the current card says
/// so ("Your plan, ended") and offers Renew instead.
///
/// Each action is the host's `on_upgrade` when given; otherwise it buys
/// through the checkout (`use_checkout`): the button says it is working, a
/// failure is announced, and once done the balance (and so the current plan)
/// and the kept quotes are refreshed. "Contact sales" without `on_upgrade`
/// follows the plan's `upgrade_url` only when it is https or relative (a
/// `javascript:` or `http:` link is refused and says so).
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
    // The member's plan, role and standing, once known; the plans are read
    // again when the plan or its status changes (a Re-sync after buying).
    let mine = Memo::new(move |_| {
        balance.state.with(|s| {
            s.known().map(|k| {
                let f = &k.figures;
                let admins: Vec<String> = f.admins.iter().map(|a| a.name.clone()).collect();
                let mine = Mine {
                    plan: f.plan,
                    may_change: f.member.role.can_change_plan(),
                    ended: matches!(f.status, Status::Expired | Status::Canceled),
                };
                (mine, f.status, admins)
            })
        })
    });
    let key = Signal::derive(move || {
        mine.with(|m| {
            m.as_ref()
                .map(|(m, s, _)| format!("{}/{}", m.plan.as_str(), s.as_str()))
                .unwrap_or_default()
        })
    });
    let checkout = use_checkout();
    let plans = use_fetched(ctx, key, |client, _| async move {
        client.plans().await.map(|p| p.plans)
    });
    let title_id = unique_id("lc-plans");
    let label_id = title_id.clone();
    let body = dynamic(move || {
        match plans.state.get() {
        Loaded::Loading => view! { <p>{ctx.word(|t| &t.subscription.loading)}</p> }.into_any(),
        Loaded::Failed(e) => view! {
            <p class="lc-plans__error" role="alert">{error_message(Some(ctx), &e)}</p>
            <button type="button" on:click=move |_| plans.reload.run(())>{ctx.word(|t| &t.retry)}</button>
        }
        .into_any(),
        Loaded::Ready(list) => {
            let (me, admins) = mine.get().map(|(m, _, a)| (m, a)).unzip();
            list_view(ctx, &list, me, &admins.unwrap_or_default(), on_upgrade, checkout)
        }
    }
    });
    view! {
        <section class=classes aria-labelledby=label_id>
            <h2 id=title_id.clone() class="lc-plans__title">{ctx.word(|t| &t.subscription.plans_title)}</h2>
            {body}
            {purchase_failure(Some(ctx), checkout, "lc-plans__error")}
            <p class="lc-plans__bought" role="status">{dynamic(move || bought_line(ctx, checkout).into_any())}</p>
        </section>
    }
    .into_any()
}

fn list_view(
    ctx: crate::CreditsContext,
    plans: &[Plan],
    mine: Option<Mine>,
    admins: &[String],
    on_upgrade: Option<Callback<PlanId>>,
    checkout: CheckoutHandle,
) -> AnyView {
    let current = mine.map(|m| m.plan);
    let may_change = mine.is_some_and(|m| m.may_change);
    let any_above = plans.iter().any(|p| current.is_some_and(|c| p.id > c));
    let note = (mine.is_some() && !may_change && any_above).then(|| {
        let said = if admins.is_empty() {
            ctx.word(|t| &t.subscription.ask_admin)
        } else {
            let who = format_list_or(admins, ctx.locale.get().as_deref());
            ctx.fill(|t| &t.subscription.ask_admin_named, &[("admins", &who)])
        };
        view! { <p class="lc-plans__note" role="note">{said}</p> }
    });
    let cards = plans
        .iter()
        .map(|p| card::card(ctx, p, mine, on_upgrade, checkout))
        .collect_view();
    view! {
        {note}
        <ul class="lc-plans__list">{cards}</ul>
    }
    .into_any()
}
