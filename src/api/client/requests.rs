//! Credit requests on `CreditsClient` (docs/api.md, "Credit requests"): a
//! member asks the owners and admins (`POST .../requests`), anyone lists what
//! they may see (`GET .../requests`), an owner or admin declines
//! (`POST .../requests/{id}/decline`) or grants with a top-up or plan change
//! naming the request.

use credits_core::{
    CreditRequest, CreditRequestsResponse, DeclineCreditRequest, NewCreditRequest,
    PlanChangeRequest, PlanId, PurchaseResponse, TopUpRequest,
};

use super::endpoints::to_json;
use super::CreditsClient;
use crate::api::url::encode_segment;
use crate::api::{ClientError, RetryPolicy};

impl CreditsClient {
    /// `POST /v1/workspaces/{workspace}/requests`: asks for credits or a plan.
    /// Answers the request (a new one, or the member's pending one for the
    /// same thing). Tried once, whatever the retry policy: a 429
    /// (`ClientError::Server` with status 429, `too_many_requests`) says to
    /// wait, which is the person's to read. Retry with the same key.
    pub async fn ask_for_credits(
        &self,
        workspace: &str,
        ask: &NewCreditRequest,
        idempotency_key: &str,
    ) -> Result<CreditRequest, ClientError> {
        let once = RetryPolicy {
            attempts: 1,
            ..self.retry_policy()
        };
        self.post_keyed_with(workspace, "requests", to_json(ask)?, idempotency_key, once)
            .await
    }

    /// `GET /v1/workspaces/{workspace}/requests`: every request for an owner
    /// or admin, a member's own for a member; the newest 50, pending first.
    pub async fn credit_requests(
        &self,
        workspace: &str,
    ) -> Result<CreditRequestsResponse, ClientError> {
        self.get_json(workspace, "requests").await
    }

    /// `POST /v1/workspaces/{workspace}/requests/{id}/decline` with an optional note.
    pub async fn decline_request(
        &self,
        workspace: &str,
        id: &str,
        note: Option<String>,
        idempotency_key: &str,
    ) -> Result<CreditRequest, ClientError> {
        let endpoint = format!("requests/{}/decline", encode_segment(id));
        let body = to_json(&DeclineCreditRequest { note })?;
        self.post_keyed(workspace, &endpoint, body, idempotency_key)
            .await
    }

    /// `POST .../top-ups` naming `request`: buys `credits` and marks it granted,
    /// in one transaction (409 `request_answered` when answered already).
    pub async fn top_up_for_request(
        &self,
        workspace: &str,
        credits: u64,
        request: &str,
        idempotency_key: &str,
    ) -> Result<PurchaseResponse, ClientError> {
        let body = TopUpRequest {
            credits,
            request: Some(request.to_owned()),
        };
        self.post_keyed(workspace, "top-ups", to_json(&body)?, idempotency_key)
            .await
    }

    /// `POST .../plan` naming `request`, as [`CreditsClient::top_up_for_request`].
    pub async fn change_plan_for_request(
        &self,
        workspace: &str,
        plan: PlanId,
        request: &str,
        idempotency_key: &str,
    ) -> Result<PurchaseResponse, ClientError> {
        let body = PlanChangeRequest {
            plan,
            request: Some(request.to_owned()),
        };
        self.post_keyed(workspace, "plan", to_json(&body)?, idempotency_key)
            .await
    }
}
