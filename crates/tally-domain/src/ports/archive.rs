use crate::ports::QueuedVote;
use std::future::Future;
use thiserror::Error;

#[derive(Debug, Error)]
#[error("vote archive unavailable: {0:#}")]
pub struct ArchiveError(#[from] pub anyhow::Error);

/// What storing a batch did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArchivedBatch {
    /// Votes that were new and are now stored and counted.
    pub inserted: u64,
    /// Votes already stored (a replay after a crash) or whose poll or option
    /// no longer exists (the presentation was deleted).
    pub skipped: u64,
}

/// The source of truth's side of the flush.
pub trait VoteArchive: Clone + Send + Sync + 'static {
    /// Stores the batch in one transaction: each vote at most once per
    /// participant and poll, and each option's count raised by exactly the
    /// rows inserted for it. Storing the same batch twice changes nothing
    /// the second time.
    ///
    /// # Errors
    /// MUST return [`ArchiveError`] when the transaction did not commit, in
    /// which case nothing of the batch is stored.
    fn store(
        &self,
        batch: &[QueuedVote],
    ) -> impl Future<Output = Result<ArchivedBatch, ArchiveError>> + Send;
}
