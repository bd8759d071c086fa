//! When a live region may speak: after the person's own change, not after a
//! workspace switch or a refresh nobody asked for.

use leptos::prelude::*;

use super::effect;

/// `aria-live` for a region that follows `input`: `"off"` until the person
/// changes `input` (so the first answer on a page, and every answer after a
/// switch of `context`, changes the text silently), `"polite"` from then
/// until `context` changes again.
///
/// `input` is what the person sets (an action's settings); `context` is what
/// the host changes around them (member, workspace). Both are compared by
/// value, so a signal that fires with an equal value changes nothing.
pub fn use_politeness<I, C>(input: Signal<I>, context: Signal<C>) -> Signal<&'static str>
where
    I: PartialEq + Clone + Send + Sync + 'static,
    C: PartialEq + Clone + Send + Sync + 'static,
{
    let speaks = RwSignal::new(false);
    let mut input_before: Option<I> = None;
    effect(move || {
        let now = input.get();
        if input_before.as_ref().is_some_and(|b| *b != now) {
            speaks.set(true);
        }
        input_before = Some(now);
    });
    let mut context_before: Option<C> = None;
    effect(move || {
        let now = context.get();
        if context_before.as_ref().is_some_and(|b| *b != now) {
            speaks.set(false);
        }
        context_before = Some(now);
    });
    Signal::derive(move || if speaks.get() { "polite" } else { "off" })
}
