//! "Ask an admin" for real: the member's request (the credits short, or the
//! plan that unlocks the action) with an optional message, sent through the
//! API; then "Request sent to Jonas Weber and Ari", also when the prompt opens
//! again on a request still pending. A declined or granted one is said.

use credits_core::credit_request::MAX_REQUEST_MESSAGE;
use credits_core::prompt_fit::sent_line;
use credits_core::prompt_ways::ask_for;
use credits_core::{CreditRequest, NewCreditRequest};
use leptos::prelude::*;

use super::buying::Look;
use super::say::say;
use super::Tools;
use crate::hooks::{use_ask, use_credit_requests, SendState};
use crate::primitives::{dynamic, unique_id};
use crate::text::word;
use crate::ClientError;

/// The Ask button with its message field, and what came of the request.
pub(super) fn ask_view(t: Tools, look: Look, label: String) -> AnyView {
    let Some(refusal) = t.refusal.filter(|_| t.ctx.is_some()) else {
        return ().into_any();
    };
    let wanted = move || refusal.with(|r| t.data.with_facts(r, ask_for));
    let requests = use_credit_requests();
    let told = t
        .hooks
        .on_ask_admin
        .map(|hook| Callback::new(move |_: CreditRequest| hook.run(())));
    let ask = use_ask(told);
    // Sent now, or pending from before: the same thing is not asked twice.
    let sent = Memo::new(move |_| {
        if let SendState::Done(r) = ask.state.get() {
            return Some(r);
        }
        let w = wanted();
        requests?.state.with(|s| {
            let items = &s.ready()?.items;
            items
                .iter()
                .find(|r| r.is_pending() && r.asks_for(w.credits, w.plan))
                .cloned()
        })
    });
    // The newest answer to this kind of request, while nothing is pending.
    let answered = Memo::new(move |_| {
        let w = wanted();
        requests?.state.with(|s| {
            let first = s
                .ready()?
                .items
                .iter()
                .find(|r| r.asks_for(w.credits, w.plan))?;
            (!first.is_pending()).then(|| first.clone())
        })
    });
    let message = RwSignal::new(String::new());
    let field_id = unique_id("lc-prompt-message");
    let status = move || {
        if let Some(r) = sent.get() {
            return say(t.ctx, &sent_line(&r));
        }
        answered
            .get()
            .map(|r| answer_line(t, &r))
            .unwrap_or_default()
    };
    let failure = move || match ask.state.get() {
        SendState::Failed(e) => {
            let limited = matches!(&e, ClientError::Server { status: 429, .. })
                || e.problem().is_some_and(|p| p.code == "too_many_requests");
            let said = if limited {
                word(t.ctx, |t| &t.requests.limited)
            } else {
                word(t.ctx, |t| &t.requests.failed)
            };
            Some(view! { <p class="lc-prompt__failed" role="alert">{said}</p> })
        }
        _ => None,
    };
    let send = move |_| {
        if sent.get_untracked().is_some() {
            return;
        }
        let said = message.get_untracked();
        let said: String = said.trim().chars().take(MAX_REQUEST_MESSAGE).collect();
        let ask_now = NewCreditRequest {
            message: (!said.is_empty()).then_some(said),
            ..untrack(wanted)
        };
        ask.send.run(ask_now);
    };
    let sending = move || matches!(ask.state.get(), SendState::Sending);
    let button_label = move || {
        if sent.get().is_some() {
            word(t.ctx, |t| &t.requests.sent)
        } else if sending() {
            word(t.ctx, |t| &t.requests.sending)
        } else {
            label.clone()
        }
    };
    let field = {
        let id = field_id.clone();
        move || {
            sent.get().is_none().then(|| {
                view! {
                    <label class="lc-prompt__message-label" for=id.clone()>
                        {word(t.ctx, |t| &t.requests.message_label)}
                    </label>
                    <textarea
                        class="lc-prompt__message"
                        id=id.clone()
                        rows="2"
                        maxlength=MAX_REQUEST_MESSAGE.to_string()
                        prop:value=move || message.get()
                        on:input=move |ev| message.set(event_target_value(&ev))
                    ></textarea>
                }
            })
        }
    };
    view! {
        <div class="lc-prompt__ask-admin">
            {dynamic(move || field().into_any())}
            <button
                type="button"
                class=look.class()
                data-way-out="ask_admin"
                aria-disabled=move || (sent.get().is_some() || sending()).then_some("true")
                aria-busy=move || sending().then_some("true")
                on:click=send
            >
                {dynamic(move || button_label().into_any())}
            </button>
            <p class="lc-prompt__sent" role="status">{dynamic(move || status().into_any())}</p>
            {dynamic(move || failure().into_any())}
        </div>
    }
    .into_any()
}

/// "Ari declined your request: not this month", or that the credits are in.
fn answer_line(t: Tools, r: &CreditRequest) -> String {
    match t.ctx {
        Some(c) => c.text.with_value(|w| w.requests.answer_to_member(r)),
        None => crate::text::RequestsText::ENGLISH.answer_to_member(r),
    }
}
