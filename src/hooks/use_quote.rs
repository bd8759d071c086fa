use credits_core::{Action, Quote, QuoteItem};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::{use_credits, ClientError};

/// Where a quote for the current action stands.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteState {
    /// Fetching the quote for the current action. No number is known yet.
    Loading,
    /// The server's quote for the current action.
    Ready(Quote),
    /// The quote for the current action could not be had.
    Failed(ClientError),
}

/// What [`use_quote`] returns: the state, and a way to ask again.
#[derive(Clone, Copy)]
pub struct QuoteHandle {
    pub state: Signal<QuoteState>,
    /// Asks again for the current action (after an error, say).
    pub retry: Callback<()>,
}

/// The server's quote for `action`, following it as it changes.
///
/// Only the answer for the current action is ever shown: an answer for an
/// action the person has already left is dropped when it arrives.
/// Must be called under a [`crate::CreditsProvider`]; without one the state
/// is `Failed(ClientError::NoProvider)`.
pub fn use_quote(action: Signal<Action>) -> QuoteHandle {
    let state = RwSignal::new(QuoteState::Loading);
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n = n.wrapping_add(1)));
    let Some(ctx) = use_credits() else {
        state.set(QuoteState::Failed(ClientError::NoProvider));
        return QuoteHandle {
            state: state.into(),
            retry,
        };
    };
    // Bumped for every request; an answer is applied only if no newer request started.
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        attempt.track();
        let action = action.get();
        let client = ctx.client.get();
        let workspace = ctx.workspace.get();
        let Some(request) = latest.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        state.set(QuoteState::Loading);
        spawn_local(async move {
            let result = client
                .quote(&workspace, std::slice::from_ref(&action))
                .await;
            if latest.try_get_value() != Some(request) {
                return;
            }
            let next = match result.map(|mut r| r.items.pop()) {
                Ok(Some(QuoteItem::Quoted(quote))) => QuoteState::Ready(quote),
                Ok(Some(QuoteItem::Invalid { error })) => QuoteState::Failed(ClientError::Http {
                    status: error.status,
                    problem: Some(Box::new(error)),
                }),
                Ok(None) => QuoteState::Failed(ClientError::Decode("items: empty".into())),
                Err(e) => QuoteState::Failed(e),
            };
            // The component may be gone by now; then there is nothing to update.
            let _ = state.try_set(next);
        });
    });
    QuoteHandle {
        state: state.into(),
        retry,
    }
}
