//! Lists of names through the browser's `Intl.ListFormat`: "Jonas or Ari".

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::locales;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = ListFormat)]
    type ListFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "ListFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<ListFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "ListFormat", catch)]
    fn format(this: &ListFormat, list: &Array) -> Result<String, JsValue>;
}

/// `names` as alternatives in the locale's words: "Jonas Weber or Ari",
/// "Jonas Weber oder Ari". Joined with ", " if `Intl.ListFormat` is missing.
pub fn format_list_or(names: &[String], locale: Option<&str>) -> String {
    format_list(names, locale, "disjunction")
}

/// `names` all together: "Jonas Weber and Ari", "Jonas Weber und Ari".
pub fn format_list_and(names: &[String], locale: Option<&str>) -> String {
    format_list(names, locale, "conjunction")
}

fn format_list(names: &[String], locale: Option<&str>, kind: &str) -> String {
    if !cfg!(target_arch = "wasm32") {
        return names.join(", ");
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"type".into(), &kind.into());
    let formatter = ListFormat::new(&locales(locale), &options)
        .or_else(|_| ListFormat::new(&JsValue::UNDEFINED, &options));
    let list: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
    formatter
        .and_then(|f| f.format(&list))
        .unwrap_or_else(|_| names.join(", "))
}
