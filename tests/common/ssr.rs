//! Server rendering for the native tests: a fresh request's reactive root
//! with Leptos's server-side shared context, as leptos_axum sets it up.
#![allow(dead_code)]

use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_credits::provider::CreditsProviderProps;
use leptos_credits::{CreditsClient, CreditsProvider};

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
    CreditsProvider(
        CreditsProviderProps::builder()
            .client(CreditsClient::new("/api").with_token("tok_pro_admin"))
            .workspace("ws_pro_team")
            .children(Box::new(move || children().into_any()))
            .build(),
    )
}
