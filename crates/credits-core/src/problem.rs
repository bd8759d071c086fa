//! RFC 9457 problem details, with the API's `code` and the refusal fields.

use serde::{Deserialize, Serialize};

/// A problem+json body. Every non-2xx answer of the API is one.
///
/// The refusal fields (`reason`, `needed`, ...) are present only on the
/// answers that carry them (402 `insufficient_credits`, 403 `feature_not_in_plan`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub type_: String,
    #[serde(default)]
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A stable snake_case word, e.g. `invalid_setting`.
    pub code: String,
    /// The request field at fault, where one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resets_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_plan: Option<String>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

impl Problem {
    /// A problem with the given status, code and human-readable title and detail.
    pub fn new(status: u16, code: &str, title: &str, detail: impl Into<String>) -> Self {
        Problem {
            type_: format!("https://credits.example/problems/{code}"),
            title: title.to_owned(),
            status,
            detail: Some(detail.into()),
            code: code.to_owned(),
            field: None,
            reason: None,
            needed: None,
            balance: None,
            resets_at: None,
            suggested_plan: None,
            required_plan: None,
        }
    }

    /// The same problem, naming the field at fault.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}
