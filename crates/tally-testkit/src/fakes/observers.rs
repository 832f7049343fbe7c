//! The ports that watch rather than store: events, metrics and the intake
//! switch, each recording what it was told so a test can assert on it.

use crate::contract::metrics::Reading;
use std::sync::{Arc, Mutex, MutexGuard};
use tally_domain::ports::{
    FlushMetrics, FlushStage, FlushedBatch, IntakeMetrics, IntakePath, IntakeSwitch,
    PresentationEvents, RejectReason, VoteMetrics,
};
use tally_domain::{Presentation, PresentationId, VoteReceipt};
use tokio::sync::Notify;

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One thing the events were told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Told {
    Changed { id: PresentationId, version: u64 },
    Deleted { id: PresentationId },
}

/// Records every event, in order.
#[derive(Clone, Debug, Default)]
pub struct FakeEvents {
    told: Arc<Mutex<Vec<Told>>>,
}

impl FakeEvents {
    pub fn told(&self) -> Vec<Told> {
        lock(&self.told).clone()
    }

    /// The highest version told for `id`, unless it was deleted after.
    pub fn latest(&self, id: PresentationId) -> Option<u64> {
        lock(&self.told)
            .iter()
            .fold(None, |latest, told| match told {
                Told::Changed { id: of, version } if *of == id => latest.max(Some(*version)),
                Told::Deleted { id: of } if *of == id => None,
                _ => latest,
            })
    }
}

impl PresentationEvents for FakeEvents {
    async fn changed(&self, presentation: &Presentation) {
        lock(&self.told).push(Told::Changed {
            id: presentation.id,
            version: presentation.slide.version,
        });
    }

    async fn deleted(&self, id: PresentationId) {
        lock(&self.told).push(Told::Deleted { id });
    }
}

#[derive(Clone, Debug, Default)]
pub struct FakeMetrics {
    recorded: Arc<Mutex<Reading>>,
}

impl FakeMetrics {
    pub fn recorded(&self) -> Reading {
        lock(&self.recorded).clone()
    }
}

impl VoteMetrics for FakeMetrics {
    fn vote_accepted(&self, receipt: VoteReceipt) {
        let mut recorded = lock(&self.recorded);
        match receipt {
            VoteReceipt::Counted => recorded.counted += 1,
            VoteReceipt::AlreadyCounted => recorded.repeats += 1,
            VoteReceipt::Changed | VoteReceipt::Retracted => recorded.changes += 1,
        }
    }

    fn vote_rejected(&self, reason: RejectReason) {
        *lock(&self.recorded).rejected.entry(reason).or_default() += 1;
    }
}

impl IntakeMetrics for FakeMetrics {
    fn vote_took(&self, path: IntakePath, _seconds: f64) {
        *lock(&self.recorded).votes_by_path.entry(path).or_default() += 1;
    }

    fn path_in_use(&self, path: IntakePath, switched: bool) {
        let mut recorded = lock(&self.recorded);
        recorded.path = Some(path);
        recorded.switches += u64::from(switched);
    }
}

impl FlushMetrics for FakeMetrics {
    fn flushed(&self, batch: &FlushedBatch, _seconds: f64, _now_ms: u64) {
        let mut recorded = lock(&self.recorded);
        recorded.flushed_votes += batch.votes as u64;
        recorded.flushed_inserted += batch.inserted;
    }

    fn flush_failed(&self, stage: FlushStage) {
        let _ = stage;
        lock(&self.recorded).flush_failures += 1;
    }

    fn backlog(&self, votes: u64) {
        lock(&self.recorded).backlog = Some(votes);
    }
}

#[derive(Debug, Default)]
struct Switch {
    up: bool,
    /// Permits handed out and not yet dropped.
    permits: usize,
    /// Barriers waiting; new permits wait while any does.
    barriers: usize,
}

/// The intake switch as plain state: a flag, a permit count and a barrier
/// count, with one notification for every change.
#[derive(Clone, Debug, Default)]
pub struct FakeSwitch {
    state: Arc<Mutex<Switch>>,
    changed: Arc<Notify>,
}

impl FakeSwitch {
    pub fn new(up: bool) -> Self {
        let switch = Self::default();
        lock(&switch.state).up = up;
        switch
    }

    /// Waits until `ready` holds for the state, then applies `then`.
    async fn when<T>(
        &self,
        ready: impl Fn(&Switch) -> bool,
        then: impl FnOnce(&mut Switch) -> T,
    ) -> T {
        loop {
            // Registered before the check, so no change slips between.
            let changed = self.changed.notified();
            {
                let mut state = lock(&self.state);
                if ready(&state) {
                    return then(&mut state);
                }
            }
            changed.await;
        }
    }
}

/// A vote's hold on the direct path.
#[derive(Debug)]
pub struct FakePermit(FakeSwitch);

impl Drop for FakePermit {
    fn drop(&mut self) {
        lock(&self.0.state).permits -= 1;
        self.0.changed.notify_waiters();
    }
}

impl IntakeSwitch for FakeSwitch {
    type Permit = FakePermit;

    fn is_up(&self) -> bool {
        lock(&self.state).up
    }

    fn mark_down(&self, _why: &str) -> bool {
        let changed = std::mem::replace(&mut lock(&self.state).up, false);
        self.changed.notify_waiters();
        changed
    }

    fn mark_up(&self) -> bool {
        let changed = !std::mem::replace(&mut lock(&self.state).up, true);
        self.changed.notify_waiters();
        changed
    }

    async fn wait_down(&self) {
        self.when(|s| !s.up, |_| ()).await;
    }

    async fn fallback_permit(&self) -> Option<FakePermit> {
        let granted = self
            .when(
                |s| s.barriers == 0,
                |s| {
                    let granted = !s.up;
                    s.permits += usize::from(granted);
                    granted
                },
            )
            .await;
        granted.then(|| FakePermit(self.clone()))
    }

    async fn fallback_barrier(&self) {
        lock(&self.state).barriers += 1;
        self.when(|s| s.permits == 0, |s| s.barriers -= 1).await;
        self.changed.notify_waiters();
    }
}
