//! The outer parts every surface shares: its class list with the host's
//! extra classes, and what it shows outside a `CreditsProvider`.

use leptos::prelude::*;

use crate::text::error_message;
use crate::ClientError;

/// What a component shows outside a `CreditsProvider`: the generic error, no panic.
pub fn no_provider(classes: impl Fn() -> String + Send + Sync + 'static) -> AnyView {
    view! {
        <section class=classes data-state="failed">
            <p role="alert">{error_message(None, &ClientError::NoProvider)}</p>
        </section>
    }
    .into_any()
}

/// `base` merged with the host's extra classes.
pub fn merge_class(base: &str, extra: Option<String>) -> String {
    match extra {
        Some(e) if !e.trim().is_empty() => format!("{base} {e}"),
        _ => base.to_owned(),
    }
}
