//! Who is asking: the bearer token names a member, who may or may not see a workspace.
//!
//! No token, or one the server does not know, is 401 `unauthorized`. A
//! workspace the member is not in answers 404 `not_found`, exactly like one
//! that does not exist, so its existence does not leak. Tokens are never
//! logged and never echoed back.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use crate::http::problem::ApiProblem;
use crate::persistence::store::MemberView;
use crate::state::AppState;

/// The token of `Authorization: Bearer <token>`, if the header is there and well formed.
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The extractor of every `/v1/workspaces/{workspace}/...` handler: the asking
/// member and their workspace, or the 401 / 404 problem.
#[derive(Debug, Clone)]
pub struct Member(pub MemberView);

impl FromRequestParts<AppState> for Member {
    type Rejection = ApiProblem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiProblem> {
        // By name: some routes have more parameters (`.../requests/{id}/decline`).
        let Path(params) = Path::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiProblem::not_found("no such workspace"))?;
        let workspace_id = params
            .into_iter()
            .find_map(|(name, value)| (name == "workspace").then_some(value))
            .ok_or_else(|| ApiProblem::not_found("no such workspace"))?;
        if bearer_token(&parts.headers).is_some() {
            // A downgrade whose cycle ended is applied before anyone reads the workspace;
            // should that fail, the workspace is answered as it stands and tried next time.
            if let Err(why) = state
                .store
                .settle(&workspace_id, crate::domain::clock::now())
            {
                tracing::error!(%why, "a scheduled plan change could not be applied yet");
            }
        }
        member_view(state, &parts.headers, &workspace_id).map(Member)
    }
}

/// The asking member and the workspace as they see it.
pub fn member_view(
    state: &AppState,
    headers: &HeaderMap,
    workspace_id: &str,
) -> Result<MemberView, ApiProblem> {
    let member_id = bearer_token(headers)
        .and_then(|token| state.store.member_id_for_token(token))
        .ok_or_else(ApiProblem::unauthorized)?;
    state
        .store
        .member_view(&member_id, workspace_id)
        .ok_or_else(|| ApiProblem::not_found("no such workspace"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_auth(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn reads_only_bearer_tokens() {
        assert_eq!(bearer_token(&with_auth("Bearer tok_a")), Some("tok_a"));
        assert_eq!(bearer_token(&with_auth("bearer  tok_a ")), Some("tok_a"));
        assert_eq!(bearer_token(&with_auth("Basic dXNlcjpwYXNz")), None);
        assert_eq!(bearer_token(&with_auth("Bearer")), None);
        assert_eq!(bearer_token(&with_auth("Bearer ")), None);
        assert_eq!(bearer_token(&HeaderMap::new()), None);
    }
}
