//! Checks any modal surface shares: Tab and Shift+Tab go round inside it.

use leptos_credits::testing::{active_element, focus, press, press_with, Modifiers};
use web_sys::Element;

/// With focus on `last`, Tab goes to `first`; from there Shift+Tab goes back to `last`.
pub fn tab_goes_round(first: &Element, last: &Element) {
    focus(last).expect("the last element takes focus");
    press("Tab").expect("Tab is pressed");
    assert_eq!(
        active_element().as_ref(),
        Some(first),
        "Tab from the last wraps to the first"
    );
    let shift = Modifiers {
        shift: true,
        ..Modifiers::default()
    };
    press_with("Tab", shift).expect("Shift+Tab is pressed");
    assert_eq!(
        active_element().as_ref(),
        Some(last),
        "Shift+Tab from the first wraps to the last"
    );
}
