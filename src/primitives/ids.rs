use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(1);

/// A document-unique id with `prefix`, for `aria-controls` / `aria-labelledby` pairs.
///
/// Under server rendering and hydration the number comes from Leptos's shared
/// context, which counts in render order on both sides (as it does for
/// resources), so the ids the server sends are the ones the browser adopts.
/// A client-only page counts on its own.
pub fn unique_id(prefix: &str) -> String {
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    if let Some(sc) = leptos::prelude::Owner::current_shared_context() {
        return format!("{prefix}-h{}", sc.next_id().into_inner());
    }
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
