//! The bodies of the background tasks the application runs beside the
//! server (the flusher's loop is the domain's `Flusher::run`, started in
//! `startup`; the probe's and the sweep's are in tally-redis's `recovery`).

use crate::startup::LocalEvents;
use futures::FutureExt as _;
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::PresentationStore;
use tally_domain::usecases::Announcements;
use tally_domain::PresentationId;
use tally_http::admission::Admission;
use tally_http::live::{AudienceBoard, LiveHub};
use tally_http::reads::ReadCache;
use tally_postgres::Pool;
use tally_prometheus::Metrics;
use tally_redis::{Redis, RedisAudience};
use tokio::sync::watch;

/// Every `every`, removes the slide images no poll names whose last upload
/// is older than `grace` (`PresentationStore::sweep_images`). Every process
/// sweeps; a sweep finding nothing costs one query.
pub(crate) async fn sweep_images<S: PresentationStore>(
    store: S,
    every: Duration,
    grace: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            _ = shutdown.changed() => return,
        }
        let Some(cutoff) = std::time::SystemTime::now().checked_sub(grace) else {
            continue;
        };
        match store.sweep_images(cutoff).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(images = n, "unused slide images removed"),
            Err(e) => {
                tracing::warn!(error = %format!("{:#}", e.0), "sweeping unused images failed; next time")
            }
        }
    }
}

/// Samples the Postgres pool, the live channels and the vote admission into
/// the metrics once a second.
pub(crate) async fn sample(
    pool: Pool,
    hub: Arc<LiveHub>,
    admission: Arc<Admission>,
    metrics: Metrics,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        metrics.set_live_presentations(hub.channels());
        metrics.set_vote_admission(admission.waiting(), admission.in_flight());
        let status = pool.status();
        metrics.set_db_pool(
            status.max_size,
            status.size,
            status.available,
            status.waiting,
        );
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// Tells this process's subscribers of the changes other processes
/// announce (Redis pub/sub), through the same change events as its own
/// changes, resubscribing after any error. While it is not subscribed, the
/// read cache checks its entries against Postgres instead.
pub(crate) async fn live_changes<S: PresentationStore>(
    redis: Redis,
    announcements: Announcements<S, LocalEvents>,
    hub: Arc<LiveHub>,
    reads: Arc<ReadCache>,
    mut shutdown: watch::Receiver<bool>,
) {
    use futures::StreamExt as _;
    loop {
        match redis.changes().await {
            Ok(changes) => {
                // Changes made while this process was not listening were
                // never announced to it (the first pass is a no-op): the
                // read cache reloads on its next reads, and the presentations
                // someone follows live here are heard of as if announced.
                reads.reload_all();
                reads.set_announced(true);
                for id in hub.presentations() {
                    heard(&announcements, &reads, id).await;
                }
                let mut changes = std::pin::pin!(changes);
                loop {
                    tokio::select! {
                        next = changes.next() => match next {
                            Some(id) => heard(&announcements, &reads, id).await,
                            None => break,
                        },
                        _ = shutdown.changed() => return,
                    }
                }
            }
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), "live change events unavailable; retrying")
            }
        }
        reads.set_announced(false);
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// Another process changed `id`.
async fn heard<S: PresentationStore>(
    announcements: &Announcements<S, LocalEvents>,
    reads: &ReadCache,
    id: PresentationId,
) {
    if let Err(e) = announcements.heard(id).await {
        // The change cannot be known here, so nobody was told: the read
        // cache drops its copy, which the next read reloads; the live
        // channels catch up with the next change or resubscription.
        tracing::warn!(presentation = %id, error = %format!("{:#}", e.0), "could not load an announced change");
        reads.invalidate(id).await;
    }
}

/// The live audience board over Redis, as the live channels want it.
pub(crate) struct SharedAudience(pub(crate) RedisAudience);

impl AudienceBoard for SharedAudience {
    fn report<'a>(
        &'a self,
        counts: &'a [(PresentationId, usize)],
    ) -> futures::future::BoxFuture<'a, Result<Vec<usize>, String>> {
        async move { self.0.report(counts).await.map_err(|e| format!("{e:#}")) }.boxed()
    }
}
