//! Pressing keys like a person: keydown and keyup on whatever has focus,
//! then what the browser does by default when no listener called
//! `preventDefault()` (script-made events are untrusted, so the browser
//! does not act on them by itself): Tab moves focus, Enter activates a
//! button or link, Space a button, ArrowDown / ArrowUp pick the next or
//! previous option of a closed `<select>` (with its `input` and `change`).

use web_sys::{Element, KeyboardEvent, KeyboardEventInit};

use super::act::{click, dispatch, failed, focus, DomError};
use super::query::{active_element, query_all};
use super::roles::{is_hidden, role_of};

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
            "ArrowDown" | "ArrowUp" => step_select(&target, key == "ArrowDown")?,
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

/// An arrow key's default on a closed `<select>`: the next (or previous)
/// enabled option is chosen, and `input` and `change` sent; nothing at either end.
fn step_select(el: &Element, down: bool) -> Result<(), DomError> {
    use wasm_bindgen::JsCast;
    let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() else {
        return Ok(());
    };
    if select.disabled() {
        return Ok(());
    }
    let count = select.length() as i32;
    let mut at = select.selected_index();
    loop {
        at += if down { 1 } else { -1 };
        if at < 0 || at >= count {
            return Ok(());
        }
        let enabled = select
            .item(at as u32)
            .is_some_and(|o| !o.has_attribute("disabled"));
        if enabled {
            break;
        }
    }
    select.set_selected_index(at);
    dispatch(el, "input")?;
    dispatch(el, "change")
}

/// Whether Enter (`enter`) or Space activates `el`: buttons both, links Enter only.
fn activates(el: &Element, enter: bool) -> bool {
    let role = role_of(el);
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
