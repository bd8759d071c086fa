//! `<CreditsStyles/>`: the library's CSS in one `<style>` in the document's head.

use std::borrow::Cow;

use leptos::prelude::*;

use super::{css_for, Surface, ALL};

/// The `id` of the `<style>` that [`CreditsStyles`] renders with every surface;
/// a subset's ends with its surfaces' slugs, e.g. `leptos-credits-styles-cost-badge`.
pub const STYLE_ID: &str = "leptos-credits-styles";

/// Puts the library's CSS into the page once: one `<style id="leptos-credits-styles">`
/// however many times it is mounted. Render it once near the root of the app.
///
/// - **In the browser (`csr`)** it renders nothing where it stands: after
///   mounting it adds the `<style>` as the first child of `<head>` unless the
///   document already has an element with that id, and removes the one it
///   added when the last `CreditsStyles` using it unmounts. Being first in
///   the head, the `leptos-credits` layer comes before any layer of the host,
///   so host layers win too.
/// - **On the server (`ssr`)**, with `leptos_meta` (the host calls
///   `provide_meta_context()` and renders `<MetaTags/>` in its `<head>`), it
///   goes into the head through `leptos_meta::Style`; without a meta context
///   it renders the `<style>` inline where it stands. Either way only the
///   first `CreditsStyles` of a render does so, and the markup is the same
///   on every render, so `hydrate` adopts it: the client renders the same
///   element, only while hydrating. Keep it outside `<Suspense>` so that
///   the server renders it in the first chunk.
///
/// `surfaces` narrows the CSS to some components (the tokens always come
/// with them); different subsets are different `<style>` elements.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::styles::{CreditsStyles, Surface};
///
/// # fn app() -> impl IntoView {
/// view! {
///     <CreditsStyles />
///     // or only what a page shows:
///     <CreditsStyles surfaces=[Surface::CostBadge, Surface::CostEstimator] />
/// }
/// # }
/// ```
#[component]
pub fn CreditsStyles(
    /// Only these surfaces' CSS (and the tokens); every surface when absent.
    #[prop(optional, into)]
    surfaces: Option<Vec<Surface>>,
) -> impl IntoView {
    let (id, css) = sheet(surfaces.as_deref());
    #[cfg(all(target_arch = "wasm32", not(feature = "ssr")))]
    {
        let (id, css) = (id.clone(), css.clone());
        // After mounting, so that a <style> rendered in place (while
        // hydrating) is already in the document and is not added twice.
        crate::primitives::effect(move || {
            super::dom::acquire(&id, css.clone());
            let id = id.clone();
            on_cleanup(move || super::dom::release(&id));
        });
    }
    in_tree(id, css)
}

/// The `<style>` id and the CSS for `surfaces` (all when `None`).
fn sheet(surfaces: Option<&[Surface]>) -> (String, Cow<'static, str>) {
    let mut picked: Vec<Surface> = match surfaces {
        Some(s) => s
            .iter()
            .copied()
            .filter(|s| *s != Surface::Tokens)
            .collect(),
        None => Surface::EVERY[1..].to_vec(),
    };
    picked.sort();
    picked.dedup();
    if picked.len() == Surface::EVERY.len() - 1 {
        return (STYLE_ID.to_owned(), Cow::Borrowed(ALL));
    }
    let id = picked
        .iter()
        .fold(format!("{STYLE_ID}-tokens"), |id, s| id + "-" + s.slug());
    (id, Cow::Owned(css_for(&picked)))
}

/// What stands in the tree: the `<style>` on the server and while hydrating
/// (first `CreditsStyles` of the render only), nothing otherwise.
#[cfg(any(feature = "ssr", feature = "hydrate"))]
fn in_tree(id: String, css: Cow<'static, str>) -> AnyView {
    if !renders_here() || !first_of_render(&id) {
        return ().into_any();
    }
    if meta_in_head() {
        view! { <leptos_meta::Style id=id>{css}</leptos_meta::Style> }.into_any()
    } else {
        view! { <style id=id>{css}</style> }.into_any()
    }
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn in_tree(_id: String, _css: Cow<'static, str>) -> AnyView {
    ().into_any()
}

/// On the server always; in the browser only while hydrating what it sent.
#[cfg(any(feature = "ssr", feature = "hydrate"))]
fn renders_here() -> bool {
    cfg!(feature = "ssr") || Owner::current_shared_context().is_some_and(|sc| sc.during_hydration())
}

/// Whether `leptos_meta` can carry the `<style>` into the head: a
/// `MetaContext` (and, on the server, the integration's `ServerMetaContext`).
#[cfg(any(feature = "ssr", feature = "hydrate"))]
fn meta_in_head() -> bool {
    let meta = use_context::<leptos_meta::MetaContext>().is_some();
    #[cfg(feature = "ssr")]
    let meta = meta && use_context::<leptos_meta::ServerMetaContext>().is_some();
    meta
}

/// The ids already rendered under this root owner (one per request on the server).
#[cfg(any(feature = "ssr", feature = "hydrate"))]
#[derive(Clone, Default)]
struct Rendered(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

/// True for the first `CreditsStyles` with this `id` under the current root owner.
#[cfg(any(feature = "ssr", feature = "hydrate"))]
fn first_of_render(id: &str) -> bool {
    let Some(mut root) = Owner::current() else {
        return true;
    };
    while let Some(parent) = root.parent() {
        root = parent;
    }
    let rendered = root.with(use_context::<Rendered>).unwrap_or_else(|| {
        let rendered = Rendered::default();
        root.with(|| provide_context(rendered.clone()));
        rendered
    });
    let mut ids = rendered.0.lock().unwrap_or_else(|e| e.into_inner());
    if ids.iter().any(|seen| seen == id) {
        return false;
    }
    ids.push(id.to_owned());
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_surface_is_the_plain_id_and_all() {
        let (id, css) = sheet(None);
        assert_eq!((id.as_str(), css.as_ref()), (STYLE_ID, ALL));
        let (id, css) = sheet(Some(&Surface::EVERY));
        assert_eq!((id.as_str(), css.as_ref()), (STYLE_ID, ALL));
    }

    #[test]
    fn a_subset_has_its_own_id_whatever_the_order() {
        let (a, css) = sheet(Some(&[Surface::CostEstimator, Surface::CostBadge]));
        let (b, _) = sheet(Some(&[
            Surface::CostBadge,
            Surface::Tokens,
            Surface::CostEstimator,
            Surface::CostBadge,
        ]));
        assert_eq!(a, "leptos-credits-styles-tokens-cost-badge-cost-estimator");
        assert_eq!(a, b);
        assert_eq!(css, css_for(&[Surface::CostBadge, Surface::CostEstimator]));
    }
}
