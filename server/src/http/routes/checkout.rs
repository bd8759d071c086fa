//! The checkout stand-ins, `POST /v1/workspaces/{workspace}/...`:
//! `top-ups` `{"credits": 500}`, `plan` `{"plan": "pro"}`, `renewal` `{}`,
//! `payment-method` `{}`. Each answers 201 with the purchase and the balance
//! after it; the rules are `crate::domain::checkout`'s, the transaction `db::checkout`'s.
//!
//! Idempotent as generations are: `Idempotency-Key` required, kept 24 hours
//! per workspace and member; the same key with the same endpoint and body
//! answers the first 201 byte for byte (`Idempotent-Replayed: true`) and does
//! nothing more; with another endpoint or body it is 409 `idempotency_conflict`.
//!
//! Refusals, in the order they are checked: 401, 404, 400
//! `missing_idempotency_key` / `invalid_idempotency_key`, 415, 413, 400
//! `invalid_json`, 400 `invalid_request` (not the body's shape), 422
//! `invalid_setting` / `unknown_plan`, 403 `role_not_allowed`, then in the
//! transaction (a replay answers here) 409 `idempotency_conflict`, 404
//! `not_found` / 409 `request_answered` (the body's optional `request`), 409
//! `plan_unchanged`, `subscription_not_active`, `not_expired`, `not_past_due`,
//! 422 `contact_sales`.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use credits_core::checkout::{MAX_TOP_UP, MIN_TOP_UP};
use credits_core::{EmptyRequest, MemberRef, PlanChangeRequest, PlanId, TopUpRequest};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::generations::{created, idempotency_key, KEY_HEADER};
use crate::domain::checkout::{may_check_out, Op, Refusal};
use crate::domain::clock;
use crate::http::auth::Member;
use crate::http::json_body::read_json;
use crate::http::problem::ApiProblem;
use crate::persistence::db::checkout::{CheckoutRequest, Outcome};
use crate::persistence::store::MemberView;
use crate::state::AppState;

pub async fn top_up(s: State<AppState>, m: Member, h: HeaderMap, body: Body) -> Response {
    answer(&s, m, &h, body, "top-ups", |r: TopUpRequest| {
        if !(MIN_TOP_UP..=MAX_TOP_UP).contains(&r.credits) {
            let detail = format!("a top-up buys {MIN_TOP_UP} to {MAX_TOP_UP} credits");
            let p = ApiProblem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_setting", detail);
            return Err(p.with_field("credits"));
        }
        Ok((Op::TopUp(r.credits), r.request))
    })
    .await
}

pub async fn change_plan(s: State<AppState>, m: Member, h: HeaderMap, body: Body) -> Response {
    answer(&s, m, &h, body, "plan", |r: PlanChangeRequest| {
        if r.plan == PlanId::Unknown {
            let detail = "no such plan: see GET /v1/plans for their ids";
            let p = ApiProblem::new(StatusCode::UNPROCESSABLE_ENTITY, "unknown_plan", detail);
            return Err(p.with_field("plan"));
        }
        Ok((Op::ChangePlan(r.plan), r.request))
    })
    .await
}

pub async fn renew(s: State<AppState>, m: Member, h: HeaderMap, body: Body) -> Response {
    answer(&s, m, &h, body, "renewal", |_: EmptyRequest| {
        Ok((Op::Renew, None))
    })
    .await
}

pub async fn fix_payment(s: State<AppState>, m: Member, h: HeaderMap, body: Body) -> Response {
    answer(&s, m, &h, body, "payment-method", |_: EmptyRequest| {
        Ok((Op::FixPayment, None))
    })
    .await
}

async fn answer<T: DeserializeOwned + Serialize>(
    state: &AppState,
    Member(view): Member,
    headers: &HeaderMap,
    body: Body,
    endpoint: &str,
    op: impl FnOnce(T) -> Result<(Op, Option<String>), ApiProblem>,
) -> Response {
    match check_out(state, &view, headers, body, endpoint, op).await {
        Ok(response) => response,
        Err(problem) => problem.into_response(),
    }
}

