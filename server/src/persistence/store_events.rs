//! The store's side of the balance stream: publishing each write's event, and
//! where a new stream starts (its first events and its subscription).
//!
//! Writers publish while they still hold the connection, and a stream subscribes
//! and reads the latest id under the same lock: so every event is either among a
//! stream's first events or reaches its subscription, never both, never neither.

use rusqlite::Connection;

use super::Store;
use crate::persistence::db::events::{self, member_json, Event};
use crate::persistence::event_hub::{EventHub, Subscription};

/// A new stream: what to send first, then the live events of `subscription`.
pub struct StreamStart {
    /// The events after the reader's `Last-Event-ID`, oldest first, or one
    /// event with the balance as it is now (the reader's first connection, or
    /// one whose missed events are no longer kept).
    pub first: Vec<Event>,
    pub subscription: Subscription,
    /// The reader as the balance answer names them (see [`Event::data_for`]).
    pub member: String,
}

impl Store {
    /// Publishes the workspace's newest event. Called right after a write that
    /// appended one, with the connection still held, so events go out in order.
    pub(super) fn publish_newest(&self, conn: &Connection, workspace_id: &str) {
        match events::newest(conn, workspace_id) {
            Ok(Some(event)) => self.hub.publish(event),
            Ok(None) => {}
            Err(why) => tracing::error!(%why, "a balance event could not be read back"),
        }
    }

    /// Where `member_id`'s stream of `workspace_id` starts, after the event
    /// `last_seen` (`None`: a first connection). `Ok(None)`: not their workspace.
    pub fn stream_start(
        &self,
        member_id: &str,
        workspace_id: &str,
        last_seen: Option<i64>,
        now: i64,
    ) -> Result<Option<StreamStart>, String> {
        let conn = self.conn();
        let Some(view) = self.member_view(member_id, workspace_id) else {
            return Ok(None);
        };
        let subscription = self.hub.subscribe(workspace_id);
        let latest = events::latest(&conn, workspace_id).map_err(|e| e.to_string())?;
        // An id past the latest comes from another database (a reset one): start afresh.
        let resumable = last_seen.filter(|&seen| (0..=latest).contains(&seen));
        let missed = match resumable {
            Some(seen) => events::after(&conn, workspace_id, seen).map_err(|e| e.to_string())?,
            None => Vec::new(),
        };
        let complete = resumable
            .is_some_and(|seen| missed.first().map_or(seen == latest, |e| e.seq == seen + 1));
        let first = if complete {
            missed
        } else {
            vec![Event {
                workspace_id: workspace_id.to_owned(),
                seq: latest,
                body: events::body_of(view.workspace, now)?,
            }]
        };
        Ok(Some(StreamStart {
            first,
            subscription,
            member: member_json(&view.member),
        }))
    }

    /// The fan-out: open streams per workspace, and closing them all.
    pub fn event_hub(&self) -> &EventHub {
        &self.hub
    }
}
