//! The catalogues shipped with the crate, as JSON for [`CreditsText::from_json`].
//! English is [`CreditsText::ENGLISH`]; `locales/en.json` is the same words
//! for translators to start from.
//!
//! ```no_run
//! # use leptos_credits::{locales, CreditsText};
//! let german = CreditsText::from_json(locales::GERMAN).unwrap_or_default();
//! ```
//!
//! [`CreditsText::from_json`]: crate::CreditsText::from_json
//! [`CreditsText::ENGLISH`]: crate::CreditsText::ENGLISH

/// German (`de`), "Sie" form.
pub const GERMAN: &str = include_str!("../locales/de.json");
/// Arabic (`ar`), right to left, with all six plural forms.
pub const ARABIC: &str = include_str!("../locales/ar.json");
