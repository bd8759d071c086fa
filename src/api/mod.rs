//! The credits API over HTTP: the client, its retry rules, decoding and
//! typed errors. No view code here.

mod client;
pub mod decode;
mod error;
mod header;
mod idempotency;
pub mod json_path;
mod request;
pub mod retry;
mod stream;
mod transport;
mod url;

pub use client::{BalanceAnswer, CreditsClient};
pub use error::{ClientError, FeatureNotInPlan, InsufficientCredits};
pub use idempotency::new_idempotency_key;
pub use retry::RetryPolicy;
pub use stream::{EventStream, Opened};
pub(crate) use transport::{global_clear_timeout, global_set_timeout, sleep};
