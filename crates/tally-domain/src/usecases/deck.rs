//! Editing a presentation's deck, live or not ([`crate::deck`] says what
//! may change and when).

use super::access::presenter_error_from_check;
use super::Tally;
use crate::deck::{revise, DeckEdit, DeckRev, DeckRevision, DeckRevisionError, EditKind};
use crate::ids::{PollId, PresentationId};
use crate::kinds::PollType;
use crate::poll::PresenterNotes;
use crate::ports::{
    self, LedgerError, Ports, PresentationEvents as _, PresentationStore as _, QuestionBoard as _,
    VoteLedger as _,
};
use crate::presentation::Presentation;
use crate::presenter::{AccessDenied, Power, PresenterToken};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReviseDeckError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error(transparent)]
    Invalid(#[from] DeckRevisionError),
    /// The deck changed since the editor read it (412, with the deck as it
    /// now is for the editor to merge).
    #[error("the deck is at revision {current}, not the one edited")]
    Stale { current: DeckRev },
    /// An edit would change what the poll's votes mean and its current
    /// round has votes (409), or a removed poll has votes in some round.
    #[error("slide {slide} has votes; {}", refusal(.edit))]
    PollHasVotes {
        poll: PollId,
        /// From 1, in the deck as stored.
        slide: usize,
        edit: EditKind,
        option: Option<String>,
    },
    /// A poll names an image that was never uploaded.
    #[error("no image {0} was uploaded to this Tally")]
    UnknownImage(crate::deck::image::ImageId),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(ReviseDeckError);

fn refusal(edit: &EditKind) -> &'static str {
    if *edit == EditKind::PollRemoved {
        "a poll with votes cannot be removed"
    } else {
        "this edit would change what they mean: send reset_round to count from zero in a new round"
    }
}

impl From<ports::ReviseDeckError> for ReviseDeckError {
    fn from(e: ports::ReviseDeckError) -> Self {
        match e {
            ports::ReviseDeckError::NotFound => Self::NotFound,
            ports::ReviseDeckError::Stale { current } => Self::Stale { current },
            ports::ReviseDeckError::PollOnScreen(id) => {
                Self::Invalid(DeckRevisionError::PollOnScreen(id))
            }
            ports::ReviseDeckError::Store(s) => Self::Unavailable(s.0),
        }
    }
}

#[derive(Debug, Error)]
pub enum ReadDeckError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(ReadDeckError);

/// The deck as an editor opens it: the polls with the presenter's notes.
#[derive(Debug)]
pub struct EditableDeck {
    pub presentation: Presentation,
    pub notes: Vec<(PollId, PresenterNotes)>,
}

/// Why [`Tally::deck_with_notes`] has no deck: `None`, no such
/// presentation; `Some`, the store failed.
#[derive(Debug)]
pub(super) struct Missing(pub(super) Option<anyhow::Error>);

/// A stored revision.
#[derive(Debug)]
pub struct DeckRevised {
    pub presentation: Presentation,
    /// What changed (empty when the revision was the deck as it was: then
    /// nothing is stored and the revision number stays).
    pub edits: Vec<DeckEdit>,
}

