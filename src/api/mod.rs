//! The credits API over HTTP: the client and its typed errors. No view code here.

mod client;
mod error;
mod url;

pub use client::CreditsClient;
pub use error::ClientError;
