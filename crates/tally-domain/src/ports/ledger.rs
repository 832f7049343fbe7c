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
    /// The store failed, or (with an [`Unsettled`] cause) votes
    /// acknowledged before the read could not be shown in time. Either way
    /// the read may succeed if retried.
    #[error("vote ledger unavailable: {0:#}")]
    Unavailable(#[from] anyhow::Error),
}

/// The cause of a [`LedgerError::Unavailable`] when votes acknowledged
/// before the read were still on their way to the store the read needs,
/// past the adapter's deadline. Told apart from an outage because no other
/// store can answer instead: any other would miss the same votes.
#[derive(Debug, Error)]
#[error("votes acknowledged before this read are not yet readable (waited {waited_ms} ms); retry")]
pub struct Unsettled {
    pub waited_ms: u64,
}

impl LedgerError {
    /// An [`Unavailable`](Self::Unavailable) caused by [`Unsettled`].
    pub fn unsettled(waited: std::time::Duration) -> Self {
        let waited_ms = u64::try_from(waited.as_millis()).unwrap_or(u64::MAX);
        Self::Unavailable(anyhow::Error::new(Unsettled { waited_ms }))
    }

    /// Whether the read gave up waiting for acknowledged votes, rather
    /// than finding its store down.
    pub fn is_unsettled(&self) -> bool {
        matches!(self, Self::Unavailable(e) if e.downcast_ref::<Unsettled>().is_some())
    }
}

/// Reading votes back: the listing and the counts.
///
/// **Reads include every acknowledged vote.** Every read MUST include every
/// vote an intake acknowledged before the read started: on any process, on
/// either intake, in the current round and in earlier ones. An adapter that
/// keeps acknowledged votes somewhere else before its source of truth
/// (Redis's streams, before the flush) waits for them, or reads them where
/// they are. When it cannot within its deadline it MUST fail with
/// [`LedgerError::unsettled`], never answer without them: a count that
/// misses a vote its voter saw accepted is wrong, and a retry is cheap.
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
    /// [`Self::results`] gives the current one), with every vote
    /// acknowledged in that round, flushed or not.
    ///
    /// # Errors
    /// [`LedgerError::PollNotFound`] as for [`Self::votes`];
    /// [`LedgerError::RoundNotFound`] for round 0 or a round after the
    /// current one; [`LedgerError::unsettled`] as the trait says.
    fn round_results(
        &self,
        presentation: PresentationId,
        poll: PollId,
        round: u32,
    ) -> impl Future<Output = Result<PollResults, LedgerError>> + Send;

    /// Every participant's answer on the presentation's quiz polls, in each
    /// poll's current round: every answer acknowledged, flushed or not.
    ///
    /// # Errors
    /// MUST return [`LedgerError::Unavailable`] only when the store fails
    /// or, as [`LedgerError::unsettled`], as the trait says; an unknown
    /// presentation has no answers.
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
