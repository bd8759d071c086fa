//! Where focus goes in the popover: inside it when it opens, and to the newly
//! current option after a pick re-renders the ladder.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ladder::LadderState;
use crate::primitives::effect;

/// Moves focus into `dialog` when `is_open` turns true; returns the flag a
/// pick sets so that, once the ladder is ready again, focus lands on the
/// option marked current instead of falling to the page.
pub fn use_popover_focus(
    is_open: Signal<bool>,
    ladder: Signal<LadderState>,
    dialog: NodeRef<Div>,
) -> StoredValue<bool> {
    effect(move || {
        if let (true, Some(d)) = (is_open.get(), dialog.get()) {
            let _ = d.focus();
        }
    });
    let refocus = StoredValue::new(false);
    effect(move || {
        if !matches!(ladder.get(), LadderState::Ready(_)) || !refocus.get_value() {
            return;
        }
        refocus.set_value(false);
        if let Some(d) = dialog.get_untracked() {
            let current = d.query_selector("[aria-current=\"true\"]").ok().flatten();
            let target: web_sys::HtmlElement = match current.and_then(|c| c.dyn_into().ok()) {
                Some(c) => c,
                None => d.into(),
            };
            let _ = target.focus();
        }
    });
    refocus
}
