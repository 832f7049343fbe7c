//! The system clock, as the domain's [`Clock`] port: wall time read once,
//! advanced by the monotonic clock (so it never steps back when NTP
//! corrects the wall clock), and tokio's timer for waits.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tally_domain::ports::Clock;

#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

/// The wall time at the first reading, and the instant it was taken.
fn origin() -> &'static (u64, Instant) {
    static ORIGIN: OnceLock<(u64, Instant)> = OnceLock::new();
    ORIGIN.get_or_init(|| {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        (wall, Instant::now())
    })
}

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        let (wall, at) = origin();
        let since = u64::try_from(at.elapsed().as_millis()).unwrap_or(u64::MAX);
        wall.saturating_add(since)
    }

    async fn sleep(&self, duration: Duration) {
        tokio::time::sleep(duration).await;
    }
}

#[cfg(test)]
mod contract {
    use super::SystemClock;
    tally_testkit::clock_contract_tests!(SystemClock);
}
