//! When to ask again and how long to wait: pure rules, tested natively.

use std::time::Duration;

use credits_core::time::days_from_civil;

/// How the client waits for and retries a request.
///
/// Network failures, timeouts, 5xx and 429 are retried with exponential
/// backoff and jitter (a 429's or 503's `Retry-After` is honoured when it asks
/// for longer); other 4xx answers are never retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries in all, the first included; at least 1.
    pub attempts: u32,
    /// The wait before the first retry; doubled for each one after.
    pub base_delay: Duration,
    /// No wait is longer than this, whatever the backoff or `Retry-After` say.
    pub max_delay: Duration,
    /// How long one try may take before it is abandoned as timed out.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(8),
            timeout: Duration::from_secs(10),
        }
    }
}

/// What one try came to, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An HTTP answer with this status.
    Status(u16),
    /// No answer: refused connection, DNS, offline.
    NoAnswer,
    TimedOut,
    /// Cancelled by the caller: never retried.
    Aborted,
}

impl Outcome {
    /// Failures that may heal by themselves.
    pub fn is_retryable(self) -> bool {
        match self {
            Outcome::Status(s) => s == 429 || (500..=599).contains(&s),
            Outcome::NoAnswer | Outcome::TimedOut => true,
            Outcome::Aborted => false,
        }
    }
}

impl RetryPolicy {
    /// The wait before retry number `retry` (0 for the first retry), or
    /// `None` when the tries are used up or the outcome is not worth retrying.
    /// `unit` is a random number in `[0, 1)` for the jitter.
    pub fn delay(
        &self,
        retry: u32,
        outcome: Outcome,
        retry_after: Option<Duration>,
        unit: f64,
    ) -> Option<Duration> {
        if !outcome.is_retryable() || retry + 1 >= self.attempts.max(1) {
            return None;
        }
        Some(
            self.backoff(retry, unit)
                .max(retry_after.unwrap_or_default())
                .min(self.max_delay),
        )
    }

    /// "Equal jitter": half the exponential step, plus a random part of the
    /// other half, so clients that failed together do not return together.
    pub fn backoff(&self, retry: u32, unit: f64) -> Duration {
        let step = self
            .base_delay
            .saturating_mul(1u32 << retry.min(16))
            .min(self.max_delay);
        let unit = if unit.is_finite() {
            unit.clamp(0.0, 1.0)
        } else {
            0.5
        };
        step / 2 + step.mul_f64(unit / 2.0)
    }
}

/// A `Retry-After` header value: delay-seconds or an HTTP date, against `now_ms`
/// (milliseconds since the Unix epoch). Unreadable values give `None`.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds.min(24 * 3600)));
    }
    let at_ms = parse_http_date(value)? as f64 * 1000.0;
    Some(Duration::from_millis((at_ms - now_ms).max(0.0) as u64))
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) as seconds since the Unix epoch.
fn parse_http_date(value: &str) -> Option<i64> {
    let mut parts = value.split_whitespace().skip(1);
    let day: i64 = parts.next()?.parse().ok()?;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)? as i64 + 1;
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    // Bounded before any arithmetic: a hostile year or a negative hour would
    // otherwise overflow (a panic in debug builds) or move the date backwards.
    let in_range = (1..=31).contains(&day)
        && (1..=9999).contains(&year)
        && (0..=23).contains(&h)
        && (0..=59).contains(&m)
        && (0..=60).contains(&s);
    if parts.next()? != "GMT" || !in_range {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s)
}

#[cfg(test)]
#[path = "retry_tests.rs"]
mod tests;
