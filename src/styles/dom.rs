//! The browser side of `CreditsStyles`: one `<style>` per id at the head's
//! top, counted, so that the last user to unmount takes away the one it added.

use std::borrow::Cow;
use std::cell::RefCell;

use leptos::prelude::queue_microtask;
use web_sys::Element;

struct Sheet {
    id: String,
    css: Cow<'static, str>,
    /// Mounted `CreditsStyles` with this id.
    users: usize,
    /// The `<style>` added here; `None` when the page had one already (from
    /// the server, the host, or one rendered in place while hydrating).
    added: Option<Element>,
}

thread_local! {
    static SHEETS: RefCell<Vec<Sheet>> = const { RefCell::new(Vec::new()) };
}

/// One more user of `id`: adds its `<style>` unless the document has the id.
pub(super) fn acquire(id: &str, css: Cow<'static, str>) {
    SHEETS.with_borrow_mut(|sheets| {
        let sheet = match sheets.iter().position(|s| s.id == id) {
            Some(i) => &mut sheets[i],
            None => {
                sheets.push(Sheet {
                    id: id.to_owned(),
                    css,
                    users: 0,
                    added: None,
                });
                let last = sheets.len() - 1;
                &mut sheets[last]
            }
        };
        sheet.users += 1;
        ensure(sheet);
    });
}

/// One user of `id` fewer: the last one removes the `<style>` added here.
/// While others remain, a `<style>` someone else owned (rendered in place
/// by the first `CreditsStyles`, which just unmounted) is replaced once the
/// unmounting is over.
pub(super) fn release(id: &str) {
    let remaining = SHEETS.with_borrow_mut(|sheets| {
        let i = sheets.iter().position(|s| s.id == id)?;
        let sheet = &mut sheets[i];
        sheet.users = sheet.users.saturating_sub(1);
        if sheet.users > 0 {
            return Some(sheet.id.clone());
        }
        if let Some(added) = sheet.added.take() {
            added.remove();
        }
        sheets.remove(i);
        None
    });
    if let Some(id) = remaining {
        queue_microtask(move || {
            SHEETS.with_borrow_mut(|sheets| {
                if let Some(sheet) = sheets.iter_mut().find(|s| s.id == id) {
                    ensure(sheet);
                }
            })
        });
    }
}

/// Adds the sheet's `<style>` as the head's first child unless the document
/// has an element with its id.
fn ensure(sheet: &mut Sheet) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(&sheet.id).is_some() {
        return;
    }
    let Some(head) = document.head() else {
        return;
    };
    let Ok(style) = document.create_element("style") else {
        return;
    };
    style.set_id(&sheet.id);
    style.set_text_content(Some(&sheet.css));
    if head
        .insert_before(&style, head.first_child().as_ref())
        .is_ok()
    {
        sheet.added = Some(style);
    }
}
