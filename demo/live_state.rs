//! How the host shows that its credits follow the server live: "Live" while
//! the balance's event stream is open, "Updates every 15 seconds" while it
//! is polled (the library's words, so a host's translation applies here too).

use leptos::prelude::*;
use leptos_credits::primitives::dynamic;
use leptos_credits::{use_balance, use_credits, Liveness, POLL_INTERVAL};

#[component]
pub fn LiveState() -> impl IntoView {
    let live = use_balance().live;
    let words = move || {
        let ctx = use_credits()?;
        let now = live.get();
        match now {
            Liveness::Live => Some(ctx.word(|t| &t.subscription.live)),
            Liveness::Polling => {
                Some(ctx.counted(|t| &t.subscription.live_polling, POLL_INTERVAL.as_secs()))
            }
            _ => None,
        }
    };
    view! {
        <span class="gen-bar__live" data-live=move || live.get().as_str()>
            {dynamic(move || words().unwrap_or_default().into_any())}
        </span>
    }
}
