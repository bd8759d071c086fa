//! The usage history's query string: `limit`, `cursor`, `member`, `status`.
//!
//! `member` is one member id of the workspace; `status` is a comma-separated
//! list of `charged`, `failed`, `refunded`, and given more than once means
//! all the statuses named. A cursor is read for the filter it came with.
//! Other query parameters are ignored.

use axum::http::StatusCode;
use credits_core::usage::MAX_USAGE_LIMIT;
use credits_core::UsageStatus;

use crate::http::cursor;
use crate::http::problem::ApiProblem;
use crate::persistence::db::usage::{After, Filter, STATUSES};
use crate::persistence::store::MemberView;

/// What one usage request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageQuery {
    pub limit: u32,
    pub after: Option<After>,
    pub filter: Filter,
}

/// Reads `query` for the workspace of `view`.
pub fn parse(query: &str, view: &MemberView) -> Result<UsageQuery, ApiProblem> {
    let mut limit = credits_core::usage::DEFAULT_USAGE_LIMIT;
    let mut cursor_text = None;
    let mut member = None;
    let mut statuses: Vec<UsageStatus> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match name {
            "limit" => limit = parse_limit(value)?,
            "cursor" => cursor_text = Some(value).filter(|v| !v.is_empty()),
            "member" => {
                let id = unescape(value)
                    .filter(|id| view.workspace.members.iter().any(|m| &m.id == id))
                    .ok_or_else(|| {
                        invalid(
                            "member",
                            format!(
                                "member must be the id of a member of this workspace, got {:?}",
                                shown(value)
                            ),
                        )
                    })?;
                if member.as_ref().is_some_and(|m| m != &id) {
                    return Err(invalid("member", "member may be given once".to_owned()));
                }
                member = Some(id);
            }
            "status" => {
                for word in unescape(value).unwrap_or_default().split(',') {
                    let status = STATUSES.into_iter().find(|s| s.as_str() == word).ok_or_else(|| {
                        invalid(
                            "status",
                            format!(
                                "status must be charged, failed or refunded (comma-separated), got {:?}",
                                shown(value)
                            ),
                        )
                    })?;
                    statuses.push(status);
                }
            }
            _ => {}
        }
    }
    let filter = Filter::new(member, &statuses);
    let after = match cursor_text {
        None => None,
        Some(text) => Some(cursor::decode(text, &filter.key()).ok_or_else(|| {
            ApiProblem::new(
                StatusCode::BAD_REQUEST,
                "invalid_cursor",
                "cursor must be a next_cursor this API returned, with the same member and status",
            )
            .with_field("cursor")
        })?),
    };
    Ok(UsageQuery {
        limit,
        after,
        filter,
    })
}

fn parse_limit(value: &str) -> Result<u32, ApiProblem> {
    value
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_USAGE_LIMIT).contains(n))
        .ok_or_else(|| {
            invalid(
                "limit",
                format!(
                    "limit must be between 1 and {MAX_USAGE_LIMIT}, got {:?}",
                    shown(value)
                ),
            )
        })
}

fn invalid(field: &str, detail: String) -> ApiProblem {
    ApiProblem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_setting", detail).with_field(field)
}

/// The start of a value, for a problem's detail.
fn shown(value: &str) -> String {
    value.chars().take(40).collect()
}

/// A query value with its `%XX` escapes undone; `None` when they are not UTF-8 or malformed.
fn unescape(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = value.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn escapes_are_undone_and_broken_ones_refused() {
        assert_eq!(unescape("u_kim").as_deref(), Some("u_kim"));
        assert_eq!(
            unescape("charged%2Cfailed").as_deref(),
            Some("charged,failed")
        );
        assert_eq!(unescape("L%C3%A9a").as_deref(), Some("Léa"));
        for bad in ["%", "%2", "%zz", "%FF", "%C3"] {
            assert_eq!(unescape(bad), None, "{bad}");
        }
    }
}
