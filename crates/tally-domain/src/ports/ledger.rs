use crate::ids::{PollId, PresentationId};
use crate::vote::{PollResults, VoteRecord};
use std::future::Future;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum LedgerError {
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error("the poll has not reached that round")]
    RoundNotFound,
    #[error("vote ledger unavailable: {0:#}")]
    Unavailable(#[from] anyhow::Error),
}

/// Reading votes back: the listing and the counts.
pub trait VoteLedger: Clone + Send + Sync + 'static {
    /// Every acknowledged vote on the poll, ordered by participant id (a
    /// stable order every adapter can give; the spike path keeps no time
    /// per vote, and adding one would cost a write per vote).
    ///
    /// # Errors
    /// MUST return [`LedgerError::PollNotFound`] when the poll does not
    /// belong to the presentation (or either does not exist).
    fn votes(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> impl Future<Output = Result<Vec<VoteRecord>, LedgerError>> + Send;

    /// Counts per option (in option order), total votes and participants.
    ///
    /// # Errors
    /// MUST return [`LedgerError::PollNotFound`] as for [`Self::votes`].
    fn results(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> impl Future<Output = Result<PollResults, LedgerError>> + Send;

    /// The results of `round` of the poll (from 1 up to its current round;
    /// [`Self::results`] gives the current one). An earlier round is read
    /// from the source of truth: its votes were acknowledged before the
    /// reset and reach it within a flush.
    ///
    /// # Errors
    /// [`LedgerError::PollNotFound`] as for [`Self::votes`];
    /// [`LedgerError::RoundNotFound`] for round 0 or a round after the
    /// current one.
    fn round_results(
        &self,
        presentation: PresentationId,
        poll: PollId,
        round: u32,
    ) -> impl Future<Output = Result<PollResults, LedgerError>> + Send;
}
