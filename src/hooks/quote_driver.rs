//! The engine behind `use_quote` and `use_quotes`: follows a list of actions,
//! answers from the cache at once, debounces bursts, keeps only the answer
//! for the current input, and recovers by itself from transient failures.

use std::time::Duration;

use credits_core::Action as CreditAction;
use futures::channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::debounce::{Debounce, Send};
use super::quote_cache::Cached;
use super::quote_loader::{Answer, Guard};
use super::Loaded;
use crate::primitives::{effect, in_browser};
use crate::{ClientError, CreditsContext};

/// Bursty input (typing a count, dragging a slider) waits this long for quiet.
const DEBOUNCE_MS: f64 = 150.0;
/// The first automatic retry after a transient failure; doubled up to the cap.
const RECOVER_FIRST_MS: u64 = 2_000;
const RECOVER_CAP_MS: u64 = 30_000;

/// Where the answers for the current list of actions stand: one per action, in order.
pub(crate) type Driven = Loaded<Vec<Cached>>;

#[derive(Default)]
struct Run {
    debounce: Option<Debounce>,
    trailing: Option<TimeoutHandle>,
    recovery: Option<TimeoutHandle>,
    guards: Vec<Guard>,
    generation: u64,
    failures: u32,
}

impl Run {
    /// Starts a new generation: whatever was asked or planned before is dropped.
    fn next(&mut self) -> u64 {
        self.generation += 1;
        self.guards.clear();
        if let Some(t) = self.trailing.take() {
            t.clear();
        }
        if let Some(t) = self.recovery.take() {
            t.clear();
        }
        self.generation
    }
}

/// The handles one hook's engine works with. `Copy`, so timers and tasks can hold it.
#[derive(Clone, Copy)]
struct Driver {
    ctx: CreditsContext,
    actions: Signal<Vec<CreditAction>>,
    state: RwSignal<Driven>,
    run: StoredValue<Run, LocalStorage>,
}

/// Follows `actions` under `ctx`; the callback asks again at once.
pub(crate) fn drive(
    ctx: CreditsContext,
    actions: Signal<Vec<CreditAction>>,
) -> (Signal<Driven>, Callback<()>) {
    let d = Driver {
        ctx,
        actions,
        state: RwSignal::new(Driven::Loading),
        run: StoredValue::new_local(Run::default()),
    };
    effect(move || {
        let list = actions.get();
        let group = (ctx.client.get().identity(), ctx.workspace.get());
        // Kept quotes forgotten (Re-sync, another plan): answer afresh.
        ctx.quotes_forgotten.track();
        d.changed(list, group);
    });
    let retry = Callback::new(move |()| {
        if let Some(generation) = d.run.try_update_value(Run::next) {
            d.state.set(Driven::Loading);
            d.ask(generation);
        }
    });
    if in_browser() {
        let again = move |_| d.recover_now();
        let online = window_event_listener_untyped("online", again);
        let focus = window_event_listener_untyped("focus", again);
        on_cleanup(move || {
            online.remove();
            focus.remove();
        });
    }
    (d.state.into(), retry)
}

impl Driver {
    /// The input changed: answer from the cache, or ask now or after the burst.
    fn changed(self, list: Vec<CreditAction>, group: (u64, String)) {
        let Some(generation) = self.run.try_update_value(Run::next) else {
            return;
        };
        let hits = self.ctx.quotes.try_with_value(|loader| {
            list.iter()
                .map(|a| loader.cached(&group, a))
                .collect::<Option<Vec<_>>>()
        });
        if let Some(Some(hits)) = hits {
            self.state.set(Driven::Ready(hits));
            return;
        }
        self.state.set(Driven::Loading);
        let now = crate::primitives::now_ms();
        let when = self.run.try_update_value(|r| {
            r.debounce
                .get_or_insert_with(|| Debounce::new(DEBOUNCE_MS))
                .change(now)
        });
        match when {
            Some(Send::Now) => self.ask(generation),
            Some(Send::After(ms)) => {
                let timer = set_timeout_with_handle(
                    move || self.ask(generation),
                    Duration::from_millis(ms as u64),
                );
                self.run.update_value(|r| r.trailing = timer.ok());
            }
            None => {}
        }
    }

    fn is_current(self, generation: u64) -> bool {
        self.run.try_with_value(|r| r.generation) == Some(generation)
    }

    /// Sends for `generation` now, answering from the cache where it can.
    fn ask(self, generation: u64) {
        if !in_browser() || !self.is_current(generation) {
            return;
        }
        let actions = self.actions.get_untracked();
        let client = self.ctx.client.get_untracked();
        let group = (client.identity(), self.ctx.workspace.get_untracked());
        let Some(loader) = self.ctx.quotes.try_get_value() else {
            return;
        };
        let mut guards = Vec::new();
        let slots: Vec<Result<Cached, oneshot::Receiver<Answer>>> = actions
            .iter()
            .map(|a| match loader.cached(&group, a) {
                Some(hit) => Ok(hit),
                None => {
                    let (rx, guard) = loader.load(&client, &group, a);
                    guards.push(guard);
                    Err(rx)
                }
            })
            .collect();
        self.run.update_value(|r| r.guards = guards);
        spawn_local(async move {
            let mut answers = Vec::with_capacity(slots.len());
            for slot in slots {
                answers.push(match slot {
                    Ok(hit) => Ok(hit),
                    Err(rx) => rx.await.unwrap_or(Err(ClientError::Aborted)),
                });
            }
            self.finish(generation, answers.into_iter().collect());
        });
    }

    /// Shows the answers if they are still for the current input.
    fn finish(self, generation: u64, result: Result<Vec<Cached>, ClientError>) {
        let failures = self.run.try_update_value(|r| {
            if r.generation != generation {
                return None;
            }
            r.guards.clear();
            r.failures = if result.is_ok() { 0 } else { r.failures + 1 };
            Some(r.failures)
        });
        let Some(Some(failures)) = failures else {
            return;
        };
        match result {
            Ok(answers) => {
                let _ = self.state.try_set(Driven::Ready(answers));
            }
            Err(e) => {
                let transient = e.is_transient();
                let _ = self.state.try_set(Driven::Failed(e));
                if transient {
                    self.schedule_recovery(generation, failures);
                }
            }
        }
    }

    /// Asks again after a transient failure, waiting longer after each one.
    /// The failure stays shown meanwhile: no flicker back to "loading".
    fn schedule_recovery(self, generation: u64, failures: u32) {
        let wait = RECOVER_FIRST_MS
            .saturating_mul(1 << failures.saturating_sub(1).min(8))
            .min(RECOVER_CAP_MS);
        let timer =
            set_timeout_with_handle(move || self.ask(generation), Duration::from_millis(wait));
        self.run.update_value(|r| r.recovery = timer.ok());
    }

    /// Back online or back in the window: a transient failure is asked again at once.
    fn recover_now(self) {
        if !matches!(self.state.try_get_untracked(), Some(Driven::Failed(e)) if e.is_transient()) {
            return;
        }
        let generation = self.run.try_update_value(|r| {
            if let Some(t) = r.recovery.take() {
                t.clear();
            }
            r.generation
        });
        if let Some(generation) = generation {
            self.ask(generation);
        }
    }
}