impl<P: Ports> Tally<P> {
    /// The deck with its notes and revision, for whoever runs the
    /// presentation (the notes are not the audience's to read).
    pub async fn editable_deck(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<EditableDeck, ReadDeckError> {
        self.check_presenter(id, credential, Power::Run).await?;
        self.deck_with_notes(id).await.map_err(|e| {
            e.0.map_or(ReadDeckError::NotFound, ReadDeckError::Unavailable)
        })
    }

    /// The deck and its notes; `Err(None)` for an unknown presentation,
    /// `Err(Some(cause))` when the store fails.
    pub(super) async fn deck_with_notes(
        &self,
        id: PresentationId,
    ) -> Result<EditableDeck, Missing> {
        let failed = |e: ports::StoreError| Missing(Some(e.0));
        let presentation = self
            .store
            .get(id)
            .await
            .map_err(failed)?
            .ok_or(Missing(None))?;
        let notes = self.store.notes(id).await.map_err(failed)?;
        Ok(EditableDeck {
            presentation,
            notes,
        })
    }

    /// Every recorded edit of the deck, oldest first, with the revision
    /// that made it.
    pub async fn deck_edits(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<(DeckRev, DeckEdit)>, ReadDeckError> {
        self.check_presenter(id, credential, Power::Run).await?;
        self.store
            .deck_edits(id)
            .await
            .map_err(|e| ReadDeckError::Unavailable(e.0))
    }

    /// Replaces the deck with `revision`, if it is still at `expected` (the
    /// revision the editor read), by whoever runs the presentation.
    pub async fn revise_deck(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        expected: DeckRev,
        revision: DeckRevision,
    ) -> Result<DeckRevised, ReviseDeckError> {
        self.check_presenter(id, credential, Power::Run).await?;
        let unavailable = |e: ports::StoreError| ReviseDeckError::Unavailable(e.0);
        let deck = self
            .store
            .get(id)
            .await
            .map_err(unavailable)?
            .ok_or(ReviseDeckError::NotFound)?;
        if deck.deck_rev != expected {
            return Err(ReviseDeckError::Stale {
                current: deck.deck_rev,
            });
        }
        let notes = self.store.notes(id).await.map_err(unavailable)?;
        let revised = revise(&deck, &notes, revision)?;
        let drafts = revised.polls.iter().map(|p| &p.draft);
        if let Some(image) = self
            .first_missing_image(drafts)
            .await
            .map_err(unavailable)?
        {
            return Err(ReviseDeckError::UnknownImage(image));
        }
        if revised.is_empty() {
            return Ok(DeckRevised {
                presentation: deck,
                edits: Vec::new(),
            });
        }
        // Votes acknowledged before now are all read (the ledger waits for
        // those still on their way); one that comes after is counted in the
        // round it was checked for, which the revision closes ([`crate::deck`]).
        let slide_of = |poll: PollId| {
            deck.polls
                .iter()
                .position(|p| p.id == poll)
                .map_or(0, |i| i + 1)
        };
        for (poll, edit) in revised.needs_empty_round() {
            if self.has_votes(&deck, poll, false).await? {
                return Err(ReviseDeckError::PollHasVotes {
                    poll,
                    slide: slide_of(poll),
                    edit: edit.what,
                    option: edit.option.clone(),
                });
            }
        }
        // Questions belong to a Q&A poll, not to a round: no reset makes
        // its type free to change once it has some.
        for edit in revised.edits.iter().filter(|e| e.what == EditKind::Type) {
            let was_qa = deck
                .polls
                .iter()
                .any(|p| p.id == edit.poll && p.settings.kind == PollType::Qa);
            if was_qa && self.has_votes(&deck, edit.poll, true).await? {
                return Err(ReviseDeckError::PollHasVotes {
                    poll: edit.poll,
                    slide: slide_of(edit.poll),
                    edit: EditKind::Type,
                    option: None,
                });
            }
        }
        for poll in &revised.removed {
            if self.has_votes(&deck, *poll, true).await? {
                return Err(ReviseDeckError::PollHasVotes {
                    poll: *poll,
                    slide: slide_of(*poll),
                    edit: EditKind::PollRemoved,
                    option: None,
                });
            }
        }
        let presentation = self.store.revise_deck(id, expected, &revised).await?;
        self.events.changed(&presentation).await;
        Ok(DeckRevised {
            presentation,
            edits: revised.edits,
        })
    }

    /// Whether `poll` of `deck` has a vote (or, for Q&A, a question) in its
    /// current round, or with `any_round` in any.
    async fn has_votes(
        &self,
        deck: &Presentation,
        poll: PollId,
        any_round: bool,
    ) -> Result<bool, ReviseDeckError> {
        let Some(stored) = deck.polls.iter().find(|p| p.id == poll) else {
            return Ok(false);
        };
        let ledger = |e: LedgerError| match e {
            // Removed by a concurrent edit: the store's revision check
            // refuses the rest.
            LedgerError::PollNotFound | LedgerError::RoundNotFound => None,
            LedgerError::Unavailable(e) => Some(ReviseDeckError::Unavailable(e)),
        };
        if stored.settings.kind == PollType::Qa {
            let asked = self
                .board
                .questions(deck.id, poll)
                .await
                .map_err(|e| ReviseDeckError::Unavailable(e.0))?;
            // Questions belong to the poll, not to a round.
            return Ok(!asked.is_empty());
        }
        let first = if any_round { 1 } else { stored.round };
        for round in first..=stored.round {
            let results = if round == stored.round {
                self.ledger.results(deck.id, poll).await
            } else {
                self.ledger.round_results(deck.id, poll, round).await
            };
            match results {
                Ok(r) if r.participants > 0 || !r.entries.is_empty() => return Ok(true),
                Ok(_) => {}
                Err(e) => match ledger(e) {
                    Some(e) => return Err(e),
                    None => return Ok(false),
                },
            }
        }
        Ok(false)
    }
}
