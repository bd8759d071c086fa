//! `CreditsClient`: who asks where, and how it waits and retries. The
//! endpoints are in `endpoints.rs`, the checkout stand-ins in `checkout.rs`.

use std::time::Duration;

use credits_core::BalanceResponse;

use super::header;
use super::RetryPolicy;

mod checkout;
mod endpoints;
mod requests;
mod usage;

/// Talks to the credits API: a base URL (e.g. `/api`), optionally the
/// member's bearer token and extra headers, and a [`RetryPolicy`]. Cheap to clone.
///
/// The token travels only in the `Authorization` header, never in a URL.
/// Every call times out, retries what may heal (network failures, 5xx, 429
/// with its `Retry-After`) and never retries other refusals.
#[derive(Clone, PartialEq, Eq)]
pub struct CreditsClient {
    base_url: String,
    token: Option<String>,
    headers: Vec<(String, String)>,
    /// The first header `with_token`/`with_header` refused; every request fails with it.
    refused_header: Option<String>,
    policy: RetryPolicy,
}

impl std::fmt::Debug for CreditsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreditsClient")
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field(
                "headers",
                &self.headers.iter().map(|h| &h.0).collect::<Vec<_>>(),
            )
            .field("policy", &self.policy)
            .finish()
    }
}

/// What `GET .../balance` gave: new figures, or "unchanged since your ETag".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BalanceAnswer {
    /// The figures, with the `ETag` to send next time, if the server sent one.
    Fresh {
        balance: Box<BalanceResponse>,
        etag: Option<String>,
    },
    /// 304: the figures the ETag names are still current.
    NotModified,
}

impl CreditsClient {
    /// A client for the API under `base_url` (absolute, or relative to the page).
    pub fn new(base_url: impl Into<String>) -> Self {
        CreditsClient {
            base_url: base_url.into(),
            token: None,
            headers: Vec::new(),
            refused_header: None,
            policy: RetryPolicy::default(),
        }
    }

    /// The same client, asking as the member this bearer token names.
    ///
    /// A token with a character a header cannot carry (CR, LF, NUL, other
    /// control characters, anything above U+00FF) is not kept: every request
    /// then fails with [`ClientError::InvalidHeader`] and sends nothing.
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        let token = token.into();
        if header::value_ok(&token) {
            self.token = Some(token);
        } else {
            self.token = None;
            self.refuse("Authorization");
        }
        self
    }

    /// The same client, sending one more header with every request (a tracing
    /// id, a tenant header, ...). A header of the same name is replaced.
    /// A name that is not an HTTP token or a value as [`Self::with_token`]
    /// refuses is not kept either, with the same error.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let (name, value) = (name.into(), value.into());
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        if header::name_ok(&name) && header::value_ok(&value) {
            self.headers.push((name, value));
        } else {
            self.refuse(&name);
        }
        self
    }

    fn refuse(&mut self, name: &str) {
        let shown = if header::name_ok(name) {
            name
        } else {
            "(unnamed)"
        };
        self.refused_header.get_or_insert_with(|| shown.to_owned());
    }

    /// The same client, with other timeout and retry rules.
    pub fn with_retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The same client, giving up on one try after `timeout`.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.policy.timeout = timeout;
        self
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The header `with_token`/`with_header` refused, if any: nothing may be sent.
    pub(crate) fn refused_header(&self) -> Option<String> {
        self.refused_header.clone()
    }

    pub fn retry_policy(&self) -> RetryPolicy {
        self.policy
    }

    /// A fingerprint of who asks where (base URL, token, headers) for cache
    /// keys, so a cache never holds the token itself. FNV-1a, stable across runs.
    pub fn identity(&self) -> u64 {
        let mut hash = 0xcbf2_9ce4_8422_2325u64;
        let mut eat = |s: &str| {
            for b in s.bytes().chain([0xff]) {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        eat(&self.base_url);
        eat(self.token.as_deref().unwrap_or("\u{0}none"));
        for (n, v) in &self.headers {
            eat(&n.to_ascii_lowercase());
            eat(v);
        }
        hash
    }
}

#[cfg(test)]
#[path = "client_tests.rs"]
mod tests;
