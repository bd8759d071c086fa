//! Credit requests from a view: the list the member may see (read again when
//! the balance or the requests change, and when the window regains focus, so
//! an answer shows up), asking through the API, and declining. Each send keeps its
//! idempotency key for the same send's retry.

use leptos::prelude::*;
use leptos::task::spawn_local;

use credits_core::{CreditRequest, CreditRequestsResponse, NewCreditRequest};

use super::fetched::{use_fetched, Fetched};
use super::Loaded;
use crate::api::new_idempotency_key;
use crate::primitives::in_browser;
use crate::{use_credits, ClientError, CreditsContext};

/// [`use_credit_requests`]'s list and the way to read it again.
#[derive(Clone, Copy)]
pub struct CreditRequestsHandle {
    pub state: Signal<Loaded<CreditRequestsResponse>>,
    pub reload: Callback<()>,
}

/// The requests the member may see (an owner or admin: every one; a member:
/// their own), read in the browser, and again when the balance changes (a
/// grant brings credits), when the balance stream says the requests changed
/// (asked, declined or granted), and when the window regains focus.
/// `None` outside a provider.
pub fn use_credit_requests() -> Option<CreditRequestsHandle> {
    let ctx = use_credits()?;
    let balance = ctx.balance.known_balance();
    let changes = ctx.balance.requests_changes();
    let key = Signal::derive(move || format!("{:?}/{}", balance.get(), changes.get()));
    let fetched: Fetched<CreditRequestsResponse> =
        use_fetched(ctx, key, |client, workspace| async move {
            client.credit_requests(&workspace).await
        });
    if in_browser() {
        let reload = fetched.reload;
        let focus = window_event_listener_untyped("focus", move |_| reload.run(()));
        on_cleanup(move || focus.remove());
    }
    Some(CreditRequestsHandle {
        state: fetched.state.into(),
        reload: fetched.reload,
    })
}

/// Where the last send stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SendState<T> {
    Idle,
    Sending,
    Done(T),
    Failed(ClientError),
}

/// A send's state and the way to send.
pub struct SendHandle<I: Send + Sync + 'static, T: Send + Sync + 'static> {
    pub state: Signal<SendState<T>>,
    /// Ignored while a send is under way.
    pub send: Callback<I>,
}

impl<I: Send + Sync + 'static, T: Send + Sync + 'static> Clone for SendHandle<I, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I: Send + Sync + 'static, T: Send + Sync + 'static> Copy for SendHandle<I, T> {}

/// Asks the owners and admins through the provider's client; `done` is
/// called after the server answered (e.g. the host's `on_ask_admin`).
pub fn use_ask(
    done: Option<Callback<CreditRequest>>,
) -> SendHandle<NewCreditRequest, CreditRequest> {
    use_send(
        move |ctx: CreditsContext, ask: NewCreditRequest, key: String| async move {
            let client = ctx.client.get_untracked();
            let answer = client
                .ask_for_credits(&ctx.workspace.get_untracked(), &ask, &key)
                .await;
            if let (Ok(asked), Some(done)) = (&answer, done) {
                done.run(asked.clone());
            }
            answer
        },
    )
}

/// Declines `(request id, note)` through the provider's client.
pub fn use_decline() -> SendHandle<(String, Option<String>), CreditRequest> {
    use_send(
        move |ctx: CreditsContext, (id, note): (String, Option<String>), key: String| async move {
            let client = ctx.client.get_untracked();
            client
                .decline_request(&ctx.workspace.get_untracked(), &id, note, &key)
                .await
        },
    )
}

fn use_send<I, T, F, Fut>(run: F) -> SendHandle<I, T>
where
    I: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
    F: Fn(CreditsContext, I, String) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ClientError>> + 'static,
{
    let state = RwSignal::new(SendState::Idle);
    let ctx = use_credits();
    let kept = StoredValue::new(None::<(I, String)>);
    let send = Callback::new(move |input: I| {
        if state.with_untracked(|s| matches!(s, SendState::Sending)) {
            return;
        }
        let Some(ctx) = ctx else {
            state.set(SendState::Failed(ClientError::NoProvider));
            return;
        };
        let key = match kept.get_value() {
            Some((before, key)) if before == input => key,
            _ => new_idempotency_key(),
        };
        kept.set_value(Some((input.clone(), key.clone())));
        state.set(SendState::Sending);
        spawn_local(async move {
            match run(ctx, input, key).await {
                Ok(done) => {
                    kept.try_set_value(None);
                    state.try_set(SendState::Done(done));
                }
                Err(e) => {
                    state.try_set(SendState::Failed(e));
                }
            }
        });
    });
    SendHandle {
        state: state.into(),
        send,
    }
}
