//! The in-process fan-out of balance events: one broadcast channel per workspace
//! that has open streams, and the signal that closes every stream at shutdown.
//!
//! Sending never waits: the channel is a ring of [`RING`] events, and a reader
//! that falls further behind learns it (`Lagged`) and closes its stream.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::{broadcast, watch};

use crate::persistence::db::events::Event;

/// Events a workspace's channel holds for its slowest reader.
pub const RING: usize = 256;

pub struct EventHub {
    channels: Mutex<HashMap<String, broadcast::Sender<Arc<Event>>>>,
    closing: watch::Sender<bool>,
}

/// One stream's view of its workspace's events. Dropping it unsubscribes.
pub struct Subscription {
    pub events: broadcast::Receiver<Arc<Event>>,
    /// Changes (to `true`) when the server shuts down.
    pub closing: watch::Receiver<bool>,
}

impl Default for EventHub {
    fn default() -> Self {
        EventHub {
            channels: Mutex::new(HashMap::new()),
            closing: watch::Sender::new(false),
        }
    }
}

impl EventHub {
    /// Hands `event` to every open stream of its workspace, without waiting for any.
    pub fn publish(&self, event: Event) {
        let mut channels = self.channels();
        let Some(sender) = channels.get(&event.workspace_id) else {
            return;
        };
        if sender.receiver_count() == 0 {
            // Every stream of the workspace has closed: forget its channel.
            channels.remove(&event.workspace_id);
            return;
        }
        let _ = sender.send(Arc::new(event));
    }

    /// A new reader of `workspace_id`'s events, from the next one published.
    pub fn subscribe(&self, workspace_id: &str) -> Subscription {
        let events = self
            .channels()
            .entry(workspace_id.to_owned())
            .or_insert_with(|| broadcast::channel(RING).0)
            .subscribe();
        Subscription {
            events,
            closing: self.closing.subscribe(),
        }
    }

    /// How many streams of `workspace_id` are open.
    pub fn open_streams(&self, workspace_id: &str) -> usize {
        self.channels()
            .get(workspace_id)
            .map_or(0, broadcast::Sender::receiver_count)
    }

    /// Tells every open stream to end (the server is shutting down).
    ///
    /// A pulse, not a latch: the test hooks' flaky listener shares this hub
    /// and comes back up after closing, so streams opened later must live.
    pub fn close_all(&self) {
        self.closing.send_replace(true);
        self.closing.send_replace(false);
    }

    fn channels(&self) -> MutexGuard<'_, HashMap<String, broadcast::Sender<Arc<Event>>>> {
        self.channels.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
