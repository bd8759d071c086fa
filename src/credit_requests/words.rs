//! The list's words from the host's text: what a request asks for, when, what
//! became of it, and the outcome of an answer.

use credits_core::time::parse_rfc3339;
use credits_core::{CreditRequest, RequestStatus};
use leptos::prelude::*;

use crate::hooks::{CheckoutHandle, CheckoutState, SendHandle, SendState};
use crate::intl::format_moment;
use crate::text::error_message;
use crate::{ClientError, CreditsContext};

/// "Kim asks for 500 credits", "Kim asks for the Pro plan".
pub(super) fn asked(ctx: CreditsContext, r: &CreditRequest) -> String {
    let what = match (r.credits, r.plan) {
        (Some(n), _) => ctx.credits(n),
        (None, Some(plan)) => {
            ctx.fill(|t| &t.requests.asks_plan, &[("plan", &ctx.plan_name(plan))])
        }
        (None, None) => String::new(),
    };
    ctx.fill(
        |t| &t.requests.asked_by,
        &[("name", &r.member.name), ("what", &what)],
    )
}

/// "Asked Nov 24, 8:00 PM", in the locale.
pub(super) fn when(ctx: CreditsContext, r: &CreditRequest) -> String {
    let at = parse_rfc3339(&r.at)
        .map(|t| format_moment(t, ctx.locale.get_untracked().as_deref()))
        .unwrap_or_default();
    ctx.fill(|t| &t.requests.asked_at, &[("when", &at)])
}

/// What became of `r`: for the admin "Declined by Ari", for the member the answer told to them.
pub(super) fn answer(ctx: CreditsContext, r: &CreditRequest, admin: bool) -> String {
    if !admin {
        return ctx.text.with_value(|t| t.requests.answer_to_member(r));
    }
    let name = r
        .answered_by
        .as_ref()
        .map(|m| m.name.as_str())
        .unwrap_or("");
    match r.status {
        RequestStatus::Pending => ctx.word(|t| &t.requests.pending),
        RequestStatus::Granted => ctx.fill(|t| &t.requests.granted_line, &[("name", name)]),
        RequestStatus::Declined => ctx.fill(|t| &t.requests.declined_line, &[("name", name)]),
        RequestStatus::Unknown => String::new(),
    }
}

/// Why a decline failed: answered meanwhile, or the error's words.
pub(super) fn failure(ctx: CreditsContext, e: &ClientError) -> String {
    if e.problem().is_some_and(|p| p.code == "request_answered") {
        return ctx.word(|t| &t.requests.answered_meanwhile);
    }
    error_message(Some(ctx), e)
}

/// "Request granted: 500 credits added." or "Request declined." after an answer from here.
pub(super) fn done_line(
    ctx: CreditsContext,
    checkout: CheckoutHandle,
    decline: SendHandle<(String, Option<String>), CreditRequest>,
) -> Option<String> {
    if let CheckoutState::Done(_, p) = checkout.state.get() {
        let credits = ctx.credits(p.purchase.credits);
        return Some(ctx.fill(|t| &t.requests.granted_done, &[("credits", &credits)]));
    }
    matches!(decline.state.get(), SendState::Done(_))
        .then(|| ctx.word(|t| &t.requests.declined_done))
}
