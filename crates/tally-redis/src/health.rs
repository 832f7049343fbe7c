//! Whether this process should use Redis right now: the intake switch.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tally_domain::ports::IntakeSwitch;
use tokio::sync::{Notify, OwnedRwLockReadGuard, RwLock};

/// Shared by the intake, the mirroring store and the recovery task. Any
/// Redis failure on the vote path or while mirroring marks it down; only the
/// recovery task, after re-mirroring from Postgres, marks it up again.
#[derive(Clone, Debug)]
pub struct RedisHealth {
    up: Arc<AtomicBool>,
    went_down: Arc<Notify>,
    /// Held (shared) by every vote on the fallback path, so that recovery
    /// can wait for the ones under way before its final merge.
    fallback: Arc<RwLock<()>>,
}

impl RedisHealth {
    pub fn new(up: bool) -> Self {
        Self {
            up: Arc::new(AtomicBool::new(up)),
            went_down: Arc::new(Notify::new()),
            fallback: Arc::new(RwLock::new(())),
        }
    }
}

impl IntakeSwitch for RedisHealth {
    type Permit = OwnedRwLockReadGuard<()>;

    fn is_up(&self) -> bool {
        self.up.load(Ordering::Acquire)
    }

    /// Marks Redis down; returns whether this call changed the state.
    fn mark_down(&self, why: &str) -> bool {
        let changed = self.up.swap(false, Ordering::AcqRel);
        if changed {
            tracing::warn!(error = %why, "Redis unavailable: intake falls back to Postgres");
            self.went_down.notify_waiters();
        }
        changed
    }

    /// Marks Redis up; returns whether this call changed the state.
    fn mark_up(&self) -> bool {
        let changed = !self.up.swap(true, Ordering::AcqRel);
        if changed {
            tracing::info!("Redis healthy again: intake back on Redis");
        }
        changed
    }

    /// A permit to vote on the fallback path, or `None` if Redis is up
    /// (again) and the vote should go there. Hold it until the vote is
    /// committed.
    async fn fallback_permit(&self) -> Option<Self::Permit> {
        let permit = self.fallback.clone().read_owned().await;
        (!self.is_up()).then_some(permit)
    }

    /// Waits until every fallback vote that began before Redis was marked
    /// up has finished. The lock is write-preferring, so votes arriving
    /// meanwhile queue behind this and then see Redis up.
    async fn fallback_barrier(&self) {
        drop(self.fallback.write().await);
    }

    /// Resolves when Redis is next marked down.
    async fn wait_down(&self) {
        let notified = self.went_down.notified();
        if self.is_up() {
            notified.await;
        }
    }
}
