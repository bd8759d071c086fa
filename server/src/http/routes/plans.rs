//! `GET /v1/plans`: the plans on sale, cheapest first.

use axum::extract::State;
use axum::response::Response;
use credits_core::PlansResponse;

use crate::http::problem::json_response;
use crate::state::AppState;

pub async fn list(State(state): State<AppState>) -> Response {
    json_response(&PlansResponse {
        plans: state.catalog.plans().to_vec(),
    })
}
