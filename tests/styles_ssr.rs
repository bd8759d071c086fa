//! `CreditsStyles` rendered on the server (`--features ssr`, natively): with
//! leptos_meta its `<style>` goes into the head, without it stays in place;
//! once per render, and the same markup every time.
#![cfg(all(not(target_arch = "wasm32"), feature = "ssr"))]

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use leptos_credits::styles::{theme_scope, Surface, ALL, STYLE_ID};
use leptos_credits::{CreditsStyles, Theme};
use leptos_meta::{provide_meta_context, ServerMetaContext};

struct Noop;
impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

/// Runs `fut` to its end on this thread (everything here is ready at once).
fn block_on<F: Future>(fut: F) -> F::Output {
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut fut = pin!(fut);
    loop {
        if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
            return out;
        }
        std::thread::yield_now();
    }
}

/// Polls a spawned task once and drops it if it is not done: enough for
/// leptos_meta's tick before injecting the head. Local tasks (effects, which
/// run here only because the dev-dependency turns on `csr`, and never on a
/// server) are dropped unpolled.
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

fn executor() {
    _ = Executor::init_custom_executor(PollOnce);
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

fn open_tag(id: &str) -> String {
    format!("<style id=\"{id}\">")
}

#[test]
fn without_meta_context_one_style_renders_in_place_unescaped() {
    let html =
        Owner::new().with(|| view! { <main><CreditsStyles /><CreditsStyles /></main> }.to_html());
    assert_eq!(count(&html, "<style"), 1, "{html}");
    assert!(
        html.starts_with(&format!("<main>{}", open_tag(STYLE_ID))),
        "{html}"
    );
    assert!(html.contains(ALL), "the CSS as it is, not HTML-escaped");
    assert!(html.contains("\"Segoe UI\"") && !html.contains("&quot;"));
}

#[test]
fn the_markup_is_the_same_on_every_render() {
    let render = || {
        Owner::new().with(|| {
            view! {
                <CreditsStyles />
                <CreditsStyles surfaces=[Surface::CostBadge] />
                <CreditsStyles />
            }
            .to_html()
        })
    };
    let first = render();
    assert_eq!(first, render());
    assert_eq!(count(&first, &open_tag(STYLE_ID)), 1);
    assert_eq!(
        count(&first, &open_tag("leptos-credits-styles-tokens-cost-badge")),
        1
    );
}

#[test]
fn with_meta_context_one_style_goes_into_the_head() {
    executor();
    let (meta, output) = ServerMetaContext::new();
    let body = Owner::new().with(|| {
        provide_context(meta);
        provide_meta_context();
        view! { <main><CreditsStyles /><p>"page"</p><CreditsStyles /></main> }.to_html()
    });
    assert_eq!(
        count(&body, "<style"),
        0,
        "nothing rendered in place: {body}"
    );
    let shell = format!("<html><head><!--HEAD--><link rel=\"stylesheet\" href=\"host.css\"></head><body>{body}</body></html>");
    let page: String = block_on(async {
        use futures::StreamExt;
        let stream = output
            .inject_meta_context(futures::stream::iter([shell]))
            .await;
        stream.collect::<Vec<_>>().await.concat()
    });
    let head = &page[..page.find("</head>").expect("a head")];
    assert_eq!(count(&page, "<style"), 1, "{page}");
    assert!(
        head.starts_with(&format!("<html><head><!--HEAD-->{}", open_tag(STYLE_ID))),
        "at the marker, before the host's stylesheets: {head}"
    );
    assert!(head.contains(ALL));
}

/// What `CreditsProvider`'s `theme` prop wraps its children in. (The provider
/// itself is not rendered here: with the dev-dependency's `csr` on, its
/// window listeners would call the browser natively.)
#[test]
fn theme_scope_renders_a_marked_boxless_wrapper_and_nothing_without_a_theme() {
    let render = |theme: Option<Theme>| {
        Owner::new().with(|| {
            theme_scope(theme.map(Signal::from), view! { <i>"x"</i> }.into_any()).to_html()
        })
    };
    assert_eq!(
        render(Some(Theme::Dark)),
        "<div data-lc-theme=\"dark\" class=\"lc-theme\"><i>x</i></div>"
    );
    assert_eq!(render(None), "<i>x</i>");
}
