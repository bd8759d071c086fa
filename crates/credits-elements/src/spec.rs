//! The elements' public shape: tags, attributes, properties and events.
//! The JS shim defines the elements from [`shim_json`], and `cargo xtask
//! package-js` writes `index.d.ts` from [`typescript`], so the two cannot
//! disagree. Pure data: xtask includes this file natively.

/// How an attribute's text is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Text,
    Number,
    /// Present or absent (`hide-cost`, `busy`).
    Flag,
}

pub struct Attribute {
    /// As written in HTML; the property is its camelCase form.
    pub name: &'static str,
    pub kind: Kind,
    /// Read while mounted (`true`), or read when the element mounts, so a
    /// change mounts the surface again (`false`).
    pub live: bool,
    pub doc: &'static str,
}

pub struct Property {
    pub name: &'static str,
    /// Its TypeScript type.
    pub ts: &'static str,
    pub doc: &'static str,
}

pub struct Event {
    pub name: &'static str,
    /// The TypeScript type of `event.detail`.
    pub detail: &'static str,
    /// `event.preventDefault()` stops what the element does next.
    pub cancelable: bool,
    pub doc: &'static str,
}

pub struct Element {
    pub tag: &'static str,
    /// The TypeScript interface name.
    pub interface: &'static str,
    pub doc: &'static str,
    pub attributes: &'static [Attribute],
    pub properties: &'static [Property],
    pub events: &'static [Event],
}

#[path = "spec_table.rs"]
mod table;
pub use table::ELEMENTS;

/// The element named `tag`.
pub fn element(tag: &str) -> Option<&'static Element> {
    ELEMENTS.iter().find(|e| e.tag == tag)
}

/// `page-size` → `pageSize`.
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// What the JS shim needs: `[{"tag", "attributes": [{"name", "property", "kind", "live"}], "properties": [..]}]`.
pub fn shim_json() -> String {
    let elements: Vec<String> = ELEMENTS
        .iter()
        .map(|e| {
            let attributes: Vec<String> = e
                .attributes
                .iter()
                .map(|a| {
                    format!(
                        r#"{{"name":"{}","property":"{}","kind":"{}","live":{}}}"#,
                        a.name,
                        camel(a.name),
                        kind_word(a.kind),
                        a.live
                    )
                })
                .collect();
            let properties: Vec<String> = e
                .properties
                .iter()
                .map(|p| format!(r#""{}""#, p.name))
                .collect();
            format!(
                r#"{{"tag":"{}","attributes":[{}],"properties":[{}]}}"#,
                e.tag,
                attributes.join(","),
                properties.join(",")
            )
        })
        .collect();
    format!("[{}]", elements.join(","))
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::Number => "number",
        Kind::Flag => "flag",
    }
}

#[path = "spec_ts.rs"]
mod ts;
pub use ts::typescript;
