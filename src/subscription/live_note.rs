//! "Live" or "Updates every 15 seconds": how the balance shown keeps up,
//! said honestly. Not a live region: it changes with the connection, not
//! with anything the person did, so it is read when reached, never announced.

use leptos::prelude::*;

use crate::balance::{Liveness, POLL_INTERVAL};
use crate::primitives::dynamic;
use crate::CreditsContext;

#[component]
pub(crate) fn LiveNote(ctx: CreditsContext, live: Signal<Liveness>) -> impl IntoView {
    let said = move || match live.get() {
        Liveness::Live => ctx.word(|t| &t.subscription.live),
        Liveness::Polling => ctx.counted(|t| &t.subscription.live_polling, POLL_INTERVAL.as_secs()),
        Liveness::Connecting => ctx.word(|t| &t.subscription.live_connecting),
        Liveness::Off | Liveness::Paused => String::new(),
    };
    view! {
        <span class="lc-subscription__live" data-live=move || live.get().as_str()>
            {dynamic(move || said().into_any())}
        </span>
    }
}
