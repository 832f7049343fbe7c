use crate::ids::{ParticipantId, PollId, PresentationId};
use std::future::Future;
use std::time::Duration;
use thiserror::Error;

/// A vote accepted by a fast intake and waiting to reach the source of
/// truth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedVote {
    /// Opaque to the domain: handed back to [`VoteQueue::acknowledge`].
    pub entry: String,
    pub presentation_id: PresentationId,
    pub poll_id: PollId,
    pub participant: ParticipantId,
    /// The poll's round the action counts in.
    pub round: u32,
    /// The choice in its stored form (`kinds::encoding`), or `None` for a
    /// retraction.
    pub choice: Option<String>,
    /// When the intake acknowledged it, in milliseconds since the Unix
    /// epoch.
    pub accepted_at_ms: u64,
    /// Orders one participant's actions on a poll: a later action has a
    /// larger version. The archive applies an action only over an older
    /// one, so a redelivered or reclaimed entry never undoes a later one.
    pub version: i64,
}

#[derive(Debug, Error)]
#[error("vote queue unavailable: {0:#}")]
pub struct QueueError(#[from] pub anyhow::Error);

/// Accepted votes in transit. Delivery is at least once: an entry handed
/// out and not acknowledged is handed out again (to this or another
/// consumer) after it has been idle for a while.
pub trait VoteQueue: Send + Sync + 'static {
    /// Up to `max` entries never handed out before, waiting at most `wait`
    /// for the first.
    ///
    /// # Errors
    /// MUST return [`QueueError`] only when the queue cannot be reached.
    fn next_batch(
        &mut self,
        max: usize,
        wait: Duration,
    ) -> impl Future<Output = Result<Vec<QueuedVote>, QueueError>> + Send;

    /// Up to `max` entries handed out to any consumer at least `min_idle`
    /// ago and never acknowledged (their consumer crashed or stalled).
    /// Looking costs a scan, so an implementation MAY look less often than
    /// it is asked and return nothing in between; such entries are then
    /// handed out by a later call.
    ///
    /// # Errors
    /// As [`Self::next_batch`].
    fn reclaim(
        &mut self,
        min_idle: Duration,
        max: usize,
    ) -> impl Future<Output = Result<Vec<QueuedVote>, QueueError>> + Send;

    /// Removes entries for good. Call only once they are durable.
    ///
    /// # Errors
    /// As [`Self::next_batch`]; the entries are then handed out again later.
    fn acknowledge(
        &mut self,
        entries: &[QueuedVote],
    ) -> impl Future<Output = Result<(), QueueError>> + Send;

    /// Entries not yet acknowledged.
    ///
    /// # Errors
    /// As [`Self::next_batch`].
    fn backlog(&mut self) -> impl Future<Output = Result<u64, QueueError>> + Send;
}
