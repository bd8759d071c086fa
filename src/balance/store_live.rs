//! The store's side of its live stream (`live.rs`): whether it is live,
//! starting and stopping the loop, and the figures a `balance` event brings.

use leptos::prelude::*;

use super::live;
use super::liveness::Liveness;
use super::state::{BalanceState, KnownBalance};
use super::BalanceStore;

impl BalanceStore {
    /// How the balance keeps up with the server.
    pub fn liveness(&self) -> Signal<Liveness> {
        self.liveness.into()
    }

    pub(super) fn set_liveness(&self, now: Liveness) {
        if self
            .liveness
            .try_get_untracked()
            .is_some_and(|was| was != now)
        {
            self.liveness.set(now);
        }
    }

    /// Moves when the workspace's credit requests may have changed: the
    /// stream's `requests` notice, or a reconnect that may have missed one.
    pub fn requests_changes(&self) -> Signal<u32> {
        self.requests.into()
    }

    pub(super) fn requests_changed(&self) {
        self.requests.try_update(|n| *n = n.wrapping_add(1));
    }

    pub(super) fn start_live(self) {
        if let Some(slot) = self.inner.try_with_value(|i| i.live.clone()) {
            live::start(self, slot);
        }
    }

    pub(super) fn stop_live(self) {
        if let Some(slot) = self.inner.try_with_value(|i| i.live.clone()) {
            slot.stop();
        }
    }

    /// The live loop's connection is closed or its wait cut short, so it looks
    /// at the page again: hidden, it pauses; visible or back online, it connects.
    pub(crate) fn wake_live(&self) {
        if let Some(slot) = self.inner.try_with_value(|i| i.live.clone()) {
            slot.interrupt();
        }
    }

    /// A `balance` event's data: the figures the server would answer now.
    /// They replace the state; data that does not decode (or names another
    /// workspace) is skipped.
    pub(super) fn push(&self, data: &str) {
        let Ok(figures) = crate::api::decode::decode::<credits_core::BalanceResponse>(data) else {
            return;
        };
        let workspace = self.workspace.try_get_untracked();
        if workspace.as_deref() != Some(figures.workspace.id.as_str()) {
            return;
        }
        let now = crate::primitives::now_ms();
        let unchanged = self
            .state
            .try_with_untracked(|s| s.known().is_some_and(|k| k.figures == figures));
        if unchanged == Some(true) {
            // The same figures: confirmed now; a refresh under way goes on.
            let _ = self.state.try_update(|s| {
                if let BalanceState::Known(k) = s {
                    k.checked_at_ms = now;
                }
            });
            return;
        }
        // New figures: the ETag names the old ones. A refresh under way may
        // predate them: dropped, unless it is the first ask (its answer then
        // only brings the ETag, see `apply`).
        let loading = self
            .state
            .try_with_untracked(|s| s.known().is_none())
            .unwrap_or(false);
        self.inner.try_update_value(|i| {
            i.etag = None;
            if loading && i.in_flight.is_some() {
                i.pushed = true;
                return;
            }
            i.generation += 1;
            if let Some(c) = i.in_flight.take() {
                c.abort();
            }
        });
        let _ = self
            .state
            .try_set(BalanceState::Known(Box::new(KnownBalance {
                figures,
                checked_at_ms: now,
                stale: None,
                refreshing: false,
            })));
    }
}