async fn check_out<T: DeserializeOwned + Serialize>(
    state: &AppState,
    view: &MemberView,
    headers: &HeaderMap,
    body: Body,
    endpoint: &str,
    op: impl FnOnce(T) -> Result<(Op, Option<String>), ApiProblem>,
) -> Result<Response, ApiProblem> {
    let (key, request, canonical) = keyed_body::<T>(headers, body).await?;
    let (op, request) = op(request)?;
    if !may_check_out(view.member.role) {
        return Err(ApiProblem::new(
            StatusCode::FORBIDDEN,
            "role_not_allowed",
            "only the workspace's owners and admins can buy credits or change the plan",
        ));
    }
    let req = CheckoutRequest {
        workspace_id: view.workspace.id.clone(),
        member: MemberRef {
            id: view.member.id.clone(),
            name: view.member.name.clone(),
        },
        idempotency_key: key,
        fingerprint: format!("{endpoint}\n{}\n{canonical}", view.member.id),
        op,
        now: clock::now(),
        request,
    };
    let (store, catalog) = (state.store.clone(), state.catalog.clone());
    let done = tokio::task::spawn_blocking(move || store.check_out(&req, &catalog))
        .await
        .unwrap_or_else(|e| Err(Outcome::Storage(e.to_string())));
    match done {
        Ok(done) => Ok(created(done.answer, done.replayed)),
        Err(outcome) => Err(refused(outcome)),
    }
}

/// The `Idempotency-Key`, the body as `T` (an object), and `T` in canonical form.
pub(crate) async fn keyed_body<T: DeserializeOwned + Serialize>(
    headers: &HeaderMap,
    body: Body,
) -> Result<(String, T, String), ApiProblem> {
    let key = idempotency_key(headers)?.to_owned();
    let body = read_json(headers, body).await?;
    let shape = |detail: String| ApiProblem::invalid_request(StatusCode::BAD_REQUEST, detail);
    if !body.is_object() {
        return Err(shape("the body must be a JSON object".into()));
    }
    let request: T =
        serde_json::from_value(whole_numbers(body)).map_err(|e| shape(e.to_string()))?;
    let canonical = serde_json::to_string(&request).unwrap_or_default();
    Ok((key, request, canonical))
}

/// Numbers written `500.0` read as `500`, as everywhere in the API.
fn whole_numbers(mut body: Value) -> Value {
    if let Some(object) = body.as_object_mut() {
        for v in object.values_mut() {
            if let Some(f) = v.as_f64().filter(|f| v.is_f64() && f.fract() == 0.0) {
                if (0.0..=9.0e15).contains(&f) {
                    *v = Value::from(f as u64);
                }
            }
        }
    }
    body
}

fn refused(outcome: Outcome) -> ApiProblem {
    let conflict = |code: &str, detail: String| ApiProblem::new(StatusCode::CONFLICT, code, detail);
    match outcome {
        Outcome::KeyConflict => conflict(
            "idempotency_conflict",
            "this Idempotency-Key was used with another request; use a new key".into(),
        )
        .with_field(KEY_HEADER),
        Outcome::Refused(Refusal::PlanUnchanged(plan)) => conflict(
            "plan_unchanged",
            format!("the workspace is on the {} plan already", plan.as_str()),
        )
        .with_field("plan"),
        Outcome::Refused(Refusal::NotActive(status)) => conflict(
            "subscription_not_active",
            format!(
                "the subscription is {}: renew it or fix the payment method before changing the plan",
                status.as_str()
            ),
        ),
        Outcome::Refused(Refusal::NotExpired(status)) => conflict(
            "not_expired",
            format!("the subscription is {}, not expired: nothing to renew", status.as_str()),
        ),
        Outcome::Refused(Refusal::NotPastDue(status)) => conflict(
            "not_past_due",
            format!("the subscription is {}, not past due: no payment to fix", status.as_str()),
        ),
        Outcome::Refused(Refusal::ContactSales(plan)) => ApiProblem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "contact_sales",
            format!("the {} plan is sold by contact: see its upgrade_url", plan.as_str()),
        )
        .with_field("plan"),
        Outcome::NoWorkspace => ApiProblem::not_found("no such workspace"),
        Outcome::NoRequest => {
            ApiProblem::not_found("no such credit request in this workspace: see GET .../requests")
                .with_field("request")
        }
        Outcome::RequestAnswered(status) => super::requests::answered(status),
        Outcome::Storage(why) => {
            tracing::error!(%why, "a checkout failed in the database; nothing was written");
            ApiProblem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage_unavailable",
                "the ledger could not be written; nothing was bought, try again",
            )
        }
        Outcome::Done(_) | Outcome::Replayed(_) => ApiProblem::for_status(StatusCode::CONFLICT),
    }
}
