//! The store's reads of `GET .../balance`: one at a time (a new one replaces
//! or joins the one under way), revalidated with the ETag, and an answer
//! applied only to the member and workspace it was asked for.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::state::{BalanceState, KnownBalance};
use super::BalanceStore;
use crate::api::BalanceAnswer;
use crate::ClientError;

impl BalanceStore {
    pub(super) fn fetch(self, replace: bool) {
        if !crate::primitives::in_browser() {
            return;
        }
        let client = self.client.get_untracked();
        let workspace = self.workspace.get_untracked();
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        let started = self.inner.try_update_value(|i| {
            if i.in_flight.is_some() && !replace {
                return None;
            }
            if let Some(c) = i.in_flight.take() {
                c.abort();
            }
            i.generation += 1;
            i.in_flight = controller;
            Some((i.generation, i.etag.clone()))
        });
        let Some(Some((generation, etag))) = started else {
            return;
        };
        self.state.update(|s| {
            if let BalanceState::Known(k) = s {
                k.refreshing = true;
            }
        });
        spawn_local(async move {
            let answer = client
                .balance(&workspace, etag.as_deref(), signal.as_ref())
                .await;
            self.apply(generation, answer);
        });
    }

    fn apply(self, generation: u64, answer: Result<BalanceAnswer, ClientError>) {
        let now = crate::primitives::now_ms();
        let pushed = self.inner.try_update_value(|i| {
            let current = i.generation == generation;
            let pushed = std::mem::take(&mut i.pushed);
            if current {
                i.in_flight = None;
            }
            current.then_some(pushed)
        });
        let Some(Some(pushed)) = pushed else {
            return;
        };
        let mut answer = answer;
        if pushed {
            // The stream's figures came first: this answer keeps only its
            // ETag, and only when it names those same figures.
            let same = match &answer {
                Ok(BalanceAnswer::Fresh { balance, .. }) => {
                    let same = |s: &BalanceState| s.known().is_some_and(|k| k.figures == **balance);
                    self.state.try_with_untracked(same) == Some(true)
                }
                _ => false,
            };
            if !same {
                answer = Err(ClientError::Aborted);
            }
        }
        if let Ok(BalanceAnswer::Fresh { etag, .. }) = &answer {
            let etag = etag.clone();
            self.inner.try_update_value(|i| i.etag = etag);
        }
        let _ = self.state.try_update(|s| {
            let old = std::mem::replace(s, BalanceState::Loading);
            *s = match answer {
                Ok(BalanceAnswer::Fresh { balance, .. }) => {
                    BalanceState::Known(Box::new(KnownBalance {
                        figures: *balance,
                        checked_at_ms: now,
                        stale: None,
                        refreshing: false,
                    }))
                }
                Ok(BalanceAnswer::NotModified) => old.confirmed(now),
                Err(ClientError::Aborted) => old,
                Err(e) => old.failed(e),
            };
        });
    }
}
