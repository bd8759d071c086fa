//! The spend history on `CreditsClient`: a page at a time, optionally narrowed.

use credits_core::{UsageFilter, UsageResponse};

use super::endpoints::ok_body;
use super::CreditsClient;
use crate::api::decode::decode;
use crate::api::request::Outgoing;
use crate::api::url::{encode_segment, join};
use crate::api::ClientError;

impl CreditsClient {
    /// `GET /v1/workspaces/{workspace}/usage`: one page of spend history, newest first.
    pub async fn usage(
        &self,
        workspace: &str,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<UsageResponse, ClientError> {
        self.usage_filtered(workspace, limit, cursor, &UsageFilter::default())
            .await
    }

    /// [`CreditsClient::usage`] narrowed to one member and some statuses; a
    /// `cursor` must come from a page of the same filter (else `invalid_cursor`).
    pub async fn usage_filtered(
        &self,
        workspace: &str,
        limit: u32,
        cursor: Option<&str>,
        filter: &UsageFilter,
    ) -> Result<UsageResponse, ClientError> {
        let mut path = format!(
            "v1/workspaces/{}/usage?limit={limit}",
            encode_segment(workspace)
        );
        if let Some(c) = cursor {
            path.push_str(&format!("&cursor={}", encode_segment(c)));
        }
        if let Some(m) = &filter.member {
            path.push_str(&format!("&member={}", encode_segment(m)));
        }
        if let Some(s) = filter.status_param() {
            path.push_str(&format!("&status={s}"));
        }
        let url = join(&self.base_url, &path);
        let answer = self.send(self.common(Outgoing::get(&url)), None).await?;
        decode(&ok_body(answer)?)
    }
}
