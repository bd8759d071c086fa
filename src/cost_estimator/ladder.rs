//! The current action and its alternatives, quoted together through the
//! shared quote loader (one batched request for what is not cached yet).

use credits_core::estimate::{alternatives, Alternative};
use credits_core::{Action as CreditAction, QuoteItem};
use leptos::prelude::*;

use crate::{use_quotes, ClientError, QuotesState};

/// The estimator's numbers for one action.
#[derive(Debug, Clone, PartialEq)]
pub enum LadderState {
    /// Closed: nothing is asked.
    Idle,
    /// Asking: no number is known for the current settings.
    Loading,
    Ready(Box<Ladder>),
    Failed(ClientError),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    /// The quote of the current action.
    pub current: QuoteItem,
    /// The freshest known balance.
    pub balance: u64,
    /// Each alternative with its own quote, in ladder order.
    pub options: Vec<(Alternative, QuoteItem)>,
}

/// `[action, alternatives...]`: what the popover quotes.
fn ladder_actions(action: &CreditAction) -> Vec<CreditAction> {
    std::iter::once(action.clone())
        .chain(alternatives(action).into_iter().map(|a| a.action))
        .collect()
}

/// Quotes `action` and its [`alternatives`] while `open`. The state is
/// `Ready` only with answers for exactly the current list, never for
/// settings the person has left.
pub fn use_ladder(
    action: Signal<CreditAction>,
    open: Signal<bool>,
) -> (Signal<LadderState>, Callback<()>) {
    let list = Memo::new(move |_| {
        if open.get() {
            ladder_actions(&action.get())
        } else {
            Vec::new()
        }
    });
    let quotes = use_quotes(list.into());
    // The answers paired with the list they were given for: this memo only
    // recomputes when the answers change, so the pair cannot mix an old
    // answer with a new list.
    let answered = Memo::new(move |_| (quotes.state.get(), list.get_untracked()));
    let state = Signal::derive(move || {
        if !open.get() {
            return LadderState::Idle;
        }
        let (answer, for_list) = answered.get();
        let now = list.get();
        match answer {
            QuotesState::Loading => LadderState::Loading,
            QuotesState::Failed(e) => LadderState::Failed(e),
            QuotesState::Ready(_) if for_list != now => LadderState::Loading,
            QuotesState::Ready(r) => {
                let mut items = r.items.into_iter();
                match (items.next(), now.first()) {
                    (Some(current), Some(action)) => LadderState::Ready(Box::new(Ladder {
                        current,
                        balance: r.balance,
                        options: alternatives(action).into_iter().zip(items).collect(),
                    })),
                    _ => LadderState::Loading,
                }
            }
        }
    });
    (state, quotes.retry)
}
