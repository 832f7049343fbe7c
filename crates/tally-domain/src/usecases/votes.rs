use super::access::presenter_error_from_check;
use super::Tally;
use crate::ids::{PollId, PresentationId};
use crate::ports::{
    IntakeError, LedgerError, Ports, PresentationStore as _, RejectReason, VoteIntake as _,
    VoteLedger as _, VoteMetrics as _,
};
use crate::presenter::{AccessDenied, Power, PresenterToken};
use crate::vote::{Ballot, PollResults, VoteReceipt, VoteRecord};
use thiserror::Error;

/// Casting a vote fails exactly as the intake port does.
pub type CastVoteError = IntakeError;

#[derive(Debug, Error)]
pub enum ListVotesError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    /// v4 lists votes only for the poll on screen.
    #[error("this poll is not the one currently displayed")]
    PollNotCurrent,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("vote ledger unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(ListVotesError);

#[derive(Debug, Error)]
pub enum PollResultsError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error("the poll has not reached that round")]
    RoundNotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("vote ledger unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(PollResultsError);

impl From<LedgerError> for PollResultsError {
    fn from(e: LedgerError) -> Self {
        match e {
            LedgerError::PollNotFound => PollResultsError::PollNotFound,
            LedgerError::RoundNotFound => PollResultsError::RoundNotFound,
            LedgerError::Unavailable(e) => PollResultsError::Unavailable(e),
        }
    }
}

impl<P: Ports> Tally<P> {
    /// Casts a vote. `Ok` is an acknowledgement: the vote will be counted
    /// exactly once.
    pub async fn cast_vote(&self, ballot: Ballot) -> Result<VoteReceipt, CastVoteError> {
        let outcome = if ballot.is_well_formed() {
            self.intake.cast(ballot).await
        } else {
            Err(IntakeError::UnknownOption(ballot.key().to_owned()))
        };
        match outcome {
            Ok(receipt) => {
                self.metrics.vote_accepted(receipt);
                Ok(receipt)
            }
            Err(error) => {
                self.metrics.vote_rejected(RejectReason::from(&error));
                Err(error)
            }
        }
    }

    /// Counts a vote the edge refused before it reached a use case
    /// (malformed body, bad content type), so rejections add up.
    pub fn record_invalid_vote(&self) {
        self.metrics.vote_rejected(RejectReason::Invalid);
    }

    /// Counts a vote the edge refused for load before it reached a use case
    /// (admission queue full, or its deadline passed).
    pub fn record_overloaded_vote(&self) {
        self.metrics.vote_rejected(RejectReason::Overloaded);
    }

    /// The votes on the poll on screen (v4's listing).
    pub async fn list_votes(
        &self,
        id: PresentationId,
        poll: PollId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<VoteRecord>, ListVotesError> {
        self.check_presenter(id, credential, Power::Run).await?;
        let on_screen = self
            .store
            .polls_on_screen(id)
            .await
            .map_err(|e| ListVotesError::Unavailable(e.0))?
            .ok_or(ListVotesError::NotFound)?;
        if !on_screen.polls.contains(&poll) {
            return Err(ListVotesError::PollNotFound);
        }
        if on_screen.current != Some(poll) {
            return Err(ListVotesError::PollNotCurrent);
        }
        self.ledger.votes(id, poll).await.map_err(|e| match e {
            LedgerError::PollNotFound | LedgerError::RoundNotFound => ListVotesError::PollNotFound,
            LedgerError::Unavailable(e) => ListVotesError::Unavailable(e),
        })
    }

    /// Counts for a poll, for a live channel whose subscriber was
    /// authorised as the presenter when it connected
    /// ([`Tally::authorize_presenter`]).
    pub async fn live_results(
        &self,
        id: PresentationId,
        poll: PollId,
    ) -> Result<PollResults, PollResultsError> {
        let results = self
            .ledger
            .results(id, poll)
            .await
            .map_err(PollResultsError::from)?;
        self.with_audience_text(id, results).await
    }

    /// Checks a presenter credential without doing anything else (for
    /// opening a presenter channel, which the big screen follows: a screen
    /// link may).
    pub async fn authorize_presenter(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<(), PollResultsError> {
        self.check_presenter(id, credential, Power::View).await?;
        Ok(())
    }

    /// Counts for any poll of the presentation: of its current round, or of
    /// `round`.
    pub async fn poll_results(
        &self,
        id: PresentationId,
        poll: PollId,
        credential: Option<&PresenterToken>,
        round: Option<u32>,
    ) -> Result<PollResults, PollResultsError> {
        self.check_presenter(id, credential, Power::Moderate)
            .await?;
        let results = match round {
            None => self.ledger.results(id, poll).await,
            Some(round) => self.ledger.round_results(id, poll, round).await,
        }
        .map_err(PollResultsError::from)?;
        self.with_audience_text(id, results).await
    }
}
