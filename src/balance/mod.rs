//! The workspace's balance as shared state: one per [`crate::CreditsProvider`],
//! read by every component through [`use_balance`].
//!
//! It is fetched when a component first asks for it (revalidating with the
//! server's `ETag`), then follows the server live: one event stream per
//! provider (`live.rs`), whose `balance` events replace the state, so a
//! teammate's spend shows everywhere with no request. Where the stream
//! cannot be had it is polled every 15 seconds instead ([`Liveness`] says
//! which). It also refreshes after a generation, on a visible "refresh",
//! on window focus, and at the next grant expiry.

mod live;
mod liveness;
mod state;
mod store;
mod store_fetch;
mod store_live;
mod triggers;
mod wait;

use leptos::prelude::*;

pub use liveness::{Liveness, POLL_INTERVAL};
pub use state::{BalanceState, KnownBalance};
pub use store::BalanceStore;
pub(crate) use triggers::refresh_on_return;

use crate::{use_credits, ClientError};

/// What [`use_balance`] returns: the shared state and a visible refresh.
#[derive(Clone, Copy)]
pub struct BalanceHandle {
    pub state: Signal<BalanceState>,
    /// Whether the state follows the server live (its event stream), is
    /// polled, or is connecting or paused: for an honest "Live" or "Updates every …".
    pub live: Signal<Liveness>,
    /// Asks the server again now (a "refresh" button).
    pub refresh: Callback<()>,
    /// The store itself, for [`BalanceStore::generate`]; `None` outside a provider.
    pub store: Option<BalanceStore>,
}

/// The balance of the provider's workspace, shared by every component.
///
/// Outside a [`crate::CreditsProvider`] the state is `Failed(NoProvider)`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{use_balance, BalanceState};
///
/// #[component]
/// fn Remaining() -> impl IntoView {
///     let balance = use_balance();
///     view! {
///         <span data-state=move || balance.state.get().as_str()>
///             {move || balance.state.get().credits().map(|n| n.to_string())}
///         </span>
///         <button on:click=move |_| balance.refresh.run(())>"Refresh"</button>
///     }
/// }
/// ```
pub fn use_balance() -> BalanceHandle {
    match use_credits() {
        Some(ctx) => {
            let store = ctx.balance;
            store.activate();
            BalanceHandle {
                state: store.state(),
                live: store.liveness(),
                refresh: Callback::new(move |()| store.refresh_now()),
                store: Some(store),
            }
        }
        None => BalanceHandle {
            state: Signal::stored(BalanceState::Failed(ClientError::NoProvider)),
            live: Signal::stored(Liveness::Off),
            refresh: Callback::new(|()| {}),
            store: None,
        },
    }
}
