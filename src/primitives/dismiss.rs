use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Closes floating content while `open`: on Escape wherever focus is (it may
/// have fallen to the page when the content re-rendered), and on a click
/// outside `inside`. The listeners live as long as the calling component.
pub fn use_dismiss(inside: NodeRef<Div>, open: Signal<bool>, close: Callback<()>) {
    if !super::in_browser() {
        return;
    }
    let clicks = window_event_listener(ev::click, move |event| {
        if !open.get_untracked() {
            return;
        }
        let Some(root) = inside.get_untracked() else {
            return;
        };
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        // A target already removed from the page (e.g. a re-rendered option) is not "outside".
        let outside = match target {
            Some(node) => node.is_connected() && !root.contains(Some(&node)),
            None => false,
        };
        if outside {
            close.run(());
        }
    });
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.key() == "Escape" && open.get_untracked() && !event.default_prevented() {
            event.prevent_default();
            close.run(());
        }
    });
    on_cleanup(move || {
        clicks.remove();
        keys.remove();
    });
}
