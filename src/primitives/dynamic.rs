//! A part of a view that is drawn again when what it reads changes, as a
//! `move || ...` child is, compiled once for every such part of the crate.

use leptos::prelude::*;

/// What [`dynamic`] gives: render it as a child (`{dynamic(...)}`).
pub type Dynamic = Box<dyn FnMut() -> AnyView + Send>;

/// `f` as a reactive child. Leptos compiles a reactive child's build and
/// rebuild once per closure type (about 2.5 KB of wasm each); behind one
/// boxed type they are compiled once, and `f`'s own body is all that differs.
pub fn dynamic(f: impl FnMut() -> AnyView + Send + 'static) -> Dynamic {
    Box::new(f)
}
