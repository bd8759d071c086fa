//! Numbers and dates through the browser's `Intl`, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos_credits::intl::{
    format_count, format_date, format_day, format_in_days, plural_category,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEC_1_2026: i64 = 1_796_083_200;

#[wasm_bindgen_test]
fn dates_and_countdowns_follow_the_locale() {
    assert_eq!(format_day(DEC_1_2026, Some("en-US")), "Dec 1");
    assert_eq!(format_date(DEC_1_2026, Some("en-US")), "Dec 1, 2026");
    assert_eq!(format_day(DEC_1_2026, Some("de-DE")), "1. Dez.");
    assert_eq!(format_in_days(6, Some("en-US")), "in 6 days");
    assert_eq!(format_in_days(1, Some("en-US")), "tomorrow");
    assert_eq!(format_in_days(6, Some("fr-FR")), "dans 6 jours");
}

#[wasm_bindgen_test]
fn numbers_and_plurals_follow_the_locale() {
    assert_eq!(format_count(48_000, Some("en-US")), "48,000");
    assert_eq!(format_count(48_000, Some("de-DE")), "48.000");
    assert_eq!(plural_category(1, Some("en-US")), "one");
    assert_eq!(plural_category(3, Some("pl-PL")), "few");
}

#[wasm_bindgen_test]
fn a_malformed_locale_falls_back_instead_of_throwing() {
    // Regression guard: Intl constructors throw a RangeError for a bad tag.
    for bad in ["not a locale!!", "", "en_US@@"] {
        assert!(!format_count(1_600, Some(bad)).is_empty());
        assert!(!format_day(DEC_1_2026, Some(bad)).is_empty());
        assert!(!format_in_days(2, Some(bad)).is_empty());
        assert!(!plural_category(2, Some(bad)).is_empty());
    }
}
