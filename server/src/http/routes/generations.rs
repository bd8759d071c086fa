//! `POST /v1/workspaces/{workspace}/generations`: spends credits for one action.
//!
//! An earlier spend under the same `Idempotency-Key` (per workspace and member,
//! remembered 24 hours) is looked up right after the key and the body are read,
//! before the action is priced or the plan checked: the same request again gets
//! the first answer, byte for byte, even if the plan or the price book changed.
//!
//! Refusals, in the order they are checked: 401 `unauthorized`, 404
//! `not_found`, 400 `missing_idempotency_key` / `invalid_idempotency_key`,
//! 415, 413, 400 `invalid_json`, 422 (the action, as for quotes), 403
//! `feature_not_in_plan`, 409 `idempotency_conflict`, 402 `insufficient_credits`.
//!
//! Only a spend is remembered under its key: a refusal spent nothing, so
//! the same request again is decided afresh.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use credits_core::{parse_action, price, refusal_reason, suggested_plan, ShortfallFacts};

use crate::domain::clock::{self, rfc3339};
use crate::http::auth::Member;
use crate::http::json_body::read_json;
use crate::http::problem::{json_bytes, ApiProblem};
use crate::persistence::db::keys::Earlier;
use crate::persistence::db::spend::SpendRequest;
use crate::persistence::store::{Shortfall, SpendRefusal};
use crate::state::AppState;

/// Longest `Idempotency-Key` accepted.
pub const MAX_KEY_LEN: usize = 255;
pub(crate) const KEY_HEADER: &str = "Idempotency-Key";

pub async fn create(
    State(state): State<AppState>,
    Member(view): Member,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiProblem> {
    let (state, view, headers) = (&state, &view, &headers);
    let key = idempotency_key(headers)?;
    let body = read_json(headers, body).await?;
    let action = parse_action(&body);
    let now = clock::now();
    // The member is part of the request, as well as of the key's scope.
    let fingerprint = action.as_ref().ok().map(|action| {
        let action_json = serde_json::to_string(action).unwrap_or_default();
        format!("{}\n{action_json}", view.member.id)
    });
    let w = &view.workspace;
    if let Some(fingerprint) = &fingerprint {
        // A repeat answers as the first time, whatever the plan or the prices say now.
        // Another request under the key goes on, to be refused as it would be without it.
        let store = state.store.clone();
        let (ws, member, key, fp) = (
            w.id.clone(),
            view.member.id.clone(),
            key.to_owned(),
            fingerprint.clone(),
        );
        let earlier =
            tokio::task::spawn_blocking(move || store.earlier(&ws, &member, &key, &fp, now))
                .await
                .unwrap_or_else(|e| Err(e.to_string()))
                .map_err(|why| storage_unavailable(&why))?;
        if let Some(Earlier::Same(answer)) = earlier {
            return Ok(created(answer, true));
        }
    }
    let action = action?;
    let (cost, _) = price(&state.price_book, &action)?;
    if let Some(blocked) = state.catalog.blocked(w.plan, action.id()) {
        let needs = blocked.required_plan.as_deref().unwrap_or("another");
        let mut p = ApiProblem::new(
            StatusCode::FORBIDDEN,
            "feature_not_in_plan",
            format!("{} needs the {needs} plan", action.id()),
        );
        p.0.required_plan = blocked.required_plan;
        return Err(p);
    }
    let request = SpendRequest {
        workspace_id: w.id.clone(),
        member_id: view.member.id.clone(),
        idempotency_key: key.to_owned(),
        fingerprint: fingerprint.unwrap_or_default(),
        action_id: action.id(),
        cost,
        now,
    };
    let store = state.store.clone();
    let spent = tokio::task::spawn_blocking(move || store.spend(&request))
        .await
        .unwrap_or_else(|e| Err(SpendRefusal::Storage(e.to_string())));
    match spent {
        Ok(spent) => Ok(created(spent.answer, spent.replayed)),
        Err(SpendRefusal::KeyConflict) => Err(ApiProblem::new(
            StatusCode::CONFLICT,
            "idempotency_conflict",
            "this Idempotency-Key was used with another request; use a new key",
        )
        .with_field(KEY_HEADER)),
        Err(SpendRefusal::NoWorkspace) => Err(ApiProblem::not_found("no such workspace")),
        Err(SpendRefusal::Storage(why)) => Err(storage_unavailable(&why)),
        Err(SpendRefusal::Short(short)) => Err(insufficient(state, &short, action.id(), cost, now)),
    }
}

/// The 201 with its body as stored; a replay says so in `Idempotent-Replayed: true`.
pub(crate) fn created(answer: String, replayed: bool) -> Response {
    answered_with(StatusCode::CREATED, answer, replayed)
}

/// A stored answer with `status`, marked `Idempotent-Replayed` when `replayed`.
pub(crate) fn answered_with(status: StatusCode, answer: String, replayed: bool) -> Response {
    let mut response = json_bytes(status, answer.into_bytes());
    if replayed {
        response.headers_mut().insert(
            HeaderName::from_static("idempotent-replayed"),
            HeaderValue::from_static("true"),
        );
    }
    response
}

/// The database failed: nothing was spent.
fn storage_unavailable(why: &str) -> ApiProblem {
    tracing::error!(%why, "a spend failed in the database; nothing was spent");
    ApiProblem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "storage_unavailable",
        "the ledger could not be written; nothing was spent, try again",
    )
}

/// The `Idempotency-Key` header: 1 to 255 visible ASCII characters.
pub(crate) fn idempotency_key(headers: &HeaderMap) -> Result<&str, ApiProblem> {
    let missing = || {
        ApiProblem::new(
            StatusCode::BAD_REQUEST,
            "missing_idempotency_key",
            "send an Idempotency-Key header (e.g. a UUID) with each new request",
        )
        .with_field(KEY_HEADER)
    };
    let value = headers.get(KEY_HEADER).ok_or_else(missing)?;
    let key = value.to_str().map(str::trim).unwrap_or("\u{0}");
    if key.is_empty() {
        return Err(missing());
    }
    if key.len() > MAX_KEY_LEN || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiProblem::new(
            StatusCode::BAD_REQUEST,
            "invalid_idempotency_key",
            format!("Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters"),
        )
        .with_field(KEY_HEADER));
    }
    Ok(key)
}

/// The 402 with the reason, what was needed, and the way out.
fn insufficient(
    state: &AppState,
    short: &Shortfall,
    action_id: &str,
    cost: u64,
    now: i64,
) -> ApiProblem {
    let w = &short.workspace;
    let reason = refusal_reason(&ShortfallFacts {
        status: w.status,
        has_monthly_grant: w.has_monthly_grant(now),
        shared_pool: w.shared_pool,
        own_cycle_spend: short.own_cycle_spend,
        others_cycle_spend: short.others_cycle_spend,
    });
    let suggested = suggested_plan(state.catalog.plans(), w.plan, reason, action_id, cost);
    let mut p = ApiProblem::new(
        StatusCode::PAYMENT_REQUIRED,
        "insufficient_credits",
        format!(
            "{action_id} needs {cost} credits and the balance is {} ({})",
            short.balance,
            reason.as_str()
        ),
    );
    let body = &mut p.0;
    body.reason = Some(reason.as_str().to_owned());
    body.needed = Some(cost);
    body.balance = Some(short.balance);
    body.resets_at = w.upcoming_reset(now).map(rfc3339);
    body.suggested_plan = suggested.map(|id| id.as_str().to_owned());
    p
}
