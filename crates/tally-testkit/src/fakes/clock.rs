//! A clock that only moves when told to (or when something sleeps on it),
//! so that hours of backoff take no time in a test.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::Clock;

/// Starts at a fixed instant. `sleep` advances it by the duration asked
/// for and yields once, so loops that back off still let other tasks run.
#[derive(Clone, Debug)]
pub struct FakeClock {
    now_ms: Arc<AtomicU64>,
    slept_ms: Arc<AtomicU64>,
}

impl Default for FakeClock {
    fn default() -> Self {
        Self {
            // 2026-01-01T00:00:00Z: a plausible epoch time, far from zero.
            now_ms: Arc::new(AtomicU64::new(1_767_225_600_000)),
            slept_ms: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl FakeClock {
    pub fn advance(&self, by: Duration) {
        self.now_ms.fetch_add(millis(by), Ordering::SeqCst);
    }

    /// The total time slept on this clock.
    pub fn slept(&self) -> Duration {
        Duration::from_millis(self.slept_ms.load(Ordering::SeqCst))
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

impl Clock for FakeClock {
    fn now_ms(&self) -> u64 {
        self.now_ms.load(Ordering::SeqCst)
    }

    async fn sleep(&self, duration: Duration) {
        self.slept_ms.fetch_add(millis(duration), Ordering::SeqCst);
        self.advance(duration);
        tokio::task::yield_now().await;
    }
}
