//! The one way the views read the API (plans, usage, the prompt's data):
//! asked in the browser only, again when the member, the workspace or a key
//! changes and when the view asks, with late answers dropped. Quotes keep
//! their own engine (batching, cache) and the balance its shared store, but
//! every state has the same three shapes: [`Loaded`].

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::primitives::effect;
use crate::{ClientError, CreditsClient, CreditsContext};

/// Where a read stands. Nothing is known while `Loading` (never a zero).
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// Asking; also what a server render shows, since reads run in the browser only.
    Loading,
    Ready(T),
    /// Transient failures (offline, timed out, 5xx) can be asked again.
    Failed(ClientError),
}

impl<T> Loaded<T> {
    /// The value, once there.
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loaded::Ready(v) => Some(v),
            _ => None,
        }
    }
}

type Fetch<T> =
    Rc<dyn Fn(CreditsClient, String) -> Pin<Box<dyn Future<Output = Result<T, ClientError>>>>>;

/// A read's state and a way to ask again (keeping what is shown meanwhile).
pub(crate) struct Fetched<T: Send + Sync + 'static> {
    pub state: RwSignal<Loaded<T>>,
    pub busy: RwSignal<bool>,
    pub reload: Callback<()>,
    /// Bumped by every new question; an answer for an older one is dropped.
    generation: StoredValue<u64>,
}

impl<T: Send + Sync + 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Fetched<T> {}

/// Reads with `fetch` once the view is in the browser, whenever the client,
/// the workspace or `key` changes, and on `reload`. On the server it stays `Loading`.
pub(crate) fn use_fetched<T, F, Fut>(
    ctx: CreditsContext,
    key: Signal<String>,
    fetch: F,
) -> Fetched<T>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(CreditsClient, String) -> Fut + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    let state = RwSignal::new(Loaded::Loading);
    let busy = RwSignal::new(false);
    let fetch: Fetch<T> = Rc::new(move |c, w| Box::pin(fetch(c, w)));
    let fetch = StoredValue::new_local(fetch);
    let generation = StoredValue::new(0u64);
    let load = move || {
        let Some(f) = fetch.try_with_value(Rc::clone) else {
            return;
        };
        let answer = f(ctx.client.get_untracked(), ctx.workspace.get_untracked());
        let mine = generation.try_update_value(|g| {
            *g += 1;
            *g
        });
        busy.set(true);
        spawn_local(async move {
            let answer = answer.await;
            if generation.try_get_value() != mine {
                return;
            }
            busy.try_set(false);
            match answer {
                Ok(v) => {
                    state.try_set(Loaded::Ready(v));
                }
                // An answer already shown stays on a failed re-read only when
                // nothing changed the question; a new member or workspace starts over.
                Err(ClientError::Aborted) => {}
                Err(e) => {
                    state.try_set(Loaded::Failed(e));
                }
            }
        });
    };
    // Effects run in the browser only (after hydration), never on the server.
    // A key read again to the same value (its sources wrote without changing
    // it) asks nothing.
    let mut prev: Option<((u64, String), String)> = None;
    effect(move || {
        let group = (ctx.client.get().identity(), ctx.workspace.get());
        let now = key.get();
        if prev.as_ref().is_some_and(|(g, k)| g == &group && k == &now) {
            return;
        }
        if prev.as_ref().is_some_and(|(g, _)| g != &group) {
            state.set(Loaded::Loading);
        }
        load();
        prev = Some((group, now));
    });
    Fetched {
        state,
        busy,
        reload: Callback::new(move |()| load()),
        generation,
    }
}

impl<T: Clone + Send + Sync + 'static> Fetched<T> {
    /// Reads more of the same (the next page) and folds it into what is shown
    /// with `merge`; dropped if the question changed meanwhile. A failure is
    /// returned to `failed`, and what is shown stays.
    pub fn extend<Fut>(
        self,
        more: Fut,
        merge: fn(&mut T, T),
        failed: impl FnOnce(Option<ClientError>) + 'static,
    ) where
        Fut: Future<Output = Result<T, ClientError>> + 'static,
    {
        let mine = self.generation.try_get_value();
        self.busy.set(true);
        spawn_local(async move {
            let answer = more.await;
            if self.generation.try_get_value() != mine {
                return;
            }
            self.busy.try_set(false);
            match answer {
                Ok(page) => {
                    self.state.try_update(|s| {
                        if let Loaded::Ready(shown) = s {
                            merge(shown, page);
                        }
                    });
                    failed(None);
                }
                Err(ClientError::Aborted) => {}
                Err(e) => failed(Some(e)),
            }
        });
    }
}
