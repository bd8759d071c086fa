//! What the shared balance is known to be. Pure data, no browser.

use credits_core::BalanceResponse;

use crate::ClientError;

/// Where a workspace's balance stands. It is never shown as zero while it is
/// only unknown: `Loading` and `Failed` carry no number at all.
#[derive(Debug, Clone, PartialEq)]
pub enum BalanceState {
    /// Not known yet: asking.
    Loading,
    /// Never known: the first ask failed. Asked again on focus and on the interval.
    Failed(ClientError),
    /// Known, perhaps out of date (see [`KnownBalance::stale`]).
    Known(Box<KnownBalance>),
}

/// A balance the server told us, and how fresh it is.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownBalance {
    /// The server's figures (balance, grants, cycle, plan, role, `as_of`, ...).
    pub figures: BalanceResponse,
    /// When the client last confirmed these figures with the server (a 200 or
    /// a 304), in ms since the Unix epoch: the "as of" time to show.
    pub checked_at_ms: f64,
    /// Why the last refresh failed, if it did: the figures may be out of date
    /// and should carry a stale mark.
    pub stale: Option<ClientError>,
    /// A refresh is under way.
    pub refreshing: bool,
}

impl BalanceState {
    /// The number of credits, only when known.
    pub fn credits(&self) -> Option<u64> {
        match self {
            BalanceState::Known(k) => Some(k.figures.balance),
            _ => None,
        }
    }

    /// The known figures, if any.
    pub fn known(&self) -> Option<&KnownBalance> {
        match self {
            BalanceState::Known(k) => Some(k),
            _ => None,
        }
    }

    /// Whether the figures shown may be out of date (the last refresh failed).
    pub fn is_stale(&self) -> bool {
        self.known().is_some_and(|k| k.stale.is_some())
    }

    /// A stable word for `data-state` attributes: `loading`, `failed`, `stale`,
    /// `refreshing` or `ready`.
    pub fn as_str(&self) -> &'static str {
        match self {
            BalanceState::Loading => "loading",
            BalanceState::Failed(_) => "failed",
            BalanceState::Known(k) if k.stale.is_some() => "stale",
            BalanceState::Known(k) if k.refreshing => "refreshing",
            BalanceState::Known(_) => "ready",
        }
    }

    /// The state after a refresh failed with `error`: known figures stay,
    /// marked stale; unknown ones stay unknown.
    pub fn failed(self, error: ClientError) -> BalanceState {
        match self {
            BalanceState::Known(mut k) => {
                k.stale = Some(error);
                k.refreshing = false;
                BalanceState::Known(k)
            }
            _ => BalanceState::Failed(error),
        }
    }

    /// The state after a 304: the same figures, confirmed at `now_ms`.
    pub fn confirmed(self, now_ms: f64) -> BalanceState {
        match self {
            BalanceState::Known(mut k) => {
                k.checked_at_ms = now_ms;
                k.stale = None;
                k.refreshing = false;
                BalanceState::Known(k)
            }
            other => other,
        }
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
