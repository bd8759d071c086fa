//! Prices through the browser's `Intl.NumberFormat` with `style: "currency"`.
//!
//! The API sends money as whole minor units (`amount_minor`) plus an ISO 4217
//! code. How many minor digits a currency has (2 for USD, 0 for JPY, 3 for
//! KWD) is read from the formatter's own `resolvedOptions().maximumFractionDigits`,
//! so no table of currencies lives here.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use super::locales;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type MoneyFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<MoneyFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "NumberFormat")]
    fn format(this: &MoneyFormat, n: f64) -> String;
    #[wasm_bindgen(method, js_class = "NumberFormat", js_name = resolvedOptions)]
    fn resolved_options(this: &MoneyFormat) -> JsValue;
}

/// `amount_minor` of `currency` as the locale writes a price: "$39.00",
/// "39,00 $", "¥1,200". A currency code `Intl` refuses gives the plain
/// number and the code ("39.00 XYZ"), never a panic.
pub fn format_money(amount_minor: u64, currency: &str, locale: Option<&str>) -> String {
    if !cfg!(target_arch = "wasm32") {
        return plain_money(amount_minor, currency);
    }
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"style".into(), &"currency".into());
    let _ = Reflect::set(&opts, &"currency".into(), &JsValue::from_str(currency));
    let formatter = MoneyFormat::new(&locales(locale), &opts)
        .or_else(|_| MoneyFormat::new(&JsValue::UNDEFINED, &opts));
    match formatter {
        Ok(f) => {
            let digits = Reflect::get(&f.resolved_options(), &"maximumFractionDigits".into())
                .ok()
                .and_then(|d| d.as_f64())
                .unwrap_or(2.0)
                .clamp(0.0, 6.0);
            f.format(amount_minor as f64 / 10f64.powi(digits as i32))
        }
        // An unknown code: two minor digits, the usual case, and the code itself.
        Err(_) => plain_money(amount_minor, currency),
    }
}

fn plain_money(amount_minor: u64, currency: &str) -> String {
    format!(
        "{}.{:02} {currency}",
        amount_minor / 100,
        amount_minor % 100
    )
}
