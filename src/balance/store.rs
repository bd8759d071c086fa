//! The one balance per provider: fetched with the ETag, refreshed on demand.

use credits_core::{Action as CreditAction, GenerationResponse};
use std::rc::Rc;

use leptos::prelude::*;
use web_sys::AbortController;

use super::live::LiveSlot;
use super::liveness::Liveness;
use super::state::BalanceState;
use crate::api::new_idempotency_key;
use crate::primitives::effect;
use crate::{ClientError, CreditsClient};

#[derive(Default)]
pub(super) struct Inner {
    /// Set by the first [`BalanceStore::activate`]: until a component asks
    /// for the balance nothing is fetched, and a page that never asks does
    /// not even ship the fetching code (it is only reachable from there).
    fetcher: Option<fn(BalanceStore, bool)>,
    /// The (client identity, workspace) the state and the ETag belong to.
    group: Option<(u64, String)>,
    pub(super) etag: Option<String>,
    pub(super) in_flight: Option<AbortController>,
    pub(super) generation: u64,
    /// The live connection (see `live.rs`), shared with the provider's cleanup.
    pub(super) live: Rc<LiveSlot>,
    /// The stream brought figures while the first ask was under way.
    pub(super) pushed: bool,
}

/// The shared balance of the provider's workspace. `Copy`: every component
/// under the provider reads the same one (see [`crate::use_balance`]).
#[derive(Clone, Copy)]
pub struct BalanceStore {
    pub(super) client: Signal<CreditsClient>,
    pub(super) workspace: Signal<String>,
    pub(super) state: RwSignal<BalanceState>,
    pub(super) liveness: RwSignal<Liveness>,
    /// Counts the stream's `requests` notices (see `store_live.rs`).
    pub(super) requests: RwSignal<u32>,
    pub(super) inner: StoredValue<Inner, LocalStorage>,
}

impl BalanceStore {
    /// A store for `workspace` as `client` asks; it starts fetching once
    /// [`BalanceStore::activate`] is called, and starts over when either changes.
    pub fn new(client: Signal<CreditsClient>, workspace: Signal<String>) -> Self {
        let store = BalanceStore {
            client,
            workspace,
            state: RwSignal::new(BalanceState::Loading),
            liveness: RwSignal::new(Liveness::Off),
            requests: RwSignal::new(0),
            inner: StoredValue::new_local(Inner::default()),
        };
        // No stream, timer or listener of the live loop outlives the provider.
        // (Cleanups run before the owner's stored values are dropped.)
        on_cleanup(move || store.stop_live());
        effect(move || {
            let group = (client.get().identity(), workspace.get());
            // Another member or workspace: the old figures, ETag and request are dropped.
            let changed = store.inner.try_update_value(|i| {
                let first = i.group.is_none();
                if i.group.as_ref() == Some(&group) {
                    return false;
                }
                i.group = Some(group);
                if first {
                    return false;
                }
                i.etag = None;
                i.generation += 1;
                if let Some(c) = i.in_flight.take() {
                    c.abort();
                }
                i.fetcher.is_some()
            });
            if changed == Some(true) {
                store.state.set(BalanceState::Loading);
                store.refresh();
                store.start_live();
            }
        });
        store
    }

    /// The state, for reading in views.
    pub fn state(&self) -> Signal<BalanceState> {
        self.state.into()
    }

    /// The number of credits while known; `None` while unknown (never 0).
    pub fn known_balance(&self) -> Signal<Option<u64>> {
        let state = self.state;
        Signal::derive(move || state.with(BalanceState::credits))
    }

    /// Starts fetching, once: called by [`crate::use_balance`].
    pub fn activate(&self) {
        let first = self.inner.try_update_value(|i| {
            let first = i.fetcher.is_none();
            i.fetcher = Some(BalanceStore::fetch);
            first
        });
        if first == Some(true) {
            self.refresh();
            self.start_live();
        }
    }

    /// Whether a component has asked for the balance (only then is it fetched).
    pub fn is_active(&self) -> bool {
        self.inner.try_with_value(|i| i.fetcher.is_some()) == Some(true)
    }

    /// Asks the server again, revalidating with the ETag (a 304 keeps the
    /// figures and confirms them). A refresh already under way is reused.
    pub fn refresh(&self) {
        self.fetch_if_active(false);
    }

    /// Like [`BalanceStore::refresh`], but replaces a refresh under way: its
    /// answer may predate a spend.
    pub fn refresh_now(&self) {
        self.fetch_if_active(true);
    }

    fn fetch_if_active(self, replace: bool) {
        if let Some(Some(fetch)) = self.inner.try_with_value(|i| i.fetcher) {
            fetch(self, replace);
        }
    }

    /// Spends credits for `action` (with a fresh `Idempotency-Key`, so the
    /// client's retries never charge twice), then refreshes the balance. The
    /// answer's new balance shows at once; the refresh brings the rest.
    pub async fn generate(&self, action: &CreditAction) -> Result<GenerationResponse, ClientError> {
        let client = self.client.get_untracked();
        let workspace = self.workspace.get_untracked();
        let asked = self
            .inner
            .try_with_value(|i| (i.group.clone(), i.generation));
        let key = new_idempotency_key();
        let result = client.generate(&workspace, action, &key).await;
        if let Ok(spent) = &result {
            // Only into the figures it was spent from: another member or
            // workspace, or a refresh that landed meanwhile, has its own. The
            // ETag names the server's figures, not these: forget it.
            let unchanged = self.inner.try_update_value(|i| {
                let same = Some((i.group.clone(), i.generation)) == asked
                    && i.group.as_ref().is_none_or(|(_, ws)| *ws == workspace);
                if same {
                    i.etag = None;
                }
                same
            });
            if unchanged == Some(true) {
                let _ = self.state.try_update(|s| {
                    if let BalanceState::Known(k) = s {
                        if k.figures.workspace.id == workspace {
                            k.figures.balance = spent.balance;
                        }
                    }
                });
            }
        }
        self.refresh_now();
        result
    }
}
