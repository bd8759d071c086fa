//! The live balance's rules: when a dropped connection tries again
//! (exponential backoff with full jitter, capped, reset once a connection
//! proved healthy; the randomness is passed in, so it is tested natively),
//! and when the figures change by time alone (which no event announces).

use crate::balance::BalanceResponse;
use crate::time::parse_rfc3339;

/// The soonest moment after `now_s` (Unix seconds) when `figures` change with
/// no write: a grant's `expires_at` or the cycle's reset.
pub fn next_change_at(figures: &BalanceResponse, now_s: i64) -> Option<i64> {
    let grants = figures
        .grants
        .iter()
        .filter_map(|g| g.expires_at.as_deref());
    let cycle = figures.cycle.iter().map(|c| c.resets_at.as_str());
    grants
        .chain(cycle)
        .filter_map(parse_rfc3339)
        .filter(|&at| at > now_s)
        .min()
}

/// The reconnect schedule of one live stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Reconnect {
    /// The first step, in ms (the server's `retry:` replaces it).
    pub base_ms: u64,
    /// No wait is longer than this, in ms.
    pub cap_ms: u64,
    failures: u32,
}

impl Reconnect {
    pub fn new(base_ms: u64, cap_ms: u64) -> Self {
        Reconnect {
            base_ms,
            cap_ms,
            failures: 0,
        }
    }

    /// Failed tries since the last healthy connection.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Counts one more failure and gives the wait before the next try:
    /// "full jitter", a random part (`unit` in `[0, 1)`) of
    /// `min(cap, base × 2^failures)`, so clients dropped together by one
    /// restart do not all come back in the same instant.
    pub fn next_delay_ms(&mut self, unit: f64) -> u64 {
        let step = self
            .base_ms
            .saturating_mul(1u64 << self.failures.min(32))
            .min(self.cap_ms);
        self.failures = self.failures.saturating_add(1);
        (step as f64 * unit.clamp(0.0, 1.0)) as u64
    }

    /// A connection delivered an event: the next failure starts from `base` again.
    pub fn healthy(&mut self) {
        self.failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_the_cap_scaled_by_the_jitter() {
        let table: &[(f64, &[u64])] = &[
            (1.0, &[1000, 2000, 4000, 8000, 16000, 30000, 30000]),
            (0.5, &[500, 1000, 2000, 4000, 8000, 15000, 15000]),
            (0.0, &[0, 0, 0, 0, 0, 0, 0]),
        ];
        for (unit, expected) in table {
            let mut r = Reconnect::new(1000, 30_000);
            let got: Vec<u64> = expected.iter().map(|_| r.next_delay_ms(*unit)).collect();
            assert_eq!(&got, expected, "unit {unit}");
            assert_eq!(r.failures(), expected.len() as u32);
        }
    }

    #[test]
    fn the_next_change_is_the_soonest_future_expiry_or_reset() {
        let figures: BalanceResponse = serde_json::from_value(serde_json::json!({
            "workspace": {"id": "ws", "name": "W"},
            "member": {"id": "u", "name": "U", "role": "member"},
            "plan": "pro", "status": "active", "balance": 120,
            "grants": [
                {"kind": "monthly", "granted": 5000, "remaining": 100, "expires_at": "2026-12-01T00:00:00Z"},
                {"kind": "top_up", "granted": 50, "remaining": 20, "expires_at": "2026-11-25T00:00:00Z"},
                {"kind": "trial", "granted": 50, "remaining": 0, "expires_at": null},
                {"kind": "promo", "granted": 5, "remaining": 0, "expires_at": "2026-11-01T00:00:00Z"}
            ],
            "cycle": {"started_at": "2026-11-01T00:00:00Z", "resets_at": "2026-11-30T00:00:00Z"},
            "shared_pool": true, "payment_method": "ok", "low_balance_threshold": 250,
            "as_of": "2026-11-24T20:00:00Z"
        }))
        .unwrap();
        let at = |s| parse_rfc3339(s).unwrap();
        let now = at("2026-11-24T20:00:00Z");
        assert_eq!(
            next_change_at(&figures, now),
            Some(at("2026-11-25T00:00:00Z"))
        );
        assert_eq!(
            next_change_at(&figures, at("2026-11-25T00:00:00Z")),
            Some(at("2026-11-30T00:00:00Z")),
            "a moment already reached is not next"
        );
        assert_eq!(next_change_at(&figures, at("2027-01-01T00:00:00Z")), None);
    }

    #[test]
    fn a_healthy_connection_starts_the_schedule_over() {
        let mut r = Reconnect::new(2000, 60_000);
        for _ in 0..5 {
            r.next_delay_ms(1.0);
        }
        r.healthy();
        assert_eq!(r.failures(), 0);
        assert_eq!(r.next_delay_ms(1.0), 2000);
    }

    #[test]
    fn never_overflows_nor_passes_the_cap_however_long_it_fails() {
        let mut r = Reconnect::new(u64::MAX / 2, 45_000);
        for _ in 0..200 {
            assert!(r.next_delay_ms(0.999) <= 45_000);
        }
        assert_eq!(
            Reconnect::new(1000, 30_000).next_delay_ms(7.0),
            1000,
            "unit clamped"
        );
    }
}
