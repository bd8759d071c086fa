//! A modal's behaviour, for any surface: focus moves in, Tab and Shift+Tab
//! stay inside, the page behind it is inert, Escape closes it, and focus goes
//! back to what had it before it opened.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::{active_element, effect, use_inert_outside};

const FOCUSABLE: &str = "button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])";

/// Where focus goes back when a modal closes. The component that shows and
/// hides the modal owns it, so it outlives the modal (and a modal that
/// replaces another returns focus to the first one's opener).
pub type Opener = StoredValue<Option<web_sys::Element>, LocalStorage>;

/// An [`Opener`] for a component that shows a modal.
pub fn use_opener() -> Opener {
    StoredValue::new_local(None)
}

/// The elements a modal is drawn with: put `backdrop` on the layer that
/// covers the page, `dialog` on the element with `role="dialog"` and
/// `tabindex="-1"`, and send that element's key presses to [`Modal::keydown`].
#[derive(Clone, Copy)]
pub struct Modal {
    pub backdrop: NodeRef<Div>,
    pub dialog: NodeRef<Div>,
    on_close: Callback<()>,
}

fn focusables(root: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The modal behaviour for the component that draws the modal (and lives
/// exactly while it is open). `surface` is a CSS selector matching the
/// backdrop: focus inside another modal of that kind is not an opener.
/// `on_close` runs on Escape.
pub fn use_modal(opener: Opener, surface: &'static str, on_close: Callback<()>) -> Modal {
    let modal = Modal {
        backdrop: NodeRef::new(),
        dialog: NodeRef::new(),
        on_close,
    };
    use_inert_outside(modal.backdrop);
    if let Some(el) = active_element().filter(|el| el.closest(surface).ok().flatten().is_none()) {
        opener.set_value(Some(el));
    }
    on_cleanup(move || {
        let Some(Some(el)) = opener.try_get_value() else {
            return;
        };
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            if el.is_connected() {
                let _ = el.focus();
            }
        }
    });
    effect(move || {
        if let Some(d) = modal.dialog.get() {
            let d: HtmlElement = d.into();
            let _ = match focusables(&d).first() {
                Some(first) => first.focus(),
                None => d.focus(),
            };
        }
    });
    modal
}

impl Modal {
    /// Escape closes; Tab and Shift+Tab go round the dialog's focusable elements.
    pub fn keydown(self, ev: web_sys::KeyboardEvent) {
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                self.on_close.run(());
            }
            "Tab" => self.trap_tab(&ev),
            _ => {}
        }
    }

    fn trap_tab(self, ev: &web_sys::KeyboardEvent) {
        let Some(d) = self.dialog.get_untracked() else {
            return;
        };
        let d: HtmlElement = d.into();
        let all = focusables(&d);
        let (Some(first), Some(last)) = (all.first(), all.last()) else {
            ev.prevent_default();
            return;
        };
        let active = active_element();
        let at = |el: &HtmlElement| active.as_ref() == Some(el.unchecked_ref());
        let inside = active
            .as_ref()
            .is_some_and(|a| d.contains(Some(a.unchecked_ref())));
        if ev.shift_key() && (at(first) || !inside) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && (at(last) || !inside) {
            ev.prevent_default();
            let _ = first.focus();
        }
    }
}
