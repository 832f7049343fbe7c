//! The ballot check: what a phone sent, checked against its poll before it
//! reaches the intake, and what happens when the poll cannot be read.

use super::{GetPresentationError, Tally};
use crate::ids::{ParticipantId, PollId, PresentationId};
use crate::kinds::{InvalidVote, PollSettings, RawChoice};
use crate::ports::{Ports, RejectReason, VoteMetrics as _};
use crate::presentation::Presentation;
use crate::vote::Ballot;
use std::sync::Arc;
use thiserror::Error;

/// A presentation's polls as the caller holds them, to check a vote
/// against. The edge answers from its cached read of the presentation, so
/// the settings are borrowed: the check copies nothing per vote.
pub trait DeckSettings {
    /// The settings of the presentation's poll `poll` and its round, if it
    /// has one.
    fn poll_settings(&self, poll: PollId) -> Option<(&PollSettings, u32)>;
}

impl DeckSettings for Presentation {
    fn poll_settings(&self, poll: PollId) -> Option<(&PollSettings, u32)> {
        self.polls
            .iter()
            .find(|p| p.id == poll)
            .map(|p| (&p.settings, p.round))
    }
}

/// Caches hand out shared reads.
impl<D: DeckSettings + ?Sized> DeckSettings for Arc<D> {
    fn poll_settings(&self, poll: PollId) -> Option<(&PollSettings, u32)> {
        (**self).poll_settings(poll)
    }
}

#[derive(Debug, Error)]
pub enum CheckBallotError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    /// The vote does not fit its poll (400 `invalid_vote`).
    #[error(transparent)]
    Invalid(InvalidVote),
    /// The presentation could not be read, and the vote needs its poll's
    /// settings to be checked.
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

impl<P: Ports> Tally<P> {
    /// The ballot for `raw`, checked against the poll's settings in `deck`,
    /// the caller's read of the presentation.
    ///
    /// When the presentation cannot be read, a v4 key still goes on
    /// unchecked: the intake checks it against the poll's options and type
    /// itself, so v4 voting outlives a presentation-store outage. Any other
    /// choice needs the poll's settings and is refused as unavailable.
    ///
    /// Refusals are counted as the intake's are, except `Unavailable`,
    /// which the intake never saw.
    ///
    /// # Errors
    /// [`CheckBallotError`].
    pub fn check_ballot<D: DeckSettings>(
        &self,
        presentation: PresentationId,
        poll: PollId,
        participant: ParticipantId,
        raw: RawChoice,
        deck: Result<D, GetPresentationError>,
    ) -> Result<Ballot, CheckBallotError> {
        let deck = match deck {
            Ok(deck) => deck,
            Err(GetPresentationError::NotFound) => {
                self.metrics
                    .vote_rejected(RejectReason::PresentationNotFound);
                return Err(CheckBallotError::NotFound);
            }
            Err(GetPresentationError::Unavailable(cause)) => {
                return match raw {
                    RawChoice::Key(key) => Ok(Ballot::single(presentation, poll, participant, key)),
                    _ => Err(CheckBallotError::Unavailable(cause)),
                }
            }
        };
        let Some(settings) = deck.poll_settings(poll) else {
            self.metrics.vote_rejected(RejectReason::PollNotFound);
            return Err(CheckBallotError::PollNotFound);
        };
        Ballot::checked(presentation, poll, settings, participant, raw).map_err(|invalid| {
            self.metrics.vote_rejected(RejectReason::Invalid);
            CheckBallotError::Invalid(invalid)
        })
    }
}
