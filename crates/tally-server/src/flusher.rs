//! The flusher task: moves votes from the Redis streams into Postgres, in
//! batches, retrying with backoff while Postgres (or Redis) is away.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tally_domain::ports::{VoteArchive, VoteQueue};
use tally_domain::usecases::{FlushError, Flusher};
use tally_prometheus::Metrics;
use tokio::sync::watch;

/// Batching and retry settings.
#[derive(Clone, Debug)]
pub struct FlushSettings {
    pub batch: usize,
    pub wait: Duration,
    pub reclaim_after: Duration,
    pub drain_timeout: Duration,
}

const BACKOFF_START: Duration = Duration::from_millis(50);
const BACKOFF_MAX: Duration = Duration::from_secs(2);
const BACKLOG_EVERY: Duration = Duration::from_millis(500);

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Runs until `shutdown` turns true, then drains: keeps flushing until
/// nothing is left (or the drain timeout passes) and returns.
pub async fn run<Q: VoteQueue, A: VoteArchive>(
    mut flusher: Flusher<Q, A>,
    settings: FlushSettings,
    metrics: Metrics,
    shutdown: watch::Receiver<bool>,
) {
    let mut backoff = BACKOFF_START;
    let mut backlog_at = Instant::now();
    let mut drain_deadline: Option<Instant> = None;
    loop {
        if drain_deadline.is_none() && *shutdown.borrow() {
            tracing::info!("draining the vote stream before exit");
            drain_deadline = Some(Instant::now() + settings.drain_timeout);
        }
        if drain_deadline.is_some_and(|d| Instant::now() > d) {
            tracing::warn!("drain timed out; the rest stays in Redis for the next flusher");
            return;
        }
        let started = Instant::now();
        let attempt = if flusher.holding() {
            flusher.retry().await.map(Some)
        } else {
            flusher
                .flush(settings.batch, settings.wait, settings.reclaim_after)
                .await
        };
        match attempt {
            Ok(Some(flushed)) => {
                backoff = BACKOFF_START;
                metrics.observe_flush(
                    flushed.votes,
                    started.elapsed().as_secs_f64(),
                    flushed.archived.inserted,
                    &flushed.accepted_at_ms,
                    now_ms(),
                );
            }
            Ok(None) if drain_deadline.is_some() => {
                tracing::info!("vote stream drained");
                return;
            }
            Ok(None) => {}
            Err(e) => {
                metrics.flush_failed();
                let what = match &e {
                    FlushError::Archive(_) => "Postgres",
                    FlushError::Queue(_) => "Redis",
                };
                tracing::warn!(error = %format!("{e:#}"), retry_in_ms = backoff.as_millis(), "flush failed ({what}); retrying");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(BACKOFF_MAX);
            }
        }
        if backlog_at.elapsed() > BACKLOG_EVERY {
            backlog_at = Instant::now();
            if let Ok(n) = flusher.queue_mut().backlog().await {
                metrics.set_backlog(n);
            }
        }
    }
}
