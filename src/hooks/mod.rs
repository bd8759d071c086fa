//! Hooks that keep components thin: they turn the API into signals.

mod use_quote;

pub use use_quote::{use_quote, QuoteHandle, QuoteState};
