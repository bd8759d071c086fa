//! Every refusal as `application/problem+json` (RFC 9457), with the API's `code`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use credits_core::Problem;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// A refusal on its way out. Boxed: a `Problem` is large and refusals are rare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiProblem(pub Box<Problem>);

impl From<Problem> for ApiProblem {
    fn from(p: Problem) -> Self {
        ApiProblem(Box::new(p))
    }
}

impl ApiProblem {
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Self {
        let title = status.canonical_reason().unwrap_or("Error");
        Problem::new(status.as_u16(), code, title, detail).into()
    }

    pub fn with_field(self, field: impl Into<String>) -> Self {
        ApiProblem(Box::new(self.0.with_field(field)))
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send Authorization: Bearer <token> with a valid token",
        )
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", detail)
    }

    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "this path does not answer that method",
        )
    }

    pub fn invalid_json(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_json", detail)
    }

    /// The JSON parsed but is not the request's shape (400), or its content is refused (422).
    pub fn invalid_request(status: StatusCode, detail: impl Into<String>) -> Self {
        Self::new(status, "invalid_request", detail)
    }

    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as Content-Type: application/json",
        )
    }

    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body must be at most {limit} bytes"),
        )
    }

    /// The stand-in for an answer that left the router without a body (a bare 404, 405, ...).
    pub fn for_status(status: StatusCode) -> Self {
        let code = match status {
            StatusCode::BAD_REQUEST => "invalid_request",
            StatusCode::NOT_FOUND => "not_found",
            StatusCode::METHOD_NOT_ALLOWED => return Self::method_not_allowed(),
            StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            s if s.is_server_error() => "internal_error",
            _ => "request_refused",
        };
        let detail = status
            .canonical_reason()
            .unwrap_or("the request was refused");
        Self::new(status, code, detail.to_lowercase())
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// The answer to a request whose handler panicked (a bug): a 503 `internal_error`
/// problem, logged with the panic's message. The release server unwinds (the root
/// Cargo.toml's `release-server` profile), so only that request fails; the store's
/// locks shrug off the poisoning and a spend's open transaction rolls back. A
/// generation retried with the same `Idempotency-Key` is still spent at most once.
pub fn for_panic(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    tracing::error!(panic = %message, "a handler panicked; answered 503 internal_error");
    let mut response = ApiProblem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "internal_error",
        "the server failed while answering; try again (a generation with the same Idempotency-Key)",
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

impl IntoResponse for ApiProblem {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = match problem_body(&self.0) {
            Ok(body) => (status, body).into_response(),
            Err(_) => (
                status,
                r#"{"title":"Error","status":500,"code":"internal_error"}"#,
            )
                .into_response(),
        };
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The problem's JSON. A 402 `insufficient_credits` always carries `resets_at`
/// and `suggested_plan`, `null` when there is none, as the contract shows them.
fn problem_body(p: &Problem) -> serde_json::Result<Vec<u8>> {
    if p.code != "insufficient_credits" {
        return serde_json::to_vec(p);
    }
    let mut value = serde_json::to_value(p)?;
    if let Some(object) = value.as_object_mut() {
        for key in ["resets_at", "suggested_plan"] {
            object.entry(key).or_insert(serde_json::Value::Null);
        }
    }
    serde_json::to_vec(&value)
}

/// A 200 JSON answer.
pub fn json_response<T: serde::Serialize>(value: &T) -> Response {
    json_with_status(StatusCode::OK, value)
}

/// A JSON answer with its body already written.
pub fn json_bytes(status: StatusCode, body: Vec<u8>) -> Response {
    let content_type = HeaderValue::from_static("application/json");
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// A 2xx JSON answer with this status.
pub fn json_with_status<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => json_bytes(status, body),
        Err(e) => ApiProblem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            format!("could not write the answer: {e}"),
        )
        .into_response(),
    }
}
