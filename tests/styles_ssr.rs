//! `CreditsStyles` rendered on the server (`--features ssr`, natively): with
//! leptos_meta its `<style>` goes into the head, without it stays in place;
//! once per render, and the same markup every time.
#![cfg(all(not(target_arch = "wasm32"), feature = "ssr"))]

#[path = "common/ssr.rs"]
mod ssr;

use futures::executor::block_on;
use leptos::prelude::*;
use leptos_credits::styles::{theme_scope, Surface, ALL, STYLE_ID};
use leptos_credits::{CreditsStyles, Theme};
use leptos_meta::{provide_meta_context, ServerMetaContext};
use ssr::{meta_executor, provided, provided_in, render};

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
    meta_executor();
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

#[test]
fn the_providers_forced_theme_marks_the_server_markup() {
    let html = render(|| provided_in(Some(Theme::Dark), || view! { <i>"x"</i> }));
    assert!(
        html.contains("<div data-lc-theme=\"dark\" class=\"lc-theme\"><i>x</i></div>"),
        "{html}"
    );
    let html = render(|| provided(|| view! { <i>"x"</i> }));
    assert!(
        !html.contains("data-lc-theme"),
        "no theme, no wrapper: {html}"
    );
}
