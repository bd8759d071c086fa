//! `CreditRequests`: the credit requests of the workspace. Owners and admins
//! see the pending ones with a count ("2 requests") and answer each: Top up
//! or Upgrade (through the checkout, naming the request, which marks it
//! granted) or Decline with a note. A member sees their own and the answers.

mod row;
mod words;

use credits_core::CreditRequest;
use leptos::prelude::*;

use crate::hooks::{
    use_checkout, use_credit_requests, use_decline, CheckoutState, Loaded, SendState,
};
use crate::primitives::{dynamic, effect, purchase_failure, unique_id};
use crate::{use_balance, use_credits};
use row::{row, Acting};
use words::done_line;

/// The workspace's credit requests, for the member looking.
///
/// For an owner or admin: a heading with the pending count ("2 requests"),
/// then each request (who, what, their message, when) with Top up {credits}
/// (at least a top-up's 100) or Upgrade to {plan}, and Decline, which opens
/// a note field ("Note for Kim (optional)") and "Decline request". After an
/// answer the list is read again and the outcome announced (`role="status"`);
/// a failure is announced as an alert. A read that fails says so, with
/// Retry. For a member: "Your requests", each
/// with what became of it. The list is read again when the balance changes
/// and when the window regains focus.
///
/// ## Styling
///
/// `lc-requests` (`data-role` = `admin | member`) with parts `__title`,
/// `__list`, `__item` (`data-status`), `__what`, `__message`, `__when`,
/// `__answer`, `__actions`, `__action`, `__decline` (the form), `__note`,
/// `__done`, `__error`, `__retry` (after a failed read).
#[component]
pub fn CreditRequests(
    /// Extra classes, merged with `lc-requests`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let classes = move || match class.get() {
        Some(extra) if !extra.trim().is_empty() => format!("lc-requests {extra}"),
        _ => "lc-requests".to_owned(),
    };
    let (Some(ctx), Some(requests)) = (use_credits(), use_credit_requests()) else {
        return ().into_any();
    };
    let balance = use_balance();
    let admin = Memo::new(move |_| {
        balance.state.with(|s| {
            s.known()
                .is_some_and(|k| k.figures.member.role.can_change_plan())
        })
    });
    // Equal answers change nothing, so a re-read does not redraw an open form.
    let listed = Memo::new(move |_| requests.state.with(|s| s.ready().cloned()));
    let failed = Memo::new(move |_| requests.state.with(|s| matches!(s, Loaded::Failed(_))));
    let checkout = use_checkout();
    let decline = use_decline();
    let acting = Acting {
        ctx,
        checkout,
        decline,
        open: RwSignal::new(None::<String>),
        note: RwSignal::new(String::new()),
    };
    effect(move || {
        let done = matches!(checkout.state.get(), CheckoutState::Done(..))
            || matches!(decline.state.get(), SendState::Done(_));
        if done {
            acting.open.set(None);
            acting.note.set(String::new());
            requests.reload.run(());
        }
    });
    let title_id = unique_id("lc-requests");
    let title = move || match listed.with(|l| l.as_ref().map(|l| l.pending)) {
        Some(n) if admin.get() => ctx.counted(|t| &t.requests.pending_count, n),
        _ if admin.get() => ctx.word(|t| &t.requests.title),
        _ => ctx.word(|t| &t.requests.mine_title),
    };
    let items = move || {
        let Some(list) = listed.get() else {
            return failed.get().then(|| view! {
                <p class="lc-requests__error" role="alert">{ctx.word(|t| &t.requests.load_failed)}</p>
                <button type="button" class="lc-requests__action lc-requests__retry" on:click=move |_| requests.reload.run(())>
                    {ctx.word(|t| &t.retry)}
                </button>
            }.into_any());
        };
        let shown: Vec<CreditRequest> = list.items;
        if shown.is_empty() {
            return Some(
                view! { <p class="lc-requests__none">{ctx.word(|t| &t.requests.none)}</p> }
                    .into_any(),
            );
        }
        let is_admin = admin.get();
        let rows = shown
            .into_iter()
            .map(|r| row(acting, r, is_admin))
            .collect_view();
        Some(view! { <ul class="lc-requests__list">{rows}</ul> }.into_any())
    };
    let decline_failed = move || match decline.state.get() {
        SendState::Failed(e) => Some(view! {
            <p class="lc-requests__error" role="alert">{words::failure(ctx, &e)}</p>
        }),
        _ => None,
    };
    // A member without any request sees nothing.
    let shown =
        move || admin.get() || listed.with(|l| l.as_ref().is_some_and(|l| !l.items.is_empty()));
    view! {
        <Show when=shown>
            <section
                class=classes
                aria-labelledby=title_id.clone()
                data-role=move || if admin.get() { "admin" } else { "member" }
            >
                <h2 class="lc-requests__title" id=title_id.clone()>{dynamic(move || title().into_any())}</h2>
                {dynamic(move || items().into_any())}
                {purchase_failure(Some(ctx), checkout, "lc-requests__error")}
                {dynamic(move || decline_failed().into_any())}
                <p class="lc-requests__done" role="status">
                    {dynamic(move || done_line(ctx, checkout, decline).into_any())}
                </p>
            </section>
        </Show>
    }
    .into_any()
}
