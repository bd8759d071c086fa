//! Hooks that keep components thin: they turn the API into signals.

mod checkout;
mod debounce;
mod fetched;
mod quote_cache;
mod quote_driver;
mod quote_loader;
mod requests;
mod use_quote;
mod use_quotes;

pub use checkout::{use_checkout, CheckoutHandle, CheckoutState, Order};
pub(crate) use fetched::use_fetched;
pub use fetched::Loaded;
pub use quote_loader::QuoteLoader;
pub use requests::{
    use_ask, use_credit_requests, use_decline, CreditRequestsHandle, SendHandle, SendState,
};
pub use use_quote::{use_quote, QuoteHandle, QuoteState};
pub use use_quotes::{use_quotes, QuotesHandle, QuotesState};
