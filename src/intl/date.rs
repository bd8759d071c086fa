//! Dates and countdowns through the browser's `Intl`: "Dec 1", "in 6 days",
//! "20:15". The constructors are bound with `catch`, so a malformed locale
//! tag falls back to the browser's default instead of throwing.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use super::locales;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<RelativeTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "RelativeTimeFormat")]
    fn format(this: &RelativeTimeFormat, value: f64, unit: &str) -> String;
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o.into()
}

fn date_with(epoch_s: i64, locale: Option<&str>, pairs: &[(&str, &str)]) -> String {
    if !cfg!(target_arch = "wasm32") {
        return epoch_s.to_string();
    }
    let opts = options(pairs);
    let formatter = DateTimeFormat::new(&locales(locale), &opts)
        .or_else(|_| DateTimeFormat::new(&JsValue::UNDEFINED, &opts));
    let date = js_sys::Date::new(&JsValue::from_f64(epoch_s as f64 * 1000.0));
    match formatter {
        Ok(f) => f.format(&date),
        Err(_) => String::new(),
    }
}

/// A day as the locale writes it briefly, in UTC like the API: "Dec 1", "1. Dez.".
pub fn format_day(epoch_s: i64, locale: Option<&str>) -> String {
    date_with(
        epoch_s,
        locale,
        &[("month", "short"), ("day", "numeric"), ("timeZone", "UTC")],
    )
}

/// A day with its year: "Dec 1, 2026".
pub fn format_date(epoch_s: i64, locale: Option<&str>) -> String {
    date_with(
        epoch_s,
        locale,
        &[
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
            ("timeZone", "UTC"),
        ],
    )
}

/// A moment in the person's own time zone, for "as of" stamps: "Nov 24, 20:15".
pub fn format_moment(epoch_s: i64, locale: Option<&str>) -> String {
    date_with(
        epoch_s,
        locale,
        &[
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "2-digit"),
        ],
    )
}

/// `days` from now in words: "in 6 days", "tomorrow", "today", "2 days ago".
pub fn format_in_days(days: i64, locale: Option<&str>) -> String {
    if !cfg!(target_arch = "wasm32") {
        return format!("{days:+} d");
    }
    let opts = options(&[("numeric", "auto")]);
    let formatter = RelativeTimeFormat::new(&locales(locale), &opts)
        .or_else(|_| RelativeTimeFormat::new(&JsValue::UNDEFINED, &opts));
    match formatter {
        Ok(f) => f.format(days as f64, "day"),
        Err(_) => String::new(),
    }
}
