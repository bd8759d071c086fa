use std::time::Duration;

use credits_core::quote::MAX_QUOTE_ITEMS;
use credits_core::{
    Action as CreditAction, BalanceResponse, GenerationResponse, PlansResponse, QuoteRequest,
    QuoteResponse, UsageResponse,
};
use gloo_net::http::{Request, RequestBuilder};
use web_sys::AbortSignal;

use super::decode::{decode, decode_quotes, error_for};
use super::header;
use super::transport::{self, Answer};
use super::url::{encode_segment, join};
use super::{ClientError, RetryPolicy};

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

    /// `GET /v1/plans`.
    pub async fn plans(&self) -> Result<PlansResponse, ClientError> {
        let url = join(&self.base_url, "v1/plans");
        let answer = self.send(|s| self.get(&url, s).build(), None).await?;
        decode(&ok_body(answer)?)
    }

    /// `POST /v1/workspaces/{workspace}/quotes`: what each action would cost,
    /// in order. More than 32 actions go out as several requests.
    pub async fn quote(
        &self,
        workspace: &str,
        items: &[CreditAction],
    ) -> Result<QuoteResponse, ClientError> {
        self.quote_abortable(workspace, items, None).await
    }

    /// [`CreditsClient::quote`] that `abort` cancels (then it fails with `Aborted`).
    pub async fn quote_abortable(
        &self,
        workspace: &str,
        items: &[CreditAction],
        abort: Option<&AbortSignal>,
    ) -> Result<QuoteResponse, ClientError> {
        // Chunks go one after another: more than 32 actions at once is rare,
        // and futures::try_join_all costs 5 KB of wasm.
        let mut answers = Vec::new();
        for chunk in items.chunks(MAX_QUOTE_ITEMS) {
            answers.push(self.quote_chunk(workspace, chunk, abort).await?);
        }
        let mut answers = answers.into_iter();
        let mut all = answers.next().unwrap_or_else(|| QuoteResponse {
            items: Vec::new(),
            balance: 0,
            price_book: String::new(),
        });
        for more in answers {
            all.items.extend(more.items);
            all.balance = more.balance;
        }
        Ok(all)
    }

    async fn quote_chunk(
        &self,
        workspace: &str,
        items: &[CreditAction],
        abort: Option<&AbortSignal>,
    ) -> Result<QuoteResponse, ClientError> {
        let url = join(
            &self.base_url,
            &format!("v1/workspaces/{}/quotes", encode_segment(workspace)),
        );
        let body = to_json(&QuoteRequest {
            items: items.to_vec(),
        })?;
        let answer = self
            .send(|s| self.post(&url, s).body(body.as_str()), abort)
            .await?;
        decode_quotes(&ok_body(answer)?, items.len())
    }

    /// `GET /v1/workspaces/{workspace}/balance`, revalidating `etag` when given
    /// (`If-None-Match`; a 304 gives [`BalanceAnswer::NotModified`]).
    pub async fn balance(
        &self,
        workspace: &str,
        etag: Option<&str>,
        abort: Option<&AbortSignal>,
    ) -> Result<BalanceAnswer, ClientError> {
        let url = join(
            &self.base_url,
            &format!("v1/workspaces/{}/balance", encode_segment(workspace)),
        );
        let build = |s: Option<&AbortSignal>| {
            let builder = self.get(&url, s);
            match etag {
                Some(tag) => builder.header("If-None-Match", tag),
                None => builder,
            }
            .build()
        };
        let answer = self.send(build, abort).await?;
        if answer.status == 304 && etag.is_some() {
            return Ok(BalanceAnswer::NotModified);
        }
        let etag = answer.etag.clone();
        let balance: BalanceResponse = decode(&ok_body(answer)?)?;
        Ok(BalanceAnswer::Fresh {
            balance: Box::new(balance),
            etag,
        })
    }

    /// `POST /v1/workspaces/{workspace}/generations`: spends credits for `action`.
    ///
    /// `idempotency_key` makes retries safe: the server charges a key once.
    /// Use a fresh [`new_idempotency_key`] per person's action.
    pub async fn generate(
        &self,
        workspace: &str,
        action: &CreditAction,
        idempotency_key: &str,
    ) -> Result<GenerationResponse, ClientError> {
        let url = join(
            &self.base_url,
            &format!("v1/workspaces/{}/generations", encode_segment(workspace)),
        );
        let body = to_json(action)?;
        let build = |s: Option<&AbortSignal>| {
            self.post(&url, s)
                .header("Idempotency-Key", idempotency_key)
                .body(body.as_str())
        };
        let answer = self.send(build, None).await?;
        decode(&ok_body(answer)?)
    }

    /// `GET /v1/workspaces/{workspace}/usage`: one page of spend history, newest first.
    pub async fn usage(
        &self,
        workspace: &str,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<UsageResponse, ClientError> {
        let mut path = format!(
            "v1/workspaces/{}/usage?limit={limit}",
            encode_segment(workspace)
        );
        if let Some(c) = cursor {
            path.push_str(&format!("&cursor={}", encode_segment(c)));
        }
        let url = join(&self.base_url, &path);
        let answer = self.send(|s| self.get(&url, s).build(), None).await?;
        decode(&ok_body(answer)?)
    }

    async fn send(
        &self,
        build: impl Fn(Option<&AbortSignal>) -> Result<Request, gloo_net::Error>,
        abort: Option<&AbortSignal>,
    ) -> Result<Answer, ClientError> {
        if let Some(name) = &self.refused_header {
            return Err(ClientError::InvalidHeader { name: name.clone() });
        }
        transport::send(build, &self.policy, abort).await
    }

    fn get(&self, url: &str, signal: Option<&AbortSignal>) -> RequestBuilder {
        self.common(Request::get(url), signal)
    }

    fn post(&self, url: &str, signal: Option<&AbortSignal>) -> RequestBuilder {
        self.common(Request::post(url), signal)
            .header("Content-Type", "application/json")
    }

    fn common(&self, builder: RequestBuilder, signal: Option<&AbortSignal>) -> RequestBuilder {
        let builder = builder
            .header("Accept", "application/json, application/problem+json")
            .abort_signal(signal);
        let builder = match &self.token {
            Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
            None => builder,
        };
        transport::with_headers(
            builder,
            self.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        )
    }
}

