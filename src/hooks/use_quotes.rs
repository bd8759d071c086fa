use credits_core::{Action as CreditAction, QuoteItem, QuoteResponse};
use leptos::prelude::*;

use super::quote_driver::{drive, Driven};
use super::use_quote::with_balance;
use super::Loaded;
use crate::{use_credits, ClientError};

/// Where the quotes for a list of actions stand. `Ready` holds one item per
/// action, in order (a quote, or that item's problem), and the freshest known
/// `balance`; `Failed` means the whole request failed.
pub type QuotesState = Loaded<QuoteResponse>;

/// What [`use_quotes`] returns.
#[derive(Clone, Copy)]
pub struct QuotesHandle {
    pub state: Signal<QuotesState>,
    pub retry: Callback<()>,
}

/// Quotes for several actions at once, e.g. an estimator's option ladder.
///
/// The actions not already known go out together as one batched request
/// (several, 32 items each, for longer lists), with everything [`crate::use_quote`]
/// does: cache, shared in-flight requests, latest-wins, debounce, recovery.
pub fn use_quotes(actions: Signal<Vec<CreditAction>>) -> QuotesHandle {
    let Some(ctx) = use_credits() else {
        return QuotesHandle {
            state: Signal::stored(QuotesState::Failed(ClientError::NoProvider)),
            retry: Callback::new(|()| {}),
        };
    };
    let (driven, retry) = drive(ctx, actions);
    let known = ctx.balance.known_balance();
    let state = Signal::derive(move || match driven.get() {
        Driven::Loading => QuotesState::Loading,
        Driven::Failed(e) => QuotesState::Failed(e),
        Driven::Ready(answers) => {
            let freshest = answers.iter().max_by(|a, b| a.at_ms.total_cmp(&b.at_ms));
            let balance = known
                .get()
                .or(freshest.map(|c| c.balance))
                .unwrap_or_default();
            let price_book = freshest.map(|c| c.price_book.clone()).unwrap_or_default();
            let items = answers
                .into_iter()
                .map(|c| match c.item {
                    QuoteItem::Quoted(q) => QuoteItem::Quoted(with_balance(q, Some(balance))),
                    invalid => invalid,
                })
                .collect();
            QuotesState::Ready(QuoteResponse {
                items,
                balance,
                price_book,
            })
        }
    });
    QuotesHandle { state, retry }
}
