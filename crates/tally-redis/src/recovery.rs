//! Keeping the Redis mirror right, as background tasks: the health probe
//! and recovery after an outage, a periodic comparison with Postgres, and
//! the sweep of idle mirrors.

use crate::{Rebuilder, Redis, RedisHealth, RedisMirror};
use std::collections::HashMap;
use std::time::Duration;
use tally_domain::ports::{
    IntakeMetrics, IntakePath, IntakeSwitch as _, PresentationStore, VoteLedger,
};
use tokio::sync::watch;

/// Re-mirrors every active presentation from Postgres, merging in the votes
/// Postgres holds that Redis lacks (cast while this process fell back).
///
/// # Errors
/// When Redis or Postgres fails; the caller retries.
pub async fn remirror_all<S: PresentationStore, L: VoteLedger>(
    rebuilder: &Rebuilder<S, L>,
) -> anyhow::Result<usize> {
    let active = rebuilder.mirror().active().await?;
    for id in &active {
        let _guard = rebuilder.lock(*id).await;
        rebuilder.rebuild(*id, true).await?;
    }
    Ok(active.len())
}

/// Moves this process back onto Redis without losing fallback votes from
/// the live counters: merge what Postgres holds, switch, wait for the
/// fallback votes still under way, and merge again to take those in.
async fn switch_back<S: PresentationStore, L: VoteLedger>(
    rebuilder: &Rebuilder<S, L>,
    health: &RedisHealth,
) -> anyhow::Result<usize> {
    remirror_all(rebuilder).await?;
    health.mark_up();
    health.fallback_barrier().await;
    remirror_all(rebuilder).await
}

/// How the health probe judges Redis.
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    /// Pause between probes.
    pub every: Duration,
    /// A PING with no answer by then fails.
    pub timeout: Duration,
    /// Failed probes in a row that mark Redis down.
    pub failures: u32,
}

impl Probe {
    /// The longest a frozen Redis goes unnoticed: every probe in the run
    /// waits its pause and its timeout.
    pub fn detection_time(&self) -> Duration {
        (self.every + self.timeout) * self.failures.max(1)
    }
}

/// PINGs Redis on a connection of its own, for as long as the process runs.
/// While Redis is up, `failures` unanswered probes in a row mark it down:
/// that, and a vote whose connection fails, are the only evidence of an
/// outage (a vote that is merely slow is not). While it is down, the first
/// answered probe starts the way back: re-mirror from Postgres, and only
/// then send votes to Redis again.
pub async fn watch<S: PresentationStore, L: VoteLedger, M: IntakeMetrics>(
    redis: Redis,
    rebuilder: Rebuilder<S, L>,
    health: RedisHealth,
    metrics: M,
    probe: Probe,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut failed = 0;
    loop {
        tokio::select! {
            () = tokio::time::sleep(probe.every) => {}
            _ = shutdown.changed() => return,
        }
        let answered = matches!(
            tokio::time::timeout(probe.timeout, redis.ping()).await,
            Ok(Ok(()))
        );
        if health.is_up() {
            failed = if answered { 0 } else { failed + 1 };
            if failed >= probe.failures.max(1)
                && health.mark_down(&format!("no answer to {failed} health probes in a row"))
            {
                metrics.path_in_use(IntakePath::Direct, true);
            }
            continue;
        }
        failed = 0;
        if !answered {
            continue;
        }
        match switch_back(&rebuilder, &health).await {
            Ok(n) => {
                tracing::info!(
                    presentations = n,
                    "re-mirrored from Postgres after a Redis outage"
                );
                metrics.path_in_use(IntakePath::Fast, true);
            }
            Err(e) => {
                health.mark_down(&format!("re-mirroring failed: {e:#}"));
                tracing::warn!(error = %format!("{e:#}"), "re-mirroring failed; retrying");
            }
        }
    }
}

/// Every `every`, compares each mirrored state version with Postgres and
/// rebuilds the mirrors that differ. This repairs a mirror left stale by a
/// process that committed a change and then could not reach Redis while
/// others could.
pub async fn reconcile<S: PresentationStore, L: VoteLedger>(
    store: S,
    rebuilder: Rebuilder<S, L>,
    health: RedisHealth,
    every: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            _ = shutdown.changed() => return,
        }
        if !health.is_up() {
            continue;
        }
        if let Err(e) = reconcile_once(&store, &rebuilder).await {
            tracing::warn!(error = %format!("{e:#}"), "reconciling the mirror failed");
        }
    }
}

/// How long-lived deployments keep Redis from growing forever.
#[derive(Clone, Copy, Debug)]
pub struct Sweep {
    pub every: Duration,
    /// A mirror idle this long, with its votes all flushed, is retired.
    pub mirror_idle: Duration,
    /// A flusher consumer idle this long, with nothing pending, is deleted.
    pub consumer_idle: Duration,
}

/// Every `sweep.every`, retires idle mirrors and deletes dead consumers
/// (see [`RedisMirror::sweep`]), so the flushers read only the streams of
/// presentations in use however many a deployment has served.
pub async fn sweep(
    mirror: RedisMirror,
    health: RedisHealth,
    sweep: Sweep,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(sweep.every) => {}
            _ = shutdown.changed() => return,
        }
        if !health.is_up() {
            continue;
        }
        match mirror.sweep(sweep.mirror_idle, sweep.consumer_idle).await {
            Ok(swept) if swept.retired > 0 || swept.consumers_deleted > 0 => {
                tracing::info!(?swept, "retired idle mirrors and consumers");
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %format!("{e:#}"), "sweeping idle mirrors failed"),
        }
    }
}

/// One comparison pass; returns how many mirrors were rebuilt.
///
/// # Errors
/// When Redis or Postgres fails.
pub async fn reconcile_once<S: PresentationStore, L: VoteLedger>(
    store: &S,
    rebuilder: &Rebuilder<S, L>,
) -> anyhow::Result<usize> {
    let active = rebuilder.mirror().active().await?;
    if active.is_empty() {
        return Ok(0);
    }
    let mirrored = rebuilder.mirror().versions(&active).await?;
    let truth: HashMap<_, _> = store.state_versions(&active).await?.into_iter().collect();
    let mut rebuilt = 0;
    for (id, mirrored) in active.iter().zip(mirrored) {
        if truth.get(id).copied() != mirrored {
            let _guard = rebuilder.lock(*id).await;
            tracing::warn!(presentation = %id, ?mirrored, truth = ?truth.get(id), "mirror differs from Postgres; rebuilding");
            rebuilder.rebuild(*id, false).await?;
            rebuilt += 1;
        }
    }
    Ok(rebuilt)
}
