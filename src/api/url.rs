//! URL building that needs no browser, so it is tested natively.

/// Percent-encodes one path segment (RFC 3986 unreserved characters pass through),
/// so a workspace id can never add path segments or a query.
pub fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Joins the configured base URL and an API path, with exactly one `/` between them.
pub fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cannot_escape_their_place() {
        assert_eq!(encode_segment("ws_pro_team"), "ws_pro_team");
        assert_eq!(encode_segment("../admin?x=1"), "..%2Fadmin%3Fx%3D1");
        assert_eq!(encode_segment("é"), "%C3%A9");
    }

    #[test]
    fn join_keeps_one_slash() {
        assert_eq!(join("/api/", "/v1/plans"), "/api/v1/plans");
        assert_eq!(
            join("http://127.0.0.1:9/api", "v1/plans"),
            "http://127.0.0.1:9/api/v1/plans"
        );
    }
}
