//! What the prompt reads besides the refusal: the balance's figures, the
//! plans, the cycle's spend per member, and quotes for cheaper alternatives.

use credits_core::estimate::{alternatives, Change};
use credits_core::{BalanceResponse, MemberSpend, Plan, QuoteItem};
use leptos::prelude::*;

use super::Refusal;
use crate::hooks::{use_fetched, Loaded};
use crate::primitives::effect;
use crate::{use_balance, use_quotes, CreditAction, CreditsContext, QuotesState};

/// Where the feature prompt's re-sync stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resync {
    Idle,
    Checking,
    Checked,
}

#[derive(Clone, Copy)]
pub(super) struct PromptData {
    pub figures: Signal<Option<BalanceResponse>>,
    pub plans: Signal<Option<Vec<Plan>>>,
    pub by_member: Signal<Option<Vec<MemberSpend>>>,
    /// The dearest alternative that fits the balance: how it differs, the action, its cost.
    pub alternative: Signal<Option<(Change, CreditAction, u64)>>,
    pub resync: RwSignal<Resync>,
    /// Re-reads the balance and the plans from the server.
    pub resync_now: Callback<()>,
}

/// What a read gave, once it gave something: the prompt words its numbers
/// without these when they fail.
fn ready<T: Clone + Send + Sync + 'static>(
    state: Option<RwSignal<Loaded<T>>>,
) -> Signal<Option<T>> {
    Signal::derive(move || state.and_then(|s| s.with(|l| l.ready().cloned())))
}

pub(super) fn use_prompt_data(ctx: Option<CreditsContext>, refusal: &Refusal) -> PromptData {
    let balance = use_balance();
    let figures = Signal::derive(move || balance.state.get().known().map(|k| k.figures.clone()));
    let no_key = Signal::stored(String::new());
    let plans = ctx.map(|ctx| {
        use_fetched(ctx, no_key, |client, _| async move {
            client.plans().await.map(|p| p.plans)
        })
    });
    let spends = ctx.map(|ctx| {
        use_fetched(ctx, no_key, |client, ws| async move {
            client.usage(&ws, 50, None).await.map(|u| u.by_member)
        })
    });
    let resync = RwSignal::new(Resync::Idle);
    // A re-sync is checked once the plans' re-read has come back.
    effect(move || {
        let busy = plans.is_some_and(|p| p.busy.get());
        if !busy && resync.get_untracked() == Resync::Checking {
            resync.set(Resync::Checked);
        }
    });
    let resync_now = Callback::new(move |()| {
        resync.set(Resync::Checking);
        if let Some(ctx) = ctx {
            ctx.forget_quotes();
        }
        if let Some(store) = balance.store {
            store.refresh_now();
        }
        match plans {
            Some(p) => p.reload.run(()),
            None => resync.set(Resync::Checked),
        }
    });
    let refused = refusal.action.clone();
    let options: Vec<(Change, CreditAction)> = refused
        .as_ref()
        .map(|a| {
            alternatives(a)
                .into_iter()
                .filter(|alt| &alt.action != a)
                .map(|alt| (alt.change, alt.action))
                .collect()
        })
        .unwrap_or_default();
    let actions = {
        let list: Vec<CreditAction> = options.iter().map(|(_, a)| a.clone()).collect();
        Signal::stored(list)
    };
    let quotes = use_quotes(actions);
    let known_balance = refusal.balance;
    let alternative = Memo::new(move |_| {
        let QuotesState::Ready(answer) = quotes.state.get() else {
            return None;
        };
        let have = known_balance.unwrap_or(answer.balance);
        options
            .iter()
            .zip(answer.items.iter())
            .filter_map(|((change, action), item)| match item {
                QuoteItem::Quoted(q) if q.blocked.is_none() && q.credits <= have => {
                    Some((*change, action.clone(), q.credits))
                }
                _ => None,
            })
            .max_by_key(|(_, _, credits)| *credits)
    });
    PromptData {
        figures,
        plans: ready(plans.map(|p| p.state)),
        by_member: ready(spends.map(|p| p.state)),
        alternative: alternative.into(),
        resync,
        resync_now,
    }
}
