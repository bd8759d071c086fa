//! The checkout stand-ins on `CreditsClient`: `POST .../top-ups`, `.../plan`,
//! `.../renewal` and `.../payment-method` (docs/api.md, "The checkout stand-ins").
//!
//! Each needs an owner or admin and an `Idempotency-Key`, and answers 201 with
//! a [`PurchaseResponse`]. Refusals come out as [`ClientError::Refused`] with
//! the problem's `code`: 403 `role_not_allowed`, 409 `idempotency_conflict`,
//! `plan_unchanged`, `subscription_not_active`, `not_expired`, `not_past_due`,
//! and 422s naming the field at fault.

use credits_core::{PlanChangeRequest, PlanId, PurchaseResponse, TopUpRequest};

use super::endpoints::to_json;
use super::CreditsClient;
use crate::api::ClientError;

impl CreditsClient {
    /// `POST /v1/workspaces/{workspace}/top-ups`: buys `credits` (100 to
    /// 100000) as a `top_up` grant.
    ///
    /// The server buys once per `idempotency_key`: a retry with the same key
    /// answers the first purchase. Use a fresh [`new_idempotency_key`](crate::api::new_idempotency_key)
    /// per person's checkout.
    pub async fn top_up(
        &self,
        workspace: &str,
        credits: u64,
        idempotency_key: &str,
    ) -> Result<PurchaseResponse, ClientError> {
        self.post_keyed(
            workspace,
            "top-ups",
            to_json(&TopUpRequest {
                credits,
                request: None,
            })?,
            idempotency_key,
        )
        .await
    }

    /// `POST /v1/workspaces/{workspace}/plan`: moves the workspace to `plan`
    /// (an upgrade at once, a downgrade at the cycle's end). Idempotent per key,
    /// as [`CreditsClient::top_up`].
    pub async fn change_plan(
        &self,
        workspace: &str,
        plan: PlanId,
        idempotency_key: &str,
    ) -> Result<PurchaseResponse, ClientError> {
        self.post_keyed(
            workspace,
            "plan",
            to_json(&PlanChangeRequest {
                plan,
                request: None,
            })?,
            idempotency_key,
        )
        .await
    }

    /// `POST /v1/workspaces/{workspace}/renewal`: renews an expired or canceled
    /// subscription (409 `not_expired` otherwise). Idempotent per key, as
    /// [`CreditsClient::top_up`].
    pub async fn renew(
        &self,
        workspace: &str,
        idempotency_key: &str,
    ) -> Result<PurchaseResponse, ClientError> {
        self.post_keyed(workspace, "renewal", "{}".to_owned(), idempotency_key)
            .await
    }

    /// `POST /v1/workspaces/{workspace}/payment-method`: fixes a past-due
    /// workspace's payment (409 `not_past_due` otherwise). Idempotent per key,
    /// as [`CreditsClient::top_up`].
    pub async fn fix_payment(
        &self,
        workspace: &str,
        idempotency_key: &str,
    ) -> Result<PurchaseResponse, ClientError> {
        self.post_keyed(
            workspace,
            "payment-method",
            "{}".to_owned(),
            idempotency_key,
        )
        .await
    }
}
