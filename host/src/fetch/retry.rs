//! How often, and after how long, a request that failed transiently is sent again: exponential
//! backoff from [`Retry::FIRST_DELAY`], doubling, at most [`Retry::MAX_DELAY`]; a server's
//! `Retry-After` is honoured instead, up to [`Retry::MAX_SERVER_DELAY`].

use std::time::Duration;

/// A bounded retry policy: `retries` more tries after the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    retries: u32,
}

impl Retry {
    /// The wait before the first retry.
    pub const FIRST_DELAY: Duration = Duration::from_millis(500);
    /// The longest wait between two tries that the backoff itself chooses.
    pub const MAX_DELAY: Duration = Duration::from_secs(16);
    /// The longest `Retry-After` honoured.
    pub const MAX_SERVER_DELAY: Duration = Duration::from_secs(60);

    /// At most `retries` retries (0: one try only).
    pub const fn new(retries: u32) -> Self {
        Self { retries }
    }

    /// Tries in all: the first and the retries.
    pub const fn tries(&self) -> u32 {
        self.retries.saturating_add(1)
    }

    /// The wait after failed try number `attempt` (1-based): the server's `retry_after` when it
    /// gave one (capped), else `FIRST_DELAY · 2^(attempt-1)`, capped at `MAX_DELAY`.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(asked) = retry_after {
            return asked.min(Self::MAX_SERVER_DELAY);
        }
        let doublings = attempt.saturating_sub(1).min(16);
        Self::FIRST_DELAY.saturating_mul(1 << doublings).min(Self::MAX_DELAY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let retry = Retry::new(4);
        assert_eq!(retry.tries(), 5);
        let delays: Vec<f64> = (1..=8).map(|n| retry.delay(n, None).as_secs_f64()).collect();
        assert_eq!(delays, [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 16.0, 16.0]);
        assert_eq!(retry.delay(u32::MAX, None), Retry::MAX_DELAY);
        assert_eq!(Retry::new(0).tries(), 1);
        assert_eq!(Retry::new(u32::MAX).tries(), u32::MAX);
    }

    #[test]
    fn a_servers_retry_after_is_honoured_up_to_a_minute() {
        let retry = Retry::new(4);
        assert_eq!(retry.delay(1, Some(Duration::from_secs(3))), Duration::from_secs(3));
        assert_eq!(retry.delay(3, Some(Duration::ZERO)), Duration::ZERO);
        assert_eq!(retry.delay(1, Some(Duration::from_secs(3600))), Retry::MAX_SERVER_DELAY);
    }
}
