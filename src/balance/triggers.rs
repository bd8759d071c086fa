//! When the shared balance refreshes by itself.

use std::time::Duration;

use leptos::prelude::*;

use super::BalanceStore;
use crate::primitives::in_browser;

/// A gentle interval: figures change when teammates spend, not by the second.
const INTERVAL: Duration = Duration::from_secs(60);

/// Refreshes `store` (once a component reads it) when the window regains
/// focus, the page becomes visible, the browser comes back online, and on
/// the interval while the page is visible. Lives as long as the caller's owner.
pub(crate) fn refresh_on_return(store: BalanceStore) {
    if !in_browser() {
        return;
    }
    let when_active = move || {
        if store.is_active() && !page_hidden() {
            store.refresh();
        }
    };
    let focus = window_event_listener_untyped("focus", move |_| when_active());
    let online = window_event_listener_untyped("online", move |_| when_active());
    let visible = window_event_listener_untyped("visibilitychange", move |_| when_active());
    let interval = set_interval_with_handle(when_active, INTERVAL).ok();
    on_cleanup(move || {
        focus.remove();
        online.remove();
        visible.remove();
        if let Some(i) = interval {
            i.clear();
        }
    });
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
