//! Roles and accessible names, as assistive technology (and Testing
//! Library's `getByRole`) reads them: a simplified WAI-ARIA / HTML-AAM and
//! accname computation that covers what components usually render.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// Roles whose name may come from their content (button text, link text,
/// heading text...). Others (dialog, status, region, table...) are named
/// only by `aria-labelledby`, `aria-label`, their native label or `title`.
const NAMED_FROM_CONTENT: &[&str] = &[
    "button",
    "cell",
    "checkbox",
    "columnheader",
    "gridcell",
    "heading",
    "link",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "radio",
    "row",
    "rowheader",
    "switch",
    "tab",
    "tooltip",
    "treeitem",
];

/// What makes an element and everything in it hidden from a person and
/// from assistive technology.
const HIDDEN: &str = "[hidden], [aria-hidden=\"true\"], dialog:not([open]), \
    details:not([open]) > :not(summary), [style*=\"display: none\"], \
    [style*=\"display:none\"], [style*=\"visibility: hidden\"]";

/// The element's role: the first token of its `role` attribute, else the
/// implicit role of its tag (`None` for `role="none"`/`"presentation"` and
/// for elements without one, such as `div` and `span`).
///
/// Implicit roles: `button` (also `input` of type button, submit, reset,
/// image), `link` (`a` or `area` with `href`), `heading` (`h1`-`h6`),
/// `dialog`, `table`, `row`, `cell`, `columnheader`/`rowheader` (`th`,
/// by `scope`), `rowgroup`, `list`/`listitem`, `img` (`img` unless
/// `alt=""`), `textbox`, `searchbox`, `spinbutton`, `slider`, `checkbox`,
/// `radio`, `combobox`/`listbox` (`select`), `option`, `progressbar`
/// (`progress`), `meter`, `status` (`output`), `navigation`, `main`,
/// `complementary`, `form`, `article`, `region` (`section` with a name),
/// `group` (`fieldset`, `details`), `separator` (`hr`), `paragraph`.
pub fn role_of(el: &Element) -> Option<String> {
    if let Some(explicit) = el.get_attribute("role") {
        let first = explicit.split_whitespace().next().unwrap_or("");
        return match first.to_ascii_lowercase().as_str() {
            "" => implicit_role(el).map(str::to_owned),
            "none" | "presentation" => None,
            role => Some(role.to_owned()),
        };
    }
    implicit_role(el).map(str::to_owned)
}

fn implicit_role(el: &Element) -> Option<&'static str> {
    let attr = |name: &str| el.get_attribute(name);
    let role = match el.tag_name().to_ascii_lowercase().as_str() {
        "button" => "button",
        "a" | "area" if el.has_attribute("href") => "link",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
        "dialog" => "dialog",
        "table" => "table",
        "tr" => "row",
        "td" => "cell",
        "th" if attr("scope").as_deref() == Some("row") => "rowheader",
        "th" => "columnheader",
        "thead" | "tbody" | "tfoot" => "rowgroup",
        "ul" | "ol" | "menu" => "list",
        "li" => "listitem",
        "img" if attr("alt").as_deref() == Some("") => return None,
        "img" => "img",
        "input" => return input_role(el),
        "textarea" => "textbox",
        "select" if el.has_attribute("multiple") => "listbox",
        "select" => match attr("size").and_then(|s| s.parse::<u32>().ok()) {
            Some(size) if size > 1 => "listbox",
            _ => "combobox",
        },
        "option" => "option",
        "progress" => "progressbar",
        "meter" => "meter",
        "output" => "status",
        "nav" => "navigation",
        "main" => "main",
        "aside" => "complementary",
        "form" => "form",
        "article" => "article",
        "section" if el.has_attribute("aria-label") || el.has_attribute("aria-labelledby") => {
            "region"
        }
        "fieldset" | "details" => "group",
        "hr" => "separator",
        "p" => "paragraph",
        _ => return None,
    };
    Some(role)
}

fn input_role(el: &Element) -> Option<&'static str> {
    let kind = el.get_attribute("type").unwrap_or_default();
    let role = match kind.to_ascii_lowercase().as_str() {
        "button" | "submit" | "reset" | "image" => "button",
        "checkbox" => "checkbox",
        "radio" => "radio",
        "range" => "slider",
        "number" => "spinbutton",
        "search" if !el.has_attribute("list") => "searchbox",
        "" | "text" | "email" | "tel" | "url" | "search" if el.has_attribute("list") => "combobox",
        "" | "text" | "email" | "tel" | "url" => "textbox",
        _ => return None,
    };
    Some(role)
}

