//! Spending: `POST /v1/workspaces/{workspace}/generations`.

use serde::{Deserialize, Serialize};

/// The 201 answer: what was spent and the balance after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenerationResponse {
    /// `gen_...`
    pub id: String,
    pub credits_charged: u64,
    pub balance: u64,
}
