//! Reading a JSON request body: media type, size limit, syntax (duplicate keys refused).

use axum::body::Body;
use axum::http::{header, HeaderMap};
use http_body_util::BodyExt;
use serde_json::Value;

use crate::http::problem::ApiProblem;

/// Largest request body the API reads: 64 KiB.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The body as JSON: 415 unless it says it is JSON, 413 past [`BODY_LIMIT`], 400 `invalid_json`.
pub async fn read_json(headers: &HeaderMap, body: Body) -> Result<Value, ApiProblem> {
    if !is_json(headers) {
        return Err(ApiProblem::unsupported_media_type());
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return Err(ApiProblem::payload_too_large(BODY_LIMIT));
    }
    let mut body = body;
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| ApiProblem::invalid_json("the body could not be read"))?;
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > BODY_LIMIT {
                return Err(ApiProblem::payload_too_large(BODY_LIMIT));
            }
            bytes.extend_from_slice(&data);
        }
    }
    crate::http::strict_json::from_slice(&bytes)
        .map_err(|e| ApiProblem::invalid_json(format!("the body is not valid JSON: {e}")))
}

/// `application/json`, or any `application/...+json`, with or without parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn typed(ct: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_str(ct).unwrap());
        h
    }

    #[test]
    fn knows_json_media_types() {
        assert!(is_json(&typed("application/json")));
        assert!(is_json(&typed("Application/JSON; charset=utf-8")));
        assert!(is_json(&typed("application/merge-patch+json")));
        assert!(!is_json(&typed("text/plain")));
        assert!(!is_json(&typed("application/x-www-form-urlencoded")));
        assert!(!is_json(&HeaderMap::new()));
    }
}
