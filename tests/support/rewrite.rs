//! A wrapper around the page's `fetch` that edits the JSON of some answers,
//! only for answers no honest server gives (a hostile plan name, an unsafe
//! upgrade link): every situation the reference server can produce is
//! produced by it (`ws_drained`, `ws_extras`, the checkout). Used with
//! `#[path = "support/rewrite.rs"] mod rewrite;`.

use wasm_bindgen::JsValue;

/// While alive, every 200 answer whose URL ends with `suffix` has its JSON
/// `body` passed through `edit` (the body of a JS function of `body`);
/// the original `fetch` comes back on drop.
pub struct Rewrite {
    original: JsValue,
}

impl Rewrite {
    pub fn install(suffix: &str, edit: &str) -> Self {
        let window = js_sys::global();
        let original = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
        let edit = js_sys::Function::new_with_args("body", edit);
        let make = js_sys::Function::new_with_args(
            "original, suffix, edit",
            r#"return async function (...args) {
                const r = await original.apply(globalThis, args);
                if (!r.url.endsWith(suffix) || r.status !== 200) return r;
                const body = await r.json();
                edit(body);
                return new Response(JSON.stringify(body), { status: 200, headers: r.headers });
            };"#,
        );
        let wrapped = make
            .call3(&JsValue::NULL, &original, &suffix.into(), &edit)
            .unwrap();
        js_sys::Reflect::set(&window, &"fetch".into(), &wrapped).unwrap();
        Rewrite { original }
    }
}

impl Drop for Rewrite {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::set(&js_sys::global(), &"fetch".into(), &self.original);
    }
}
