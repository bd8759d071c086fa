//! Quotes: what actions would cost, without spending anything.

use serde::{Deserialize, Serialize};

use crate::{Action, BreakdownLine, Problem};

/// Most items one quote request may carry.
pub const MAX_QUOTE_ITEMS: usize = 32;

/// `POST /v1/workspaces/{workspace}/quotes` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRequest {
    pub items: Vec<Action>,
}

/// Why an action cannot be done on this plan at any balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocked {
    /// e.g. `feature_not_in_plan`.
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_plan: Option<String>,
}

/// The price of one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub credits: u64,
    pub breakdown: Vec<BreakdownLine>,
    /// `credits <= balance` and not blocked.
    pub affordable: bool,
    pub blocked: Option<Blocked>,
}

impl Quote {
    /// A zero-credit action: the UI says "Free" and shows no number.
    pub fn is_free(&self) -> bool {
        self.credits == 0
    }
}

/// One answer per requested item, in order: a quote, or the problem with that item alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum QuoteItem {
    Invalid { error: Problem },
    Quoted(Quote),
}

/// `POST /v1/workspaces/{workspace}/quotes` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteResponse {
    pub items: Vec<QuoteItem>,
    pub balance: u64,
    /// The price book version these prices come from, e.g. `2026-11`.
    pub price_book: String,
}
