//! One API read that follows the provider's member and workspace: asked
//! again when they change or when the view asks, late answers dropped.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::{ClientError, CreditsClient, CreditsContext};

/// What a read has given so far.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(ClientError),
}

type Fetch<T> =
    Rc<dyn Fn(CreditsClient, String) -> Pin<Box<dyn Future<Output = Result<T, ClientError>>>>>;

/// A read's state and a way to ask again (keeping what is shown meanwhile).
pub(crate) struct Fetched<T: Send + Sync + 'static> {
    pub state: RwSignal<Loaded<T>>,
    pub busy: RwSignal<bool>,
    pub reload: Callback<()>,
}

impl<T: Send + Sync + 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Fetched<T> {}

/// Reads with `fetch` now, whenever the client, the workspace or `key` changes, and on `reload`.
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
        let client = ctx.client.get_untracked();
        let workspace = ctx.workspace.get_untracked();
        let Some(f) = fetch.try_with_value(Rc::clone) else {
            return;
        };
        let mine = generation.try_update_value(|g| {
            *g += 1;
            *g
        });
        busy.set(true);
        spawn_local(async move {
            let answer = f(client, workspace).await;
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
    Effect::new(move |prev: Option<(u64, String)>| {
        let group = (ctx.client.get().identity(), ctx.workspace.get());
        key.track();
        if prev.as_ref().is_some_and(|p| p != &group) {
            state.set(Loaded::Loading);
        }
        load();
        group
    });
    Fetched {
        state,
        busy,
        reload: Callback::new(move |()| load()),
    }
}
