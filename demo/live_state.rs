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
        ctx.text.with_value(|t| match now {
            Liveness::Live => Some(t.subscription.live.to_string()),
            Liveness::Polling => Some(
                t.subscription
                    .live_polling
                    .replace("{seconds}", &POLL_INTERVAL.as_secs().to_string()),
            ),
            _ => None,
        })
    };
    view! {
        <span class="gen-bar__live" data-live=move || live.get().as_str()>
            {dynamic(move || words().unwrap_or_default().into_any())}
        </span>
    }
}