/// Whether the element is hidden from people and assistive technology by
/// markup: itself or an ancestor is `hidden`, `aria-hidden="true"`, a closed
/// `<dialog>` or `<details>`, or styled `display: none` / `visibility: hidden`
/// inline. (Stylesheets are not consulted.)
pub fn is_hidden(el: &Element) -> bool {
    matches!(el.closest(HIDDEN), Ok(Some(_)))
}

/// The element's accessible name, whitespace collapsed: `aria-labelledby`
/// (the referenced elements' text, in order), else `aria-label`, else the
/// native label (`alt` of an image, the value of an input button, the
/// `<label>` of a form field, a table's `<caption>`, a fieldset's
/// `<legend>`), else its text content when its role takes a name from
/// content (see [`role_of`]), else `title`, else a field's `placeholder`.
pub fn accessible_name(el: &Element) -> String {
    collapse(&name(el))
}

fn name(el: &Element) -> String {
    if let Some(ids) = el.get_attribute("aria-labelledby") {
        let document = el.owner_document();
        let parts: Vec<String> = ids
            .split_whitespace()
            .filter_map(|id| document.as_ref()?.get_element_by_id(id))
            .map(|label| content(&label))
            .collect();
        if !parts.is_empty() {
            return parts.join(" ");
        }
    }
    if let Some(label) = nonblank(el.get_attribute("aria-label")) {
        return label;
    }
    if let Some(native) = native_name(el) {
        return native;
    }
    let from_content = role_of(el).is_some_and(|r| NAMED_FROM_CONTENT.contains(&r.as_str()));
    if from_content {
        if let Some(text) = nonblank(Some(content(el))) {
            return text;
        }
    }
    nonblank(el.get_attribute("title"))
        .or_else(|| nonblank(el.get_attribute("placeholder")))
        .unwrap_or_default()
}

fn native_name(el: &Element) -> Option<String> {
    let tag = el.tag_name().to_ascii_lowercase();
    let child_text = |selector: &str| {
        let child = el.query_selector(selector).ok()??;
        nonblank(Some(content(&child)))
    };
    match tag.as_str() {
        "img" | "area" => nonblank(el.get_attribute("alt")),
        "input" if matches!(input_role(el), Some("button")) => nonblank(el.get_attribute("value"))
            .or_else(|| nonblank(el.get_attribute("alt")))
            .or_else(|| match el.get_attribute("type").as_deref() {
                Some("submit") => Some("Submit".to_owned()),
                Some("reset") => Some("Reset".to_owned()),
                _ => None,
            }),
        "input" | "select" | "textarea" => label_of(el),
        "table" => child_text(":scope > caption"),
        "fieldset" => child_text(":scope > legend"),
        "figure" => child_text(":scope > figcaption"),
        _ => None,
    }
}

/// The text of the `<label for=id>` elements of a field, or of the label around it.
fn label_of(el: &Element) -> Option<String> {
    let mut parts = Vec::new();
    if let (Some(document), id) = (el.owner_document(), el.id()) {
        if !id.is_empty() {
            if let Ok(labels) = document.query_selector_all("label[for]") {
                for node in (0..labels.length()).filter_map(|i| labels.item(i)) {
                    match node.dyn_into::<Element>() {
                        Ok(l) if l.get_attribute("for").as_deref() == Some(id.as_str()) => {
                            parts.push(content(&l))
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    if let Ok(Some(around)) = el.closest("label") {
        parts.push(content(&around));
    }
    nonblank(Some(parts.join(" ")))
}

/// The text a person reads in `el`: text nodes in order, skipping hidden
/// descendants, using a descendant's `aria-label` or an image's `alt`
/// instead of its content.
pub(crate) fn content(el: &Element) -> String {
    let mut out = String::new();
    let children = el.child_nodes();
    for node in (0..children.length()).filter_map(|i| children.item(i)) {
        match node.node_type() {
            Node::TEXT_NODE => out.push_str(&node.text_content().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let Ok(child) = node.dyn_into::<Element>() else {
                    continue;
                };
                // Ancestors were checked on the way down (or are the label itself).
                if child.matches(HIDDEN).unwrap_or(false) {
                    continue;
                }
                let tag = child.tag_name().to_ascii_lowercase();
                if let Some(label) = nonblank(child.get_attribute("aria-label")) {
                    out.push_str(&label);
                } else if tag == "img" {
                    out.push_str(&child.get_attribute("alt").unwrap_or_default());
                } else if !matches!(tag.as_str(), "script" | "style" | "template") {
                    out.push_str(&content(&child));
                }
            }
            _ => {}
        }
    }
    out
}

/// Trims and collapses every run of white space to one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonblank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}
