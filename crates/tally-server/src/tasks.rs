//! The bodies of the background tasks the application runs beside the
//! server (the flusher's, the probe's and the sweep's are in `flusher` and
//! `recovery`).

use futures::FutureExt as _;
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::Ports;
use tally_domain::usecases::{GetPresentationError, Tally};
use tally_domain::PresentationId;
use tally_http::admission::Admission;
use tally_http::live::{AudienceBoard, LiveHub};
use tally_http::reads::ReadCache;
use tally_postgres::Pool;
use tally_prometheus::Metrics;
use tally_redis::{Redis, RedisAudience};
use tokio::sync::watch;

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

/// Refreshes this process's read cache and live sockets when another
/// process changes a presentation (Redis pub/sub), resubscribing after any
/// error. While it is not subscribed, the read cache checks its entries
/// against Postgres instead.
pub(crate) async fn live_changes<P: Ports>(
    redis: Redis,
    hub: Arc<LiveHub>,
    reads: Arc<ReadCache>,
    tally: Tally<P>,
    mut shutdown: watch::Receiver<bool>,
) {
    use futures::StreamExt as _;
    loop {
        match redis.changes().await {
            Ok(changes) => {
                // Changes made while this process was not listening were
                // never announced to it (the first pass is a no-op).
                reads.reload_all();
                reads.set_announced(true);
                hub.refresh_all_local(&tally).await;
                let mut changes = std::pin::pin!(changes);
                loop {
                    tokio::select! {
                        next = changes.next() => match next {
                            Some(id) => announced(&tally, &hub, &reads, id).await,
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

/// Another process changed `id`: one read of it, for this process's live
/// channels first (the sockets wait for it) and then its read cache.
async fn announced<P: Ports>(
    tally: &Tally<P>,
    hub: &LiveHub,
    reads: &ReadCache,
    id: PresentationId,
) {
    match tally.presentation(id).await {
        Ok(presentation) => {
            hub.publish(&presentation);
            reads.remember(&presentation).await;
        }
        Err(GetPresentationError::NotFound) => {
            hub.retire(id);
            reads.forget(id).await;
        }
        Err(GetPresentationError::Unavailable(e)) => {
            // The next read loads it; the live channels catch up with the
            // next change or the next resubscription.
            tracing::warn!(presentation = %id, error = %format!("{e:#}"), "could not load an announced change");
            reads.invalidate(id).await;
        }
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
