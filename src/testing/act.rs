//! Acting like a person with the mouse and on form fields: clicks, focus,
//! filling in and choosing, each a real DOM event the components' own
//! listeners receive. Keys: [`press`](super::press).

use std::fmt;

use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

use super::names::{accessible_name, collapse};
use super::query::all_by_role;
use super::roles::is_hidden;

/// Why an action could not be done, e.g. "no field labelled \"Images\"".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomError(pub String);

impl fmt::Display for DomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DomError {}

pub(super) fn failed(what: impl Into<String>) -> DomError {
    DomError(what.into())
}

/// Clicks `el` as a mouse does: `HTMLElement.click()` (a disabled button
/// ignores it, as it ignores a person). It does not move focus, as Safari
/// does not on a click; [`focus`] first for browsers that do.
pub fn click(el: &Element) -> Result<(), DomError> {
    if is_hidden(el) {
        return Err(failed(format!(
            "cannot click the hidden <{}> {:?}",
            el.tag_name().to_ascii_lowercase(),
            accessible_name(el)
        )));
    }
    let el: &HtmlElement = el
        .dyn_ref()
        .ok_or_else(|| failed("only HTML elements can be clicked"))?;
    el.click();
    Ok(())
}

/// Moves focus to `el`, as a click or a Tab onto it does.
pub fn focus(el: &Element) -> Result<(), DomError> {
    let html: &HtmlElement = el
        .dyn_ref()
        .ok_or_else(|| failed("only HTML elements can take focus"))?;
    html.focus()
        .map_err(|e| failed(format!("focus() failed: {e:?}")))
}

/// Replaces the value of the text, number or search field under `root`
/// whose accessible name is `label`, in one `input` event, as pasting,
/// autofill or an arrow key on a number field does (focus moves to it first).
pub fn fill(root: &Element, label: &str, value: &str) -> Result<(), DomError> {
    let field = labelled(
        root,
        &["textbox", "searchbox", "spinbutton", "combobox"],
        label,
    )
    .ok_or_else(|| failed(format!("no text or number field labelled {label:?}")))?;
    focus(&field)?;
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else {
        return Err(failed(format!("{label:?} is not an <input> or <textarea>")));
    }
    dispatch(&field, "input")
}

/// Picks the option whose value is `value` in the `<select>` under `root`
/// whose accessible name is `label`, then sends its `change` event.
pub fn choose(root: &Element, label: &str, value: &str) -> Result<(), DomError> {
    let field = labelled(root, &["combobox", "listbox"], label)
        .ok_or_else(|| failed(format!("no select labelled {label:?}")))?;
    let select: &HtmlSelectElement = field
        .dyn_ref()
        .ok_or_else(|| failed(format!("{label:?} is not a <select>")))?;
    focus(&field)?;
    select.set_value(value);
    if select.value() != value {
        return Err(failed(format!("{label:?} has no option {value:?}")));
    }
    dispatch(&field, "input")?;
    dispatch(&field, "change")
}

fn labelled(root: &Element, roles: &[&str], label: &str) -> Option<Element> {
    let label = collapse(label);
    roles
        .iter()
        .flat_map(|role| all_by_role(root, role))
        .find(|el| accessible_name(el) == label)
}

pub(super) fn dispatch(target: &Element, name: &str) -> Result<(), DomError> {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(name, &init)
        .map_err(|e| failed(format!("cannot make a {name} event: {e:?}")))?;
    target
        .dispatch_event(&event)
        .map(|_| ())
        .map_err(|e| failed(format!("cannot dispatch {name}: {e:?}")))
}
