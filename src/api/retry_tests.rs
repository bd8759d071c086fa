use super::*;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[test]
fn backoff_doubles_within_jitter_and_stops_at_the_cap() {
    let p = RetryPolicy::default();
    assert_eq!(p.backoff(0, 0.0), ms(125));
    assert_eq!(p.backoff(0, 1.0), ms(250));
    assert_eq!(p.backoff(1, 0.0), ms(250));
    assert_eq!(p.backoff(2, 0.5), ms(750));
    assert_eq!(p.backoff(30, 1.0), p.max_delay);
    assert_eq!(p.backoff(1, f64::NAN), ms(375));
}

#[test]
fn retries_network_failures_5xx_and_429_only() {
    let p = RetryPolicy::default();
    for outcome in [
        Outcome::NoAnswer,
        Outcome::TimedOut,
        Outcome::Status(500),
        Outcome::Status(503),
        Outcome::Status(429),
    ] {
        assert!(p.delay(0, outcome, None, 0.5).is_some(), "{outcome:?}");
    }
    for outcome in [
        Outcome::Status(400),
        Outcome::Status(401),
        Outcome::Status(402),
        Outcome::Status(404),
        Outcome::Status(409),
        Outcome::Status(422),
        Outcome::Aborted,
    ] {
        assert_eq!(p.delay(0, outcome, None, 0.5), None, "{outcome:?}");
    }
}

#[test]
fn tries_are_bounded() {
    let p = RetryPolicy {
        attempts: 3,
        ..RetryPolicy::default()
    };
    assert!(p.delay(1, Outcome::NoAnswer, None, 0.0).is_some());
    assert_eq!(p.delay(2, Outcome::NoAnswer, None, 0.0), None);
    let once = RetryPolicy { attempts: 0, ..p };
    assert_eq!(once.delay(0, Outcome::NoAnswer, None, 0.0), None);
}

#[test]
fn retry_after_wins_when_longer_but_never_past_the_cap() {
    let p = RetryPolicy::default();
    let after = Some(Duration::from_secs(1));
    assert_eq!(p.delay(0, Outcome::Status(429), after, 0.0), Some(ms(1000)));
    assert_eq!(
        p.delay(
            0,
            Outcome::Status(429),
            Some(Duration::from_secs(3600)),
            0.0
        ),
        Some(p.max_delay)
    );
}

#[test]
fn retry_after_reads_seconds_and_http_dates() {
    assert_eq!(parse_retry_after(" 1 ", 0.0), Some(Duration::from_secs(1)));
    // 1994-11-06T08:49:37Z is 784111777 s after the epoch.
    let now = 784_111_770_000.0;
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
        Some(Duration::from_secs(7))
    );
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now + 60_000.0),
        Some(Duration::ZERO)
    );
    for bad in [
        "",
        "-1",
        "soon",
        "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 25:00:00 GMT",
    ] {
        assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
    }
}

/// Issue 11.6: a year of twelve digits overflowed the date arithmetic and
/// panicked debug builds; a negative hour moved the date backwards.
#[test]
fn hostile_retry_after_dates_are_ignored_without_panicking() {
    let now = 784_111_770_000.0;
    for hostile in [
        "Sun, 06 Nov 999999999999 08:49:37 GMT",
        "Sun, 06 Nov -999999999999 08:49:37 GMT",
        "Sun, 06 Nov 9223372036854775807 08:49:37 GMT",
        "Sun, 06 Nov 1994 -1:49:37 GMT",
        "Sun, 06 Nov 1994 08:-49:37 GMT",
        "Sun, 06 Nov 1994 08:49:-37 GMT",
        "Sun, -06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 0 08:49:37 GMT",
        "Sun, 06 Nov 10000 08:49:37 GMT",
    ] {
        assert_eq!(parse_retry_after(hostile, now), None, "{hostile:?}");
    }
    assert_eq!(
        parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now).map(|d| d > Duration::ZERO),
        Some(true),
        "the last date the bound allows still parses"
    );
    assert_eq!(
        parse_retry_after("18446744073709551615", now),
        Some(Duration::from_secs(24 * 3600)),
        "huge seconds are capped, not overflowed"
    );
}
