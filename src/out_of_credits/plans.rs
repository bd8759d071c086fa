//! What the prompt reads besides the refusal: the balance's figures, the
//! plans, the cycle's spend per member, and quotes for cheaper alternatives.

use credits_core::prompt_fit::{best_fit, other_settings, Fit};
use credits_core::prompt_lines::PromptFacts;
use credits_core::{BalanceResponse, MemberSpend, Plan};
use leptos::prelude::*;

use super::Refusal;
use crate::hooks::{use_fetched, Loaded};
use crate::primitives::{effect, now_s};
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
    /// The dearest alternative that fits the balance.
    pub alternative: Signal<Option<Fit>>,
    pub resync: RwSignal<Resync>,
    /// Re-reads the balance and the plans from the server.
    pub resync_now: Callback<()>,
    /// The packs on sale, in credits.
    pub top_ups: StoredValue<Vec<u64>>,
}

impl PromptData {
    /// `then` over the facts of `refusal` as read so far (tracked).
    pub fn with_facts<T>(self, refusal: &Refusal, then: impl FnOnce(&PromptFacts<'_>) -> T) -> T {
        let plans = self.plans.get().unwrap_or_default();
        let packs = self.top_ups.get_value();
        self.figures.with(|figures| {
            self.by_member.with(|by_member| {
                then(&PromptFacts {
                    refused: refusal.refused(),
                    figures: figures.as_ref(),
                    by_member: by_member.as_deref(),
                    plans: &plans,
                    top_ups: &packs,
                    now: now_s(),
                })
            })
        })
    }
}

/// What a read gave, once it gave something: the prompt words its numbers
/// without these when they fail.
fn ready<T: Clone + Send + Sync + 'static>(
    state: Option<RwSignal<Loaded<T>>>,
) -> Signal<Option<T>> {
    Signal::derive(move || state.and_then(|s| s.with(|l| l.ready().cloned())))
}

pub(super) fn use_prompt_data(
    ctx: Option<CreditsContext>,
    refusal: &Refusal,
    top_ups: StoredValue<Vec<u64>>,
) -> PromptData {
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
    let options = refusal
        .action
        .as_ref()
        .map(other_settings)
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
        best_fit(
            &options,
            &answer.items,
            known_balance.unwrap_or(answer.balance),
        )
    });
    PromptData {
        figures,
        plans: ready(plans.map(|p| p.state)),
        by_member: ready(spends.map(|p| p.state)),
        alternative: alternative.into(),
        resync,
        resync_now,
        top_ups,
    }
}
