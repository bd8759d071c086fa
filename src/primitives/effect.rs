//! `Effect::new` compiled once for every effect of the crate.

use leptos::prelude::*;

/// Runs `f` in the browser (after hydration, never on the server) and again
/// whenever a signal it read changes, as `Effect::new` does. State from one
/// run to the next lives in `f`'s own captures.
///
/// Leptos compiles `Effect::new`'s scheduling loop once per closure type,
/// about 1.4 KB of wasm each; behind one boxed type it is compiled once.
pub fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}
