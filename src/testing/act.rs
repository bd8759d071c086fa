//! Acting like a person: clicks, key presses and filling in fields, each a
//! real DOM event the components' own listeners receive.
//!
//! Events made by a script are untrusted, so the browser does not act on
//! them by itself; [`press`] therefore does what the browser would do when
//! no listener called `preventDefault()`: Tab moves focus, Enter activates
//! a button or link, Space a button.

use std::fmt;

use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit,
};

use super::query::{active_element, all_by_role, query_all};
use super::roles::{accessible_name, is_hidden};

/// Why an action could not be done, e.g. "no field labelled \"Images\"".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomError(pub String);

impl fmt::Display for DomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DomError {}

fn failed(what: impl Into<String>) -> DomError {
    DomError(what.into())
}

/// Keys held with a pressed key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Modifiers {
    pub shift: bool,
    pub ctrl: bool,
    pub alt: bool,
    pub meta: bool,
}

/// What a person can Tab to, before filtering out disabled and hidden ones.
const FOCUSABLE: &str = "a[href], area[href], button, input:not([type=\"hidden\"]), select, \
    textarea, summary, [tabindex], [contenteditable=\"true\"]";

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

/// Presses and releases `key` (a `KeyboardEvent.key` value: "Escape",
/// "Tab", "Enter", " ", "a") on whatever has focus, or on `<body>` when
/// nothing does, as a keyboard does; see [`press_with`] for modifiers.
///
/// Returns whether the page let the key do its default (`false` when a
/// listener called `preventDefault()` on the keydown).
pub fn press(key: &str) -> Result<bool, DomError> {
    press_with(key, Modifiers::default())
}

/// [`press`] with modifier keys, e.g. Shift+Tab:
/// `press_with("Tab", Modifiers { shift: true, ..Modifiers::default() })`.
pub fn press_with(key: &str, held: Modifiers) -> Result<bool, DomError> {
    let target = match active_element() {
        Some(el) => el,
        None => web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .map(Element::from)
            .ok_or_else(|| failed("no focused element and no <body> to press keys on"))?,
    };
    let allowed = key_event(&target, "keydown", key, held)?;
    if allowed {
        match key {
            "Tab" => move_focus(&target, held.shift)?,
            "Enter" if activates(&target, true) => click(&target)?,
            _ => {}
        }
    }
    key_event(&target, "keyup", key, held)?;
    if allowed && key == " " && activates(&target, false) {
        click(&target)?;
    }
    Ok(allowed)
}

fn key_event(target: &Element, kind: &str, key: &str, held: Modifiers) -> Result<bool, DomError> {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_shift_key(held.shift);
    init.set_ctrl_key(held.ctrl);
    init.set_alt_key(held.alt);
    init.set_meta_key(held.meta);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init)
        .map_err(|e| failed(format!("cannot make a {kind} event for {key:?}: {e:?}")))?;
    target
        .dispatch_event(&event)
        .map_err(|e| failed(format!("cannot dispatch {kind} {key:?}: {e:?}")))
}

/// Whether Enter (`enter`) or Space activates `el`: buttons both, links Enter only.
fn activates(el: &Element, enter: bool) -> bool {
    let role = super::role_of(el);
    matches!(role.as_deref(), Some("button")) || (enter && matches!(role.as_deref(), Some("link")))
}

/// Tab's default: focus goes to the next (Shift: previous) element a
/// person can Tab to, in document order, wrapping around the page.
fn move_focus(from: &Element, back: bool) -> Result<(), DomError> {
    let Some(body) = from.owner_document().and_then(|d| d.body()) else {
        return Err(failed("no <body> to move focus in"));
    };
    let stops: Vec<Element> = query_all(&body, FOCUSABLE)
        .into_iter()
        .filter(|el| {
            !is_hidden(el)
                && !el.has_attribute("disabled")
                && el.get_attribute("tabindex").as_deref() != Some("-1")
        })
        .collect();
    if stops.is_empty() {
        return Ok(());
    }
    let at = stops.iter().position(|el| el == from);
    let next = match (at, back) {
        (Some(i), false) => (i + 1) % stops.len(),
        (Some(i), true) => (i + stops.len() - 1) % stops.len(),
        (None, false) => 0,
        (None, true) => stops.len() - 1,
    };
    focus(&stops[next])
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
    let label = super::roles::collapse(label);
    roles
        .iter()
        .flat_map(|role| all_by_role(root, role))
        .find(|el| accessible_name(el) == label)
}

fn dispatch(target: &Element, name: &str) -> Result<(), DomError> {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(name, &init)
        .map_err(|e| failed(format!("cannot make a {name} event: {e:?}")))?;
    target
        .dispatch_event(&event)
        .map(|_| ())
        .map_err(|e| failed(format!("cannot dispatch {name}: {e:?}")))
}
