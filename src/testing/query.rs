//! Finding things on the page the way a person (or a screen reader) does:
//! by role and accessible name, or by the text they read.
//!
//! Every finder searches the descendants of `root` (not `root` itself) in
//! document order and returns `None` or an empty list when nothing matches,
//! so it can sit inside [`wait_for`](super::wait_for). The role finders and
//! [`by_text`] skip what is hidden ([`is_hidden`]), as `getByRole` does.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::roles::{accessible_name, collapse, is_hidden, role_of};

/// Every visible element under `root` whose role is `role` (explicit or
/// implicit, see [`role_of`](super::role_of)), in document order.
///
/// `all_by_role(&root, "row")` lists a table's rows, header row included.
pub fn all_by_role(root: &Element, role: &str) -> Vec<Element> {
    query_all(root, "*")
        .into_iter()
        .filter(|el| role_of(el).as_deref() == Some(role) && !is_hidden(el))
        .collect()
}

/// The first visible element under `root` with `role`, e.g. the cost
/// badge's `status` region or the estimator's `dialog`.
pub fn by_role(root: &Element, role: &str) -> Option<Element> {
    all_by_role(root, role).into_iter().next()
}

/// The first visible element under `root` with `role` whose accessible name
/// ([`accessible_name`](super::accessible_name), white space collapsed) is
/// exactly `name`: Testing Library's `getByRole(role, { name })`.
///
/// ```no_run
/// # use leptos_credits::testing::by_role_named;
/// # fn f(root: &web_sys::Element) {
/// let heading = by_role_named(root, "heading", "Cost estimate");
/// let upgrade = by_role_named(root, "link", "Upgrade to Pro");
/// # }
/// ```
pub fn by_role_named(root: &Element, role: &str, name: &str) -> Option<Element> {
    let name = collapse(name);
    by_role_where(root, role, |n| n == name)
}

/// The first visible element under `root` with `role` whose accessible name
/// satisfies `matches`, e.g. `|name| name.starts_with("Generate")` for a
/// button whose name ends with a cost that changes.
pub fn by_role_where(
    root: &Element,
    role: &str,
    matches: impl Fn(&str) -> bool,
) -> Option<Element> {
    all_by_role(root, role)
        .into_iter()
        .find(|el| matches(&accessible_name(el)))
}

/// The button (role `button`) under `root` whose accessible name is `name`,
/// as the `HtmlElement` a test clicks or focuses.
pub fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    by_role_named(root, "button", name)?.dyn_into().ok()
}

/// The innermost visible element under `root` whose text (white space
/// collapsed) is exactly `text`, even when the text is split over child
/// elements (`<p>Resets <b>Dec 1</b></p>` is found by `"Resets Dec 1"`):
/// Testing Library's `getByText`.
pub fn by_text(root: &Element, text: &str) -> Option<Element> {
    let wanted = collapse(text);
    let mut found: Option<Element> = None;
    for el in query_all(root, "*") {
        if is_hidden(&el) || collapse(&el.text_content().unwrap_or_default()) != wanted {
            continue;
        }
        match &found {
            // A match inside the one found is closer to the text.
            Some(outer) if outer.contains(Some(&el)) => found = Some(el),
            // A match elsewhere comes after the first innermost one: done.
            Some(_) => break,
            None => found = Some(el),
        }
    }
    found
}

/// The element's text content, trimmed (what is inside it, hidden or not).
pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_owned()
}

/// The first element under `root` matching the CSS `selector`, for what
/// has no role or name of its own (a component's styling parts such as
/// `.lc-cost-badge__value`). `None` for no match or a selector the browser
/// rejects.
pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` matching the CSS `selector`, in document
/// order (empty for a selector the browser rejects).
pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The text of the first element under `root` matching `selector`, trimmed;
/// empty when there is none.
pub fn query_text(root: &Element, selector: &str) -> String {
    query(root, selector).map(|e| text(&e)).unwrap_or_default()
}

/// The element that has focus (`document.activeElement`), if any.
pub fn active_element() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}
