//! Rich properties from plain JS objects, through serde-wasm-bindgen.

use leptos_credits::{CreditAction, CreditsText};
use wasm_bindgen::JsValue;

/// An action object as the API spells it.
pub fn action(value: &JsValue) -> Result<CreditAction, String> {
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| e.to_string())
}

/// A catalogue object (English for each key it leaves out); `None` for
/// `null` or `undefined`, which means English.
pub fn text(value: &JsValue) -> Result<Option<CreditsText>, String> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    serde_wasm_bindgen::from_value(value.clone())
        .map(Some)
        .map_err(|e| e.to_string())
}

/// An attribute read as a number (`next-cost`, `page-size`); `None` when
/// absent or not a whole number.
pub fn number<T: std::str::FromStr>(attribute: Option<String>) -> Option<T> {
    attribute.and_then(|a| a.trim().parse().ok())
}
