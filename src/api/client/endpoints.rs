//! The API's endpoints on `CreditsClient`, and how each request is built and sent.

use credits_core::quote::MAX_QUOTE_ITEMS;
use credits_core::{
    Action as CreditAction, BalanceResponse, GenerationResponse, PlansResponse, QuoteRequest,
    QuoteResponse,
};
use web_sys::AbortSignal;

use super::{BalanceAnswer, CreditsClient};
use crate::api::decode::{decode, decode_quotes, error_for};
use crate::api::request::Outgoing;
use crate::api::transport::{self, Answer};
use crate::api::url::{encode_segment, join};
use crate::api::{ClientError, RetryPolicy};

impl CreditsClient {
    /// `GET /v1/plans`.
    pub async fn plans(&self) -> Result<PlansResponse, ClientError> {
        let url = join(&self.base_url, "v1/plans");
        let answer = self.send(self.common(Outgoing::get(&url)), None).await?;
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
            .send(self.common(Outgoing::post(&url, &body)), abort)
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
        let request = self.common(Outgoing::get(&url));
        let request = match etag {
            Some(tag) => request.header("If-None-Match", tag),
            None => request,
        };
        let answer = self.send(request, abort).await?;
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
        self.post_keyed(workspace, "generations", to_json(action)?, idempotency_key)
            .await
    }

    /// `POST /v1/workspaces/{workspace}/{endpoint}` with `body` as JSON and an
    /// `Idempotency-Key`: the 2xx answer decoded, or the error its problem calls for.
    /// `body` arrives written, so one copy of this (per answer type) serves
    /// every request body: the checkout's four calls share it.
    pub(super) async fn post_keyed<R: serde::de::DeserializeOwned>(
        &self,
        workspace: &str,
        endpoint: &str,
        body: String,
        idempotency_key: &str,
    ) -> Result<R, ClientError> {
        self.post_keyed_with(workspace, endpoint, body, idempotency_key, self.policy)
            .await
    }

    /// [`Self::post_keyed`] under `policy` (e.g. one try, where a 429's wait
    /// is for the person to read rather than for the client to sit through).
    pub(super) async fn post_keyed_with<R: serde::de::DeserializeOwned>(
        &self,
        workspace: &str,
        endpoint: &str,
        body: String,
        idempotency_key: &str,
        policy: RetryPolicy,
    ) -> Result<R, ClientError> {
        let url = join(
            &self.base_url,
            &format!("v1/workspaces/{}/{endpoint}", encode_segment(workspace)),
        );
        let request = self
            .common(Outgoing::post(&url, &body))
            .header("Idempotency-Key", idempotency_key);
        if let Some(name) = &self.refused_header {
            return Err(ClientError::InvalidHeader { name: name.clone() });
        }
        let answer = transport::send(&request, &policy, None).await?;
        decode(&ok_body(answer)?)
    }

    /// `GET /v1/workspaces/{workspace}/{endpoint}`, decoded.
    pub(super) async fn get_json<R: serde::de::DeserializeOwned>(
        &self,
        workspace: &str,
        endpoint: &str,
    ) -> Result<R, ClientError> {
        let url = join(
            &self.base_url,
            &format!("v1/workspaces/{}/{endpoint}", encode_segment(workspace)),
        );
        let answer = self.send(self.common(Outgoing::get(&url)), None).await?;
        decode(&ok_body(answer)?)
    }

    pub(super) async fn send(
        &self,
        request: Outgoing<'_>,
        abort: Option<&AbortSignal>,
    ) -> Result<Answer, ClientError> {
        if let Some(name) = &self.refused_header {
            return Err(ClientError::InvalidHeader { name: name.clone() });
        }
        transport::send(&request, &self.policy, abort).await
    }

    /// The headers every request carries: what it accepts, the token, and the host's own.
    pub(super) fn common<'a>(&'a self, request: Outgoing<'a>) -> Outgoing<'a> {
        self.authorized(request.header("Accept", "application/json, application/problem+json"))
    }

    /// The token and the host's headers.
    pub(crate) fn authorized<'a>(&'a self, mut request: Outgoing<'a>) -> Outgoing<'a> {
        if let Some(token) = &self.token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        for (name, value) in &self.headers {
            request = request.header(name, value.as_str());
        }
        request
    }
}

/// The body of a 2xx answer, or the error its status and problem call for.
pub(super) fn ok_body(answer: Answer) -> Result<String, ClientError> {
    if (200..300).contains(&answer.status) {
        Ok(answer.body)
    } else {
        Err(error_for(answer.status, &answer.body))
    }
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ClientError> {
    serde_json::to_string(value).map_err(|e| ClientError::Decode {
        field: String::new(),
        message: format!("the request could not be written: {e}"),
    })
}
