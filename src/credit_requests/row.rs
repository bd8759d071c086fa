//! One request in the list: who asks for what, their message, when, and for
//! an owner or admin the answers: Top up / Upgrade through the checkout
//! (naming the request) and Decline with a note.

use credits_core::checkout::MIN_TOP_UP;
use credits_core::credit_request::MAX_REQUEST_MESSAGE;
use credits_core::CreditRequest;
use leptos::prelude::*;

use super::words::{answer, asked, when};
use crate::hooks::{CheckoutHandle, Order, SendHandle, SendState};
use crate::primitives::{dynamic, purchase_button, unique_id};
use crate::CreditsContext;

/// What every row acts with: the checkout, the decline, and the open decline form.
#[derive(Clone, Copy)]
pub(super) struct Acting {
    pub ctx: CreditsContext,
    pub checkout: CheckoutHandle,
    pub decline: SendHandle<(String, Option<String>), CreditRequest>,
    /// The request whose decline form is open.
    pub open: RwSignal<Option<String>>,
    pub note: RwSignal<String>,
}

const ACTION: &str = "lc-requests__action";

pub(super) fn row(a: Acting, r: CreditRequest, admin: bool) -> impl IntoView {
    let ctx = a.ctx;
    let message = r
        .message
        .clone()
        .map(|m| view! { <p class="lc-requests__message">{m}</p> });
    let answered = answer(ctx, &r, admin);
    let answered =
        (!answered.is_empty()).then(|| view! { <p class="lc-requests__answer">{answered}</p> });
    let note = (admin && !r.is_pending())
        .then(|| r.note.clone())
        .flatten()
        .map(|n| view! { <p class="lc-requests__note">{n}</p> });
    let actions = (admin && r.is_pending()).then(|| actions(a, &r));
    view! {
        <li class="lc-requests__item" data-status=r.status.as_str()>
            <p class="lc-requests__what">{asked(ctx, &r)}</p>
            {message}
            <p class="lc-requests__when">{when(ctx, &r)}</p>
            {answered}
            {note}
            {actions}
        </li>
    }
}

fn actions(a: Acting, r: &CreditRequest) -> impl IntoView {
    let ctx = a.ctx;
    let id = r.id.clone();
    let grant = match (r.credits, r.plan) {
        (Some(n), _) => {
            let n = n.max(MIN_TOP_UP);
            let label = ctx.fill(|t| &t.requests.top_up, &[("credits", &ctx.credits(n))]);
            let order = Order::TopUpFor {
                credits: n,
                request: id.clone(),
            };
            Some(purchase_button(
                Some(ctx),
                a.checkout,
                ACTION,
                "top_up",
                label,
                order,
            ))
        }
        (None, Some(plan)) => {
            let label = ctx.fill(|t| &t.requests.upgrade, &[("plan", &ctx.plan_name(plan))]);
            let order = Order::ChangePlanFor {
                plan,
                request: id.clone(),
            };
            Some(purchase_button(
                Some(ctx),
                a.checkout,
                ACTION,
                "upgrade",
                label,
                order,
            ))
        }
        (None, None) => None,
    };
    let form_id = unique_id("lc-requests-decline");
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| a.open.with(|o| o.as_deref() == Some(id.as_str())))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            a.note.set(String::new());
            a.open.set((!is_open.get_untracked()).then(|| id.clone()));
        }
    };
    let name = r.member.name.clone();
    let form = {
        let (id, form_id) = (id.clone(), form_id.clone());
        move || {
            is_open
                .get()
                .then(|| decline_form(a, id.clone(), form_id.clone(), name.clone()))
        }
    };
    view! {
        <div class="lc-requests__actions">
            {grant}
            <button
                type="button"
                class=ACTION
                data-way-out="decline"
                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                aria-controls=form_id.clone()
                on:click=toggle
            >
                {ctx.word(|t| &t.requests.decline)}
            </button>
        </div>
        {dynamic(move || form().into_any())}
    }
}

fn decline_form(a: Acting, id: String, form_id: String, name: String) -> impl IntoView {
    let ctx = a.ctx;
    let field_id = unique_id("lc-requests-note");
    let label = ctx.fill(|t| &t.requests.note_label, &[("name", &name)]);
    let sending = move || matches!(a.decline.state.get(), SendState::Sending);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let note: String = a
            .note
            .get_untracked()
            .trim()
            .chars()
            .take(MAX_REQUEST_MESSAGE)
            .collect();
        a.decline
            .send
            .run((id.clone(), (!note.is_empty()).then_some(note)));
    };
    view! {
        <form class="lc-requests__decline" id=form_id on:submit=submit>
            <label for=field_id.clone()>{label}</label>
            <textarea
                class="lc-requests__note-field"
                id=field_id
                rows="2"
                maxlength=MAX_REQUEST_MESSAGE.to_string()
                prop:value=move || a.note.get()
                on:input=move |ev| a.note.set(event_target_value(&ev))
            ></textarea>
            <button type="submit" class=ACTION aria-busy=move || sending().then_some("true")>
                {ctx.word(|t| &t.requests.decline_send)}
            </button>
            <button type="button" class=ACTION on:click=move |_| a.open.set(None)>
                {ctx.word(|t| &t.requests.cancel)}
            </button>
        </form>
    }
}
