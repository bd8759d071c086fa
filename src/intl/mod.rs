//! Numbers through the browser's `Intl`, never hand-made formatting.
//!
//! The constructors are bound with `catch`, so a malformed locale tag from
//! the host falls back to the browser's default locale instead of throwing.
//! A native build (server rendering) has no `Intl`: there each function gives
//! a plain fallback, so nothing panics, though components never format a
//! number on the server (they render their loading state there).

mod date;
mod list;
mod money;

use wasm_bindgen::prelude::*;

pub use date::{format_date, format_day, format_in_days, format_moment};
pub use list::{format_list_and, format_list_or};
pub use money::format_money;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locales: &JsValue) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "NumberFormat")]
    fn format(this: &NumberFormat, n: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locales: &JsValue) -> Result<PluralRules, JsValue>;
    #[wasm_bindgen(method, js_class = "PluralRules")]
    fn select(this: &PluralRules, n: f64) -> String;
}

fn locales(locale: Option<&str>) -> JsValue {
    locale.map(JsValue::from_str).unwrap_or(JsValue::UNDEFINED)
}

/// `n` grouped and written as the locale writes whole numbers ("1,600", "1 600", "1.600").
pub fn format_count(n: u64, locale: Option<&str>) -> String {
    if !cfg!(target_arch = "wasm32") {
        return n.to_string();
    }
    let formatter =
        NumberFormat::new(&locales(locale)).or_else(|_| NumberFormat::new(&JsValue::UNDEFINED));
    match formatter {
        Ok(f) => f.format(n as f64),
        Err(_) => n.to_string(),
    }
}

/// The plural category (`one`, `other`, `few`, ...) of `n` in the locale.
pub fn plural_category(n: u64, locale: Option<&str>) -> String {
    if !cfg!(target_arch = "wasm32") {
        return if n == 1 { "one" } else { "other" }.to_owned();
    }
    let rules =
        PluralRules::new(&locales(locale)).or_else(|_| PluralRules::new(&JsValue::UNDEFINED));
    match rules {
        Ok(r) => r.select(n as f64),
        Err(_) => "other".to_owned(),
    }
}
