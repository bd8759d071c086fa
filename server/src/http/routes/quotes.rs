//! `POST /v1/workspaces/{workspace}/quotes`: what actions would cost, spending nothing.
//!
//! Refusals, in the order they are checked: 401 `unauthorized`, 404
//! `not_found`, 415 `unsupported_media_type`, 413 `payload_too_large`, 400
//! `invalid_json`, 400 `invalid_request` (not `{"items": [...]}`), 422
//! `invalid_request` (no items), 422 `too_many_items`. Then each item is
//! validated and priced on its own: an invalid item answers `{"error": problem}`
//! in its slot, its `field` prefixed with `items[i].`. When every item is
//! invalid, the whole request answers with the first item's problem.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use credits_core::quote::MAX_QUOTE_ITEMS;
use credits_core::{parse_action, price, Problem, Quote, QuoteItem, QuoteResponse};
use serde_json::Value;

use crate::domain::clock;
use crate::domain::model::Workspace;
use crate::http::auth::Member;
use crate::http::json_body::read_json;
use crate::http::problem::{json_response, ApiProblem};
use crate::persistence::store::MemberView;
use crate::state::AppState;

pub async fn create(
    State(state): State<AppState>,
    Member(view): Member,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiProblem> {
    Ok(json_response(&quote(&state, &view, &headers, body).await?))
}

async fn quote(
    state: &AppState,
    view: &MemberView,
    headers: &HeaderMap,
    body: Body,
) -> Result<QuoteResponse, ApiProblem> {
    let body = read_json(headers, body).await?;
    let items = request_items(&body)?;
    let balance = view.workspace.balance(clock::now());
    let answers: Vec<QuoteItem> = items
        .iter()
        .enumerate()
        .map(|(i, item)| quote_item(state, &view.workspace, balance, i, item))
        .collect();
    if let Some(first) = all_invalid(&answers) {
        return Err(first.clone().into());
    }
    Ok(QuoteResponse {
        items: answers,
        balance,
        price_book: state.price_book.version.clone(),
    })
}

/// The `items` of a `{"items": [...]}` body.
fn request_items(body: &Value) -> Result<&[Value], ApiProblem> {
    let shape = |detail: String| ApiProblem::invalid_request(StatusCode::BAD_REQUEST, detail);
    let Some(object) = body.as_object() else {
        return Err(shape(
            r#"the body must be a JSON object: {"items": [...]}"#.to_owned(),
        ));
    };
    if let Some(extra) = object.keys().find(|k| k.as_str() != "items") {
        let shown: String = extra.chars().take(64).collect();
        return Err(shape(format!(
            "unknown top-level key {shown:?}; the body takes only items"
        ))
        .with_field(shown));
    }
    let items = match object.get("items") {
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(shape("items must be an array of actions".to_owned()).with_field("items"))
        }
        None => return Err(shape("items is required".to_owned()).with_field("items")),
    };
    if items.is_empty() {
        let p = ApiProblem::invalid_request(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("items must hold 1 to {MAX_QUOTE_ITEMS} actions, got none"),
        );
        return Err(p.with_field("items"));
    }
    if items.len() > MAX_QUOTE_ITEMS {
        let p = ApiProblem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_many_items",
            format!(
                "items must hold at most {MAX_QUOTE_ITEMS} actions, got {}",
                items.len()
            ),
        );
        return Err(p.with_field("items"));
    }
    Ok(items)
}

/// One item's answer: its quote against the workspace's plan and balance, or its problem.
fn quote_item(
    state: &AppState,
    workspace: &Workspace,
    balance: u64,
    index: usize,
    item: &Value,
) -> QuoteItem {
    let priced = match parse_action(item) {
        Ok(action) => price(&state.price_book, &action).map(|p| (action, p)),
        Err(problem) => Err(problem),
    };
    match priced {
        Ok((action, (credits, breakdown))) => {
            let blocked = state.catalog.blocked(workspace.plan, action.id());
            QuoteItem::Quoted(Quote {
                affordable: credits <= balance && blocked.is_none(),
                credits,
                breakdown,
                blocked,
            })
        }
        Err(mut error) => {
            error.field = Some(match error.field.take() {
                Some(field) => format!("items[{index}].{field}"),
                None => format!("items[{index}]"),
            });
            QuoteItem::Invalid { error }
        }
    }
}

/// The first item's problem when no item could be quoted.
fn all_invalid(answers: &[QuoteItem]) -> Option<&Problem> {
    let mut first = None;
    for answer in answers {
        match answer {
            QuoteItem::Invalid { error } => {
                first.get_or_insert(error);
            }
            QuoteItem::Quoted(_) => return None,
        }
    }
    first
}
