//! The page behind a modal made `inert`, so neither focus nor a screen
//! reader's virtual cursor can wander out of it.

use leptos::html::Div;
use leptos::prelude::*;

use super::effect;

/// While the component that calls it lives, everything on the page outside
/// `modal` (each sibling of `modal` and of each of its ancestors up to
/// `<body>`) carries `inert`; on cleanup (close or unmount) the attribute is
/// taken away again from exactly the elements it was put on. Elements that
/// were inert already are left alone.
pub fn use_inert_outside(modal: NodeRef<Div>) {
    if !super::in_browser() {
        return;
    }
    let marked = StoredValue::new_local(Vec::<web_sys::Element>::new());
    effect(move || {
        let Some(el) = modal.get() else {
            return;
        };
        if marked.with_value(|m| !m.is_empty()) {
            return;
        }
        let el: web_sys::Element = el.into();
        marked.set_value(mark_outside(&el));
    });
    on_cleanup(move || {
        if let Some(elements) = marked.try_get_value() {
            for el in elements {
                let _ = el.remove_attribute("inert");
            }
        }
    });
}

/// Puts `inert` on every element outside `el`'s branch of the page; returns them.
fn mark_outside(el: &web_sys::Element) -> Vec<web_sys::Element> {
    let mut marked = Vec::new();
    let mut branch = el.clone();
    while let Some(parent) = branch.parent_element() {
        if branch.tag_name().eq_ignore_ascii_case("body") {
            break;
        }
        let mut sibling = parent.first_element_child();
        while let Some(s) = sibling {
            if s != branch && !s.has_attribute("inert") && s.set_attribute("inert", "").is_ok() {
                marked.push(s.clone());
            }
            sibling = s.next_element_sibling();
        }
        branch = parent;
    }
    marked
}
