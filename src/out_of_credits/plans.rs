//! What the prompt reads besides the refusal: the balance's figures, the
//! plans, the cycle's spend per member, and quotes for cheaper alternatives.

use credits_core::estimate::{alternatives, Change};
use credits_core::{BalanceResponse, MemberSpend, Plan, QuoteItem};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Refusal;
use crate::{use_balance, use_quotes, Action, CreditsContext, QuotesState};

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
    pub plans: RwSignal<Option<Vec<Plan>>>,
    pub by_member: RwSignal<Option<Vec<MemberSpend>>>,
    /// The dearest alternative that fits the balance: how it differs, the action, its cost.
    pub alternative: Signal<Option<(Change, Action, u64)>>,
    pub resync: RwSignal<Resync>,
    /// Re-reads the balance and the plans from the server.
    pub resync_now: Callback<()>,
}

fn load_plans(
    ctx: CreditsContext,
    plans: RwSignal<Option<Vec<Plan>>>,
    done: Option<RwSignal<Resync>>,
) {
    let client = ctx.client.get_untracked();
    spawn_local(async move {
        if let Ok(answer) = client.plans().await {
            let _ = plans.try_set(Some(answer.plans));
        }
        if let Some(d) = done {
            let _ = d.try_set(Resync::Checked);
        }
    });
}

pub(super) fn use_prompt_data(ctx: Option<CreditsContext>, refusal: &Refusal) -> PromptData {
    let balance = use_balance();
    let figures = Signal::derive(move || balance.state.get().known().map(|k| k.figures.clone()));
    let plans = RwSignal::new(None::<Vec<Plan>>);
    let by_member = RwSignal::new(None::<Vec<MemberSpend>>);
    let resync = RwSignal::new(Resync::Idle);
    if let Some(ctx) = ctx {
        load_plans(ctx, plans, None);
        let client = ctx.client.get_untracked();
        let workspace = ctx.workspace.get_untracked();
        spawn_local(async move {
            if let Ok(usage) = client.usage(&workspace, 50, None).await {
                let _ = by_member.try_set(Some(usage.by_member));
            }
        });
    }
    let resync_now = Callback::new(move |()| {
        resync.set(Resync::Checking);
        if let Some(store) = balance.store {
            store.refresh_now();
        }
        match ctx {
            Some(ctx) => load_plans(ctx, plans, Some(resync)),
            None => resync.set(Resync::Checked),
        }
    });
    let refused = refusal.action.clone();
    let options: Vec<(Change, Action)> = refused
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
        let list: Vec<Action> = options.iter().map(|(_, a)| a.clone()).collect();
        Signal::stored(list)
    };
    let quotes = use_quotes(actions);
    let known_balance = refusal.balance;
    let alternative = Signal::derive(move || {
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
        plans,
        by_member,
        alternative,
        resync,
        resync_now,
    }
}
