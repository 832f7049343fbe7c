//! What the presenter's console reads beyond v4: the presenter's notes,
//! and a poll's rounds.

use super::access::presenter_error_from_check;
use super::votes::PollResultsError;
use super::Tally;
use crate::ids::{PollId, PresentationId};
use crate::poll::PresenterNotes;
use crate::ports::VoteLedger as _;
use crate::ports::{Ports, PresentationStore as _};
use crate::presenter::{AccessDenied, Power, PresenterToken};
use futures::{StreamExt as _, TryStreamExt as _};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum NotesError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(NotesError);

/// Past rounds are read this many at a time: a poll reset a hundred times
/// must not take a hundred connections at once.
const ROUNDS_AT_ONCE: usize = 4;

/// One round of a poll, and how many took part in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundCount {
    /// From 1; a reset starts the next.
    pub round: u32,
    /// Distinct participants with a vote counted in the round.
    pub responses: u64,
}

impl<P: Ports> Tally<P> {
    /// Every round of the poll, first to current, with its responses: what
    /// a console lists so that earlier rounds can be opened (their results
    /// by [`Self::poll_results`] with the round). For whoever may read the
    /// results ([`Power::Moderate`]).
    pub async fn poll_rounds(
        &self,
        id: PresentationId,
        poll: PollId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<RoundCount>, PollResultsError> {
        self.check_presenter(id, credential, Power::Moderate)
            .await?;
        let current = self.ledger.results(id, poll).await?;
        let mut rounds: Vec<RoundCount> = futures::stream::iter(1..current.round)
            .map(|round| async move {
                let results = self.ledger.round_results(id, poll, round).await?;
                Ok::<_, PollResultsError>(RoundCount {
                    round,
                    responses: results.participants,
                })
            })
            .buffered(ROUNDS_AT_ONCE)
            .try_collect()
            .await?;
        rounds.push(RoundCount {
            round: current.round,
            responses: current.participants,
        });
        Ok(rounds)
    }

    /// The notes of the presentation's polls that have notes, in slide
    /// order. Whoever runs the show reads them ([`Power::Run`]): the
    /// presenter and a co-host, never the audience.
    pub async fn presenter_notes(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<(PollId, PresenterNotes)>, NotesError> {
        self.check_presenter(id, credential, Power::Run).await?;
        self.store
            .notes(id)
            .await
            .map_err(|e| NotesError::Unavailable(e.0))
    }
}
