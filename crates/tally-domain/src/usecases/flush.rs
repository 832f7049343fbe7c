//! Moving accepted votes from the fast intake's queue into the source of
//! truth: one batch at a time ([`Flusher::flush`]), and the loop that runs
//! it for as long as the process lives ([`Flusher::run`]).

use crate::ports::{
    ArchiveError, Clock, FlushMetrics, FlushStage, FlushedBatch, QueueError, QueuedVote,
    VoteArchive, VoteQueue,
};
use std::time::{Duration, Instant};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum FlushError {
    #[error(transparent)]
    Queue(#[from] QueueError),
    /// The batch is still held: retry [`Flusher::retry`] until it succeeds.
    #[error(transparent)]
    Archive(#[from] ArchiveError),
}

impl FlushError {
    pub fn stage(&self) -> FlushStage {
        match self {
            FlushError::Queue(_) => FlushStage::Queue,
            FlushError::Archive(_) => FlushStage::Archive,
        }
    }
}

/// Batching, waiting and draining.
#[derive(Clone, Debug)]
pub struct FlushSettings {
    /// Most votes per transaction.
    pub batch: usize,
    /// How long one read waits for the first vote.
    pub wait: Duration,
    /// A vote handed to a consumer and not acknowledged this long is taken
    /// over (its consumer crashed or stalled).
    pub reclaim_after: Duration,
    /// How long the loop keeps draining after it was told to stop.
    pub drain_timeout: Duration,
}

/// After a failure the loop waits this long, doubling up to the cap: a
/// database that is away is not hammered, and one that is back is found
/// within two seconds.
const BACKOFF_START: Duration = Duration::from_millis(50);
const BACKOFF_MAX: Duration = Duration::from_secs(2);
/// How often the loop reports the backlog (a read of the queue).
const BACKLOG_EVERY_MS: u64 = 500;

/// Reads a batch, stores it, and only then acknowledges it. A crash at any
/// point leaves the batch unacknowledged, so it is delivered again and, the
/// archive being idempotent, stored exactly once.
#[derive(Debug)]
pub struct Flusher<Q: VoteQueue, A: VoteArchive> {
    queue: Q,
    archive: A,
    /// A batch read but not yet durable; kept across failed attempts.
    held: Vec<QueuedVote>,
}

impl<Q: VoteQueue, A: VoteArchive> Flusher<Q, A> {
    pub fn new(queue: Q, archive: A) -> Self {
        Self {
            queue,
            archive,
            held: Vec::new(),
        }
    }

    /// Flushes the next batch, preferring entries abandoned by crashed
    /// consumers; a batch held after a failure goes first. Returns `None`
    /// when there was nothing to do.
    ///
    /// # Errors
    /// [`FlushError`] when the queue or the archive failed. An archive
    /// failure keeps the batch held for the next call.
    pub async fn flush(
        &mut self,
        max: usize,
        wait: Duration,
        reclaim_after: Duration,
    ) -> Result<Option<FlushedBatch>, FlushError> {
        if self.held.is_empty() {
            self.held = self.queue.reclaim(reclaim_after, max).await?;
        }
        if self.held.is_empty() {
            self.held = self.queue.next_batch(max, wait).await?;
        }
        if self.held.is_empty() {
            return Ok(None);
        }
        self.retry().await.map(Some)
    }

    /// Stores and acknowledges the held batch.
    async fn retry(&mut self) -> Result<FlushedBatch, FlushError> {
        let archived = self.archive.store(&self.held).await?;
        // Durable now. If acknowledging fails, the entries come back later
        // and are skipped as already stored.
        let batch = std::mem::take(&mut self.held);
        self.queue.acknowledge(&batch).await?;
        Ok(FlushedBatch {
            votes: batch.len(),
            inserted: archived.inserted,
            accepted_at_ms: batch.iter().map(|v| v.accepted_at_ms).collect(),
        })
    }

    /// Whether a batch is waiting for the archive to come back.
    pub fn holding(&self) -> bool {
        !self.held.is_empty()
    }

    /// Votes accepted and not yet acknowledged.
    ///
    /// # Errors
    /// When the queue cannot be reached.
    pub async fn backlog(&mut self) -> Result<u64, QueueError> {
        self.queue.backlog().await
    }

    /// Flushes until `stop()` turns true, backing off while the queue or
    /// the archive fails; then drains (keeps flushing until nothing is
    /// left, or `drain_timeout` passes) and returns. What is left stays
    /// queued for the next flusher.
    pub async fn run<M: FlushMetrics, C: Clock>(
        mut self,
        settings: &FlushSettings,
        metrics: &M,
        clock: &C,
        stop: impl Fn() -> bool + Send,
    ) {
        let mut backoff = BACKOFF_START;
        let mut backlog_at = clock.now_ms();
        let mut drain_until: Option<u64> = None;
        loop {
            if drain_until.is_none() && stop() {
                tracing::info!("draining the vote queue before exit");
                drain_until = Some(clock.now_ms() + millis(settings.drain_timeout));
            }
            if drain_until.is_some_and(|until| clock.now_ms() > until) {
                tracing::warn!("drain timed out; the rest stays queued for the next flusher");
                return;
            }
            // Measured on the monotonic clock: a flush takes milliseconds.
            let started = Instant::now();
            match self
                .flush(settings.batch, settings.wait, settings.reclaim_after)
                .await
            {
                Ok(Some(batch)) => {
                    backoff = BACKOFF_START;
                    let took = started.elapsed().as_secs_f64();
                    metrics.flushed(&batch, took, clock.now_ms());
                }
                Ok(None) if drain_until.is_some() => {
                    tracing::info!("vote queue drained");
                    return;
                }
                Ok(None) => {}
                Err(e) => {
                    metrics.flush_failed(e.stage());
                    tracing::warn!(error = %format!("{e:#}"), stage = ?e.stage(), retry_in_ms = backoff.as_millis(), "flush failed; retrying");
                    clock.sleep(backoff).await;
                    backoff = (backoff * 2).min(BACKOFF_MAX);
                }
            }
            if clock.now_ms().saturating_sub(backlog_at) > BACKLOG_EVERY_MS {
                backlog_at = clock.now_ms();
                if let Ok(n) = self.backlog().await {
                    metrics.backlog(n);
                }
            }
        }
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
