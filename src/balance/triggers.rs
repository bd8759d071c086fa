//! When the shared balance refreshes by itself, besides its live stream.

use std::time::Duration;

use credits_core::live::next_change_at;
use leptos::prelude::*;

use super::live::page_hidden;
use super::BalanceStore;
use crate::primitives::{effect, in_browser, now_s};

/// Ties `store` (once a component reads it) to the page: the live stream
/// pauses while the page is hidden and reconnects when it shows or the
/// browser comes back online; regaining focus or coming back online also
/// revalidates. Lives as long as the caller's owner.
pub(crate) fn refresh_on_return(store: BalanceStore) {
    if !in_browser() {
        return;
    }
    // A revalidation on return is cheap (a 304 mostly), and confirms the
    // figures even while live.
    let when_active = move || {
        if store.is_active() && !page_hidden() {
            store.refresh();
        }
    };
    let focus = window_event_listener_untyped("focus", move |_| when_active());
    let online = window_event_listener_untyped("online", move |_| {
        store.wake_live();
        when_active();
    });
    let visible = window_event_listener_untyped("visibilitychange", move |_| store.wake_live());
    refresh_at_expiry(store);
    on_cleanup(move || {
        focus.remove();
        online.remove();
        visible.remove();
    });
}

/// The longest timeout a browser keeps (2^31 - 1 ms, about 24 days); later
/// moments are left to the refreshes that come before them.
const LONGEST_TIMEOUT_MS: i64 = i32::MAX as i64;

/// Refreshes at the soonest grant expiry or cycle reset of the figures shown:
/// no event announces what changes by time alone.
fn refresh_at_expiry(store: BalanceStore) {
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let clear = move || {
        if let Some(Some(t)) = timer.try_update_value(Option::take) {
            t.clear();
        }
    };
    effect(move || {
        let now = now_s();
        let next = store
            .state()
            .with(|s| s.known().and_then(|k| next_change_at(&k.figures, now)));
        clear();
        // A second late, so the server has moved past the moment too.
        let Some(ms) = next.map(|at| (at - now + 1) * 1000) else {
            return;
        };
        if ms < LONGEST_TIMEOUT_MS {
            let handle = set_timeout_with_handle(
                move || store.refresh_now(),
                Duration::from_millis(ms as u64),
            );
            timer.set_value(handle.ok());
        }
    });
    on_cleanup(clear);
}
