//! Roles, as assistive technology (and Testing Library's `getByRole`)
//! reads them: the `role` attribute, else a simplified HTML-AAM mapping of
//! the elements components usually render; and what is hidden from them.

use web_sys::Element;

/// What makes an element and everything in it hidden from a person and
/// from assistive technology.
pub(super) const HIDDEN: &str = "[hidden], [aria-hidden=\"true\"], dialog:not([open]), \
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

pub(super) fn input_role(el: &Element) -> Option<&'static str> {
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
