//! When to send for input that changes in bursts: the first change of a quiet
//! spell goes out at once (a single change never waits), later changes within
//! the window wait until the input has been quiet for the window.

/// Leading-edge send plus a trailing debounce. Pure: the caller owns the timer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Debounce {
    window_ms: f64,
    last_change_ms: Option<f64>,
}

/// What to do with a change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Send {
    Now,
    /// After this many ms without another change (restart the timer).
    After(f64),
}

impl Debounce {
    pub fn new(window_ms: f64) -> Self {
        Debounce {
            window_ms,
            last_change_ms: None,
        }
    }

    /// Notes a change at `now_ms` and says when to send for it.
    pub fn change(&mut self, now_ms: f64) -> Send {
        let quiet = self
            .last_change_ms
            .is_none_or(|last| now_ms - last >= self.window_ms || now_ms < last);
        self.last_change_ms = Some(now_ms);
        if quiet {
            Send::Now
        } else {
            Send::After(self.window_ms)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_change_goes_at_once() {
        let mut d = Debounce::new(150.0);
        assert_eq!(d.change(0.0), Send::Now);
        assert_eq!(d.change(1000.0), Send::Now);
    }

    #[test]
    fn a_burst_of_ten_sends_twice() {
        let mut d = Debounce::new(150.0);
        let sends_now = (0..10)
            .map(|i| d.change(f64::from(i) * 30.0))
            .filter(|s| *s == Send::Now)
            .count();
        // One leading send; the other nine share one trailing send.
        assert_eq!(sends_now, 1);
        assert_eq!(d.change(270.0 + 150.0), Send::Now);
    }

    #[test]
    fn a_clock_set_back_does_not_hold_a_change() {
        let mut d = Debounce::new(150.0);
        d.change(1000.0);
        assert_eq!(d.change(10.0), Send::Now);
    }
}
