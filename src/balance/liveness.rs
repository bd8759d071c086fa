//! Whether the shared balance follows the server live, and the timings that decide it.

use std::time::Duration;

/// How the shared balance keeps up with the server (see [`crate::BalanceHandle::live`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Liveness {
    /// Not following: no component reads the balance yet, or no browser (a server render).
    #[default]
    Off,
    /// Opening the event stream, or opening it again after it dropped.
    Connecting,
    /// The stream is open: a teammate's spend shows within a second.
    Live,
    /// No stream to be had: the balance is asked for every [`POLL_INTERVAL`]
    /// (with its ETag), and the stream is tried again now and then.
    Polling,
    /// The page is hidden: the stream is closed until it shows again.
    Paused,
}

impl Liveness {
    /// A stable word for `data-live` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Liveness::Off => "off",
            Liveness::Connecting => "connecting",
            Liveness::Live => "live",
            Liveness::Polling => "polling",
            Liveness::Paused => "paused",
        }
    }
}

/// How often the balance is asked for while there is no stream.
pub const POLL_INTERVAL: Duration = Duration::from_secs(15);

/// The server's heartbeat is every 15 s: no byte for two of them (and a
/// little slack) means the connection is dead, however quiet it looks.
pub(crate) const DEAD_AFTER_MS: u64 = 35_000;

/// How long opening the stream may take before it counts as a failure.
pub(crate) const CONNECT_TIMEOUT_MS: u64 = 15_000;

/// The first reconnect step (until the server's `retry:` says otherwise) and the longest.
pub(crate) const RETRY_BASE_MS: u64 = 1_000;
pub(crate) const RETRY_CAP_MS: u64 = 30_000;

/// Failures in a row after which the balance is polled while the stream is retried.
pub(crate) const FAILURES_BEFORE_POLLING: u32 = 3;

/// While polling because the server has no stream, how often it is tried again.
pub(crate) const STREAM_RETRY_MS: u64 = 120_000;
