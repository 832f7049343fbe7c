//! Moving accepted votes from the fast intake's queue into the source of
//! truth.

use crate::ports::{ArchiveError, ArchivedBatch, QueueError, QueuedVote, VoteArchive, VoteQueue};
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum FlushError {
    #[error(transparent)]
    Queue(#[from] QueueError),
    /// The batch is still held: retry [`Flusher::retry`] until it succeeds.
    #[error(transparent)]
    Archive(#[from] ArchiveError),
}

/// What one flush moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flushed {
    pub archived: ArchivedBatch,
    pub votes: usize,
    /// Acceptance times of the batch, for the acceptance-to-durable lag.
    pub accepted_at_ms: Vec<u64>,
}

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
    /// consumers. Returns `None` when there was nothing to do.
    pub async fn flush(
        &mut self,
        max: usize,
        wait: Duration,
        reclaim_after: Duration,
    ) -> Result<Option<Flushed>, FlushError> {
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
    pub async fn retry(&mut self) -> Result<Flushed, FlushError> {
        let archived = self.archive.store(&self.held).await?;
        // Durable now. If acknowledging fails, the entries come back later
        // and are skipped as already stored.
        let batch = std::mem::take(&mut self.held);
        self.queue.acknowledge(&batch).await?;
        Ok(Flushed {
            archived,
            votes: batch.len(),
            accepted_at_ms: batch.iter().map(|v| v.accepted_at_ms).collect(),
        })
    }

    /// Whether a batch is waiting for the archive to come back.
    pub fn holding(&self) -> bool {
        !self.held.is_empty()
    }

    pub fn queue_mut(&mut self) -> &mut Q {
        &mut self.queue
    }
}
