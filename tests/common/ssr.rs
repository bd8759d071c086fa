//! Server rendering for the native tests: a fresh request's reactive root
//! with Leptos's server-side shared context, as leptos_axum sets it up.
#![allow(dead_code)]

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Wake, Waker};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_credits::provider::CreditsProviderProps;
use leptos_credits::{CreditsClient, CreditsProvider, Theme};

/// `view` rendered to HTML as a server renders one request.
pub fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| view().to_html());
    owner.unset();
    html
}

/// `children` under a provider as a host page has it (the server never calls the API).
pub fn provided<V: IntoView + 'static>(
    children: impl FnOnce() -> V + Send + 'static,
) -> impl IntoView {
    provided_in(None, children)
}

/// [`provided`], with the provider's `theme` forced when there is one.
pub fn provided_in<V: IntoView + 'static>(
    theme: Option<Theme>,
    children: impl FnOnce() -> V + Send + 'static,
) -> impl IntoView {
    let props = CreditsProviderProps::builder()
        .client(CreditsClient::new("/api").with_token("tok_pro_admin"))
        .workspace("ws_pro_team")
        .children(Box::new(move || children().into_any()));
    match theme {
        Some(theme) => CreditsProvider(props.theme(theme).build()),
        None => CreditsProvider(props.build()),
    }
}

struct Noop;
impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

/// Polls a spawned task once and drops it if it is not done: enough for
/// leptos_meta's tick before it injects the head. Local tasks (effects)
/// never run on a server and are dropped unpolled.
struct PollOnce;
impl CustomExecutor for PollOnce {
    fn spawn(&self, fut: PinnedFuture<()>) {
        poll_once(fut)
    }
    fn spawn_local(&self, _effect: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

fn poll_once<F: Future<Output = ()>>(fut: F) {
    let waker = Waker::from(Arc::new(Noop));
    _ = pin!(fut).poll(&mut Context::from_waker(&waker));
}

/// The executor leptos_meta's head injection spawns on (set once per process).
pub fn meta_executor() {
    _ = Executor::init_custom_executor(PollOnce);
}
