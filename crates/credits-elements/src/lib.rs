//! The leptos-credits components as custom elements (`<credits-provider>`,
//! `<credits-cost-badge>`, ...), for hosts built with React, Vue or plain
//! HTML. Each element mounts the same Leptos component into itself (light
//! DOM); `js/index.js` defines the elements and calls in here. `cargo xtask
//! package-js` builds the npm package.
//!
//! Nothing here throws into JS: a property of the wrong shape is answered
//! with a `credits-error` event and a visible message.

pub mod spec;

#[cfg(target_arch = "wasm32")]
mod decode;
#[cfg(target_arch = "wasm32")]
mod events;
#[cfg(target_arch = "wasm32")]
mod provider;
#[cfg(target_arch = "wasm32")]
mod surface;
#[cfg(target_arch = "wasm32")]
mod views;

#[cfg(target_arch = "wasm32")]
pub use provider::ProviderMount;
#[cfg(target_arch = "wasm32")]
pub use surface::SurfaceMount;

/// The element table, as JSON, for the shim's `customElements.define` calls.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = elementSpec)]
pub fn element_spec() -> String {
    spec::shim_json()
}