/// The body of a 2xx answer, or the error its status and problem call for.
fn ok_body(answer: Answer) -> Result<String, ClientError> {
    if (200..300).contains(&answer.status) {
        Ok(answer.body)
    } else {
        Err(error_for(answer.status, &answer.body))
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ClientError> {
    serde_json::to_string(value).map_err(|e| ClientError::Decode {
        field: String::new(),
        message: format!("the request could not be written: {e}"),
    })
}

/// A fresh `Idempotency-Key`: the browser's `crypto.randomUUID()`, or, where
/// that is missing (an insecure page), 128 random bits from `Math.random`.
pub fn new_idempotency_key() -> String {
    if !cfg!(target_arch = "wasm32") {
        return native_key();
    }
    let from_crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .filter(|c| js_sys::Reflect::get(c, &"randomUUID".into()).is_ok_and(|f| f.is_function()))
        .map(|c| c.random_uuid());
    from_crypto.unwrap_or_else(|| {
        (0..4)
            .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
            .collect()
    })
}

/// A native build has no `crypto.randomUUID`: 128 bits from the clock and a
/// counter are unique enough there, where no request is ever sent.
fn native_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    format!("{:016x}{n:016x}", crate::primitives::now_ms() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_tells_members_apart_without_holding_the_token() {
        let a = CreditsClient::new("/api").with_token("tok_a");
        let b = CreditsClient::new("/api").with_token("tok_b");
        assert_ne!(a.identity(), b.identity());
        assert_eq!(
            a.identity(),
            a.clone().with_timeout(Duration::from_secs(1)).identity()
        );
        assert_ne!(
            a.identity(),
            a.clone().with_header("X-Test-Client", "1").identity()
        );
        assert!(!format!("{a:?}").contains("tok_a"));
    }

    /// Issue 11.7: such a token made gloo throw a JS exception out of Rust.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_token_or_header_http_cannot_carry_is_refused_with_a_typed_error() {
        let refused = |c: CreditsClient| {
            futures::executor::block_on(c.plans())
                .map(|_| ())
                .unwrap_err()
        };
        for token in [
            "tok\r\nX-Evil: 1",
            "tok\n",
            "tok\0",
            "tok\u{7f}",
            "tök\u{100}",
            "tok€",
        ] {
            let c = CreditsClient::new("/api").with_token(token);
            assert_eq!(c.token, None, "{token:?}");
            assert_eq!(
                refused(c),
                ClientError::InvalidHeader {
                    name: "Authorization".into()
                },
                "{token:?}"
            );
        }
        let c = CreditsClient::new("/api").with_header("X-Trace", "a\rb");
        assert_eq!(
            refused(c),
            ClientError::InvalidHeader {
                name: "X-Trace".into()
            }
        );
        let c = CreditsClient::new("/api").with_header("X Trace\n", "1");
        assert_eq!(
            refused(c),
            ClientError::InvalidHeader {
                name: "(unnamed)".into()
            }
        );
        // Latin-1 and tabs are legal header text: not refused as a header
        // (natively the request stops at the browser-only check instead).
        let fine = CreditsClient::new("/api").with_token("tok_\u{e9}\tx");
        assert_eq!(refused(fine), ClientError::NotInBrowser);
    }

    #[test]
    fn a_header_of_the_same_name_is_replaced() {
        let c = CreditsClient::new("/api")
            .with_header("X-Trace", "1")
            .with_header("x-trace", "2");
        assert_eq!(c.headers, vec![("x-trace".to_owned(), "2".to_owned())]);
    }
}
