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

    /// Every participant's answer on the presentation's quiz polls, in each
    /// poll's current round, as the source of truth holds them (on the
    /// spike path, once flushed: within a flush interval).
    ///
    /// # Errors
    /// MUST return [`LedgerError::Unavailable`] only when the store fails;
    /// an unknown presentation has no answers.
    fn quiz_answers(
        &self,
        presentation: PresentationId,
    ) -> impl Future<Output = Result<Vec<QuizAnswer>, LedgerError>> + Send;
}

/// A participant's answer on a quiz poll, and when it was given (the vote,
/// or its last change).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizAnswer {
    pub poll: PollId,
    pub participant: crate::ParticipantId,
    /// The answer in its stored form (`kinds::encoding`).
    pub choice: String,
    pub answered_at: std::time::SystemTime,
}
