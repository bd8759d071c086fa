use credits_core::{Action, PlansResponse, QuoteRequest, QuoteResponse};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;

use super::url::{encode_segment, join};
use super::ClientError;

/// Talks to the credits API: a base URL (e.g. `/api`) and, optionally, the
/// member's bearer token. Cheap to clone.
///
/// The token travels only in the `Authorization` header, never in a URL.
#[derive(Clone, PartialEq, Eq)]
pub struct CreditsClient {
    base_url: String,
    token: Option<String>,
}

impl std::fmt::Debug for CreditsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreditsClient")
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl CreditsClient {
    /// A client for the API under `base_url` (absolute, or relative to the page).
    pub fn new(base_url: impl Into<String>) -> Self {
        CreditsClient {
            base_url: base_url.into(),
            token: None,
        }
    }

    /// The same client, asking as the member this bearer token names.
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// `GET /v1/plans`.
    pub async fn plans(&self) -> Result<PlansResponse, ClientError> {
        let request = self.authorized(Request::get(&join(&self.base_url, "v1/plans")));
        let request = request
            .build()
            .map_err(|e| ClientError::Network(e.to_string()))?;
        decode(send(request).await?).await
    }

    /// `POST /v1/workspaces/{workspace}/quotes`: what each action would cost, in order.
    pub async fn quote(
        &self,
        workspace: &str,
        items: &[Action],
    ) -> Result<QuoteResponse, ClientError> {
        let path = format!("v1/workspaces/{}/quotes", encode_segment(workspace));
        let body = QuoteRequest {
            items: items.to_vec(),
        };
        let body = serde_json::to_string(&body).map_err(|e| ClientError::Decode(e.to_string()))?;
        let request = self
            .authorized(Request::post(&join(&self.base_url, &path)))
            .header("Content-Type", "application/json")
            .body(body)
            .map_err(|e| ClientError::Network(e.to_string()))?;
        let answer: QuoteResponse = decode(send(request).await?).await?;
        if answer.items.len() != items.len() {
            return Err(ClientError::Decode(format!(
                "items: asked for {} quotes, got {}",
                items.len(),
                answer.items.len()
            )));
        }
        Ok(answer)
    }

    fn authorized(&self, builder: RequestBuilder) -> RequestBuilder {
        let builder = builder.header("Accept", "application/json, application/problem+json");
        match &self.token {
            Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
            None => builder,
        }
    }
}

async fn send(request: Request) -> Result<Response, ClientError> {
    request
        .send()
        .await
        .map_err(|e| ClientError::Network(e.to_string()))
}

/// Checks the status before decoding: a non-2xx answer becomes `Http` with its
/// problem body (when it has a readable one), a 2xx body that is not the
/// expected JSON becomes `Decode`.
async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|e| ClientError::Network(e.to_string()))?;
    if !(200..300).contains(&status) {
        let problem = serde_json::from_str::<credits_core::Problem>(&text)
            .ok()
            .map(Box::new);
        return Err(ClientError::Http { status, problem });
    }
    serde_json::from_str(&text).map_err(|e| ClientError::Decode(e.to_string()))
}
