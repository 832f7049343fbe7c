use std::future::Future;
use std::time::Duration;

/// Time, for use cases that wait or stamp: a port so that tests can run a
/// loop's hours of backoff in no time.
pub trait Clock: Clone + Send + Sync + 'static {
    /// Milliseconds since the Unix epoch. MUST never go backwards within
    /// one clock.
    fn now_ms(&self) -> u64;

    /// Resolves once `duration` has passed on this clock.
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send;
}
