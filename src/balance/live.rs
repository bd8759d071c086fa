//! The one live connection of a provider's balance: the event stream, read
//! while the page is visible, reconnected with backoff and jitter, resumed
//! with `Last-Event-ID`; ETag polling when no stream can be had.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use credits_core::live::Reconnect;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{AbortController, AbortSignal};

use super::liveness::*;
use super::wait::{wait, within};
use super::BalanceStore;
use crate::api::{EventStream, Opened};

/// The loop's run (a new one replaces the old) and the controller that
/// closes its connection or cuts its wait short.
#[derive(Default)]
pub(crate) struct LiveSlot {
    run: Cell<u64>,
    current: RefCell<Option<AbortController>>,
}

impl LiveSlot {
    /// Stops the loop: it closes its connection and ends.
    pub(crate) fn stop(&self) {
        self.run.set(self.run.get() + 1);
        self.interrupt();
    }

    /// Closes the connection or ends the wait under way; the loop then looks
    /// at the page again (hidden: it pauses; visible: it connects).
    pub(crate) fn interrupt(&self) {
        if let Some(c) = self.current.borrow_mut().take() {
            c.abort();
        }
    }
}

/// Starts (or restarts) `store`'s live loop.
pub(crate) fn start(store: BalanceStore, slot: Rc<LiveSlot>) {
    if !crate::primitives::in_browser() {
        return;
    }
    slot.stop();
    let run = slot.run.get();
    spawn_local(run_loop(store, slot, run));
}

/// Why a connection ended, and so how long to wait before the next one.
enum Ended {
    /// Stopped, or interrupted by the page: look again at once.
    Interrupted,
    /// A stream that delivered, or one that failed: wait the backoff.
    Dropped,
    /// No stream here: poll until the next try.
    Unsupported,
}

async fn run_loop(store: BalanceStore, slot: Rc<LiveSlot>, run: u64) {
    let mut schedule = Reconnect::new(RETRY_BASE_MS, RETRY_CAP_MS);
    let mut last_id: Option<String> = None;
    let mut polling = false;
    loop {
        let Ok(controller) = AbortController::new() else {
            return;
        };
        if slot.run.get() != run {
            return;
        }
        let signal = controller.signal();
        *slot.current.borrow_mut() = Some(controller);
        if page_hidden() {
            store.set_liveness(Liveness::Paused);
            wait(u64::MAX, &signal).await;
            continue;
        }
        if !polling {
            store.set_liveness(Liveness::Connecting);
        }
        let ended = connect(store, &signal, &mut last_id, &mut schedule).await;
        if slot.run.get() != run {
            return;
        }
        slot.interrupt();
        let delay = match ended {
            Ended::Interrupted => continue,
            Ended::Dropped => {
                let delay = schedule.next_delay_ms(js_sys::Math::random());
                polling = schedule.failures() >= FAILURES_BEFORE_POLLING;
                delay
            }
            Ended::Unsupported => {
                polling = true;
                STREAM_RETRY_MS
            }
        };
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        *slot.current.borrow_mut() = Some(controller);
        if polling {
            store.set_liveness(Liveness::Polling);
            store.refresh();
        }
        pause(store, polling, delay, &signal).await;
    }
}

/// Waits `delay` ms before the next try, asking for the balance every
/// [`POLL_INTERVAL`] meanwhile when `polling`.
async fn pause(store: BalanceStore, polling: bool, delay: u64, signal: &AbortSignal) {
    let poll = POLL_INTERVAL.as_millis() as u64;
    let mut left = delay;
    while left > 0 {
        let step = if polling { left.min(poll) } else { left };
        if wait(step, signal).await {
            return;
        }
        left -= step;
        if polling && left > 0 && !page_hidden() {
            store.refresh();
        }
    }
}

/// One connection: opened, read until it ends or goes quiet for two heartbeats.
async fn connect(
    store: BalanceStore,
    signal: &AbortSignal,
    last_id: &mut Option<String>,
    schedule: &mut Reconnect,
) -> Ended {
    let (Some(client), Some(workspace)) = (
        store.client.try_get_untracked(),
        store.workspace.try_get_untracked(),
    ) else {
        return Ended::Interrupted;
    };
    let opening = client.balance_events(&workspace, last_id.as_deref(), signal);
    let mut stream = match within(CONNECT_TIMEOUT_MS, signal, opening).await {
        Some(Opened::Stream(s)) => s,
        Some(Opened::Unsupported(_)) => return Ended::Unsupported,
        Some(Opened::Failed(_)) | None if !signal.aborted() => return Ended::Dropped,
        _ => return Ended::Interrupted,
    };
    if last_id.is_some() {
        // Notices are not resumed: one may have come while the stream was down.
        store.requests_changed();
    }
    read(store, &mut stream, signal, schedule).await;
    if let Some(id) = stream.last_event_id() {
        *last_id = Some(id.to_owned());
    }
    if let Some(ms) = stream.retry_ms() {
        schedule.base_ms = ms.clamp(RETRY_BASE_MS / 4, RETRY_CAP_MS);
    }
    if signal.aborted() {
        Ended::Interrupted
    } else {
        Ended::Dropped
    }
}

/// Applies the stream's `balance` events until it ends, fails or goes quiet.
async fn read(
    store: BalanceStore,
    stream: &mut EventStream,
    signal: &AbortSignal,
    schedule: &mut Reconnect,
) {
    let opened_at = crate::primitives::now_ms();
    while let Some(Ok(Some(events))) = within(DEAD_AFTER_MS, signal, stream.next()).await {
        // Any byte, a heartbeat included, says the connection is alive; it
        // proved healthy with an event, or by staying open a while (a server
        // that closes at once must not be retried at the shortest step forever).
        store.set_liveness(Liveness::Live);
        if !events.is_empty() || crate::primitives::now_ms() - opened_at > 10_000.0 {
            schedule.healthy();
        }
        for event in events.iter() {
            match event.event.as_str() {
                "balance" => store.push(&event.data),
                "requests" => store.requests_changed(),
                _ => {}
            }
        }
    }
}

pub(crate) fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
