use credits_core::{Action as CreditAction, Quote, QuoteItem};
use leptos::prelude::*;

use super::quote_cache::Cached;
use super::quote_driver::{drive, Driven};
use super::Loaded;
use crate::{use_credits, ClientError};

/// Where a quote for the current action stands: `Loading` (no number known
/// yet), `Ready` with the server's quote for the current action, or `Failed`
/// (transient failures, e.g. offline, timed out, server error, are asked
/// again by themselves).
pub type QuoteState = Loaded<Quote>;

/// What [`use_quote`] returns: the state, and a way to ask again.
#[derive(Clone, Copy)]
pub struct QuoteHandle {
    pub state: Signal<QuoteState>,
    /// Asks again for the current action at once (a Retry button).
    pub retry: Callback<()>,
}

/// The server's quote for `action`, following it as it changes.
///
/// Only the quote for the current action is ever shown: a superseded request
/// is aborted and its answer, should it still arrive, dropped. Settings seen
/// before (same member, workspace and price book) show at once without a
/// request; a burst of changes sends at most two requests (the first change
/// at once, the last after 150 ms of quiet); identical requests in flight,
/// from any component, share one fetch. `affordable` follows the shared
/// balance ([`crate::use_balance`]) once it is known.
///
/// Must be called under a [`crate::CreditsProvider`]; without one the state
/// is `Failed(ClientError::NoProvider)`.
pub fn use_quote(action: Signal<CreditAction>) -> QuoteHandle {
    let Some(ctx) = use_credits() else {
        return QuoteHandle {
            state: Signal::stored(QuoteState::Failed(ClientError::NoProvider)),
            retry: Callback::new(|()| {}),
        };
    };
    let actions = Signal::derive(move || vec![action.get()]);
    let (driven, retry) = drive(ctx, actions);
    let balance = ctx.balance.known_balance();
    let state = Signal::derive(move || match driven.get() {
        Driven::Loading => QuoteState::Loading,
        Driven::Failed(e) => QuoteState::Failed(e),
        Driven::Ready(mut answers) => match answers.pop() {
            Some(cached) => quote_state(cached, balance.get()),
            None => QuoteState::Loading,
        },
    });
    QuoteHandle { state, retry }
}

/// One cached answer as a state; `affordable` recomputed against a newer balance.
pub(crate) fn quote_state(cached: Cached, balance: Option<u64>) -> QuoteState {
    match cached.item {
        QuoteItem::Quoted(quote) => QuoteState::Ready(with_balance(quote, balance)),
        QuoteItem::Invalid { error } => {
            QuoteState::Failed(ClientError::from_answer(error.status, Some(error)))
        }
    }
}

/// The API's rule: `credits <= balance` and not blocked.
pub(crate) fn with_balance(mut quote: Quote, balance: Option<u64>) -> Quote {
    if let Some(balance) = balance {
        quote.affordable = quote.blocked.is_none() && quote.credits <= balance;
    }
    quote
}
