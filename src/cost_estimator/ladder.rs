//! Fetches the current action and its alternatives in one batched quote.

use credits_core::estimate::{alternatives, Alternative};
use credits_core::{Action, QuoteItem};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::{use_credits, ClientError};

/// The estimator's numbers for one action.
#[derive(Debug, Clone, PartialEq)]
pub enum LadderState {
    /// Closed, or asking: no number is known.
    Idle,
    Loading,
    Ready(Ladder),
    Failed(ClientError),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    /// The quote of the current action (first item of the batch).
    pub current: QuoteItem,
    pub balance: u64,
    /// Each alternative with its own quote, in ladder order.
    pub options: Vec<(Alternative, QuoteItem)>,
}

/// Quotes `action` and its [`alternatives`] in one request each time the
/// popover opens or the action changes while open; answers for an action the
/// person has left are dropped.
pub fn use_ladder(
    action: Signal<Action>,
    open: Signal<bool>,
) -> (Signal<LadderState>, Callback<()>) {
    let state = RwSignal::new(LadderState::Idle);
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n = n.wrapping_add(1)));
    let Some(ctx) = use_credits() else {
        state.set(LadderState::Failed(ClientError::NoProvider));
        return (state.into(), retry);
    };
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        attempt.track();
        let Some(request) = latest.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        if !open.get() {
            state.set(LadderState::Idle);
            return;
        }
        let action = action.get();
        let client = ctx.client.get();
        let workspace = ctx.workspace.get();
        state.set(LadderState::Loading);
        spawn_local(async move {
            let alts = alternatives(&action);
            let mut batch = Vec::with_capacity(alts.len() + 1);
            batch.push(action);
            batch.extend(alts.iter().map(|a| a.action.clone()));
            let result = client.quote(&workspace, &batch).await;
            if latest.try_get_value() != Some(request) {
                return;
            }
            let next = match result {
                Ok(answer) => {
                    let mut items = answer.items.into_iter();
                    match items.next() {
                        Some(current) => LadderState::Ready(Ladder {
                            current,
                            balance: answer.balance,
                            options: alts.into_iter().zip(items).collect(),
                        }),
                        None => LadderState::Failed(ClientError::Decode {
                            field: "items".into(),
                            message: "no quotes in the answer".into(),
                        }),
                    }
                }
                Err(e) => LadderState::Failed(e),
            };
            let _ = state.try_set(next);
        });
    });
    (state.into(), retry)
}
