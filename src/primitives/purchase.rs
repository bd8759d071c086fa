//! A purchase button through `use_checkout`, and the line that says why an
//! order failed: the same on every surface that sells.

use leptos::prelude::*;

use super::dynamic;
use crate::hooks::{CheckoutHandle, CheckoutState, Order};
use crate::text::{error_message, fill, word};
use crate::{ClientError, CreditsContext};

/// Orders `order`. While any order of `checkout` is under way the button is
/// `aria-disabled` (focus stays on it, a click is ignored) and the one
/// ordering says it is working.
pub fn purchase_button(
    ctx: Option<CreditsContext>,
    checkout: CheckoutHandle,
    class: &'static str,
    way: &'static str,
    label: String,
    order: Order,
) -> AnyView {
    let state = checkout.state;
    let mine = order.clone();
    let this_one =
        Memo::new(move |_| state.with(|s| matches!(s, CheckoutState::Working(o) if *o == mine)));
    let working = word(ctx, |t| &t.buying);
    view! {
        <button
            type="button"
            class=class
            data-way-out=way
            aria-disabled=move || state.with(CheckoutState::is_working).then_some("true")
            aria-busy=move || this_one.get().then_some("true")
            on:click=move |_| checkout.order.run(order.clone())
        >
            {dynamic(move || (if this_one.get() { working.clone() } else { label.clone() }).into_any())}
        </button>
    }
    .into_any()
}

/// "That did not go through (...)" after a failed order, announced; nothing otherwise.
pub fn purchase_failure(
    ctx: Option<CreditsContext>,
    checkout: CheckoutHandle,
    class: &'static str,
) -> impl IntoView {
    dynamic(move || {
        checkout
            .state
            .with(|s| match s {
                CheckoutState::Failed(_, e) => {
                    let reason = match e {
                        ClientError::Offline(_) | ClientError::TimedOut { .. } => {
                            error_message(ctx, e)
                        }
                        _ if e.problem().is_some_and(|p| p.code == "role_not_allowed") => {
                            word(ctx, |t| &t.purchase_not_allowed)
                        }
                        _ => word(ctx, |t| &t.purchase_error),
                    };
                    let said = fill(word(ctx, |t| &t.purchase_failed), &[("reason", &reason)]);
                    Some(view! { <p class=class role="alert">{said}</p> })
                }
                _ => None,
            })
            .into_any()
    })
}

/// "Done: 500 credits added; ..." after a purchase from this surface.
pub fn bought_line(ctx: CreditsContext, checkout: CheckoutHandle) -> Option<String> {
    checkout.state.with(|s| match s {
        CheckoutState::Done(_, p) => Some(ctx.fill(
            |t| &t.subscription.bought,
            &[
                ("credits", &ctx.credits(p.purchase.credits)),
                ("balance", &ctx.credits(p.balance)),
            ],
        )),
        _ => None,
    })
}
