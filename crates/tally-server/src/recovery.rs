//! Keeping the Redis mirror right: recovery after an outage, and a periodic
//! comparison with Postgres.

use std::collections::HashMap;
use std::time::Duration;
use tally_domain::ports::{PresentationStore, VoteLedger};
use tally_postgres::PgStore;
use tally_prometheus::Metrics;
use tally_redis::{Rebuilder, Redis, RedisHealth};
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

/// Waits for Redis to be marked down, then probes it; once it answers,
/// re-mirrors from Postgres and only then sends votes to Redis again.
pub async fn recover<S: PresentationStore, L: VoteLedger>(
    redis: Redis,
    rebuilder: Rebuilder<S, L>,
    health: RedisHealth,
    metrics: Metrics,
    probe_every: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            () = health.wait_down() => {}
            _ = shutdown.changed() => return,
        }
        loop {
            if *shutdown.borrow() {
                return;
            }
            tokio::time::sleep(probe_every).await;
            if redis.ping().await.is_err() {
                continue;
            }
            match switch_back(&rebuilder, &health).await {
                Ok(n) => {
                    tracing::info!(
                        presentations = n,
                        "re-mirrored from Postgres after a Redis outage"
                    );
                    metrics.set_intake_path("redis", true);
                    break;
                }
                Err(e) => {
                    health.mark_down(&format!("re-mirroring failed: {e:#}"));
                    tracing::warn!(error = %format!("{e:#}"), "re-mirroring failed; retrying");
                }
            }
        }
    }
}

/// Every `every`, compares each mirrored state version with Postgres and
/// rebuilds the mirrors that differ. This repairs a mirror left stale by a
/// process that committed a change and then could not reach Redis while
/// others could.
pub async fn reconcile<L: VoteLedger>(
    pg: PgStore,
    rebuilder: Rebuilder<PgStore, L>,
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
        if let Err(e) = reconcile_once(&pg, &rebuilder).await {
            tracing::warn!(error = %format!("{e:#}"), "reconciling the mirror failed");
        }
    }
}

/// One comparison pass; returns how many mirrors were rebuilt.
///
/// # Errors
/// When Redis or Postgres fails.
pub async fn reconcile_once<L: VoteLedger>(
    pg: &PgStore,
    rebuilder: &Rebuilder<PgStore, L>,
) -> anyhow::Result<usize> {
    let active = rebuilder.mirror().active().await?;
    if active.is_empty() {
        return Ok(0);
    }
    let mirrored = rebuilder.mirror().versions(&active).await?;
    let truth: HashMap<_, _> = pg.state_versions(&active).await?.into_iter().collect();
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
