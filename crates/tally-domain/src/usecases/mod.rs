//! Use cases: what presenters and voters can do. Each returns its own error
//! enum; the HTTP layer maps those to status codes, and nothing here knows
//! about HTTP.

mod access;
mod announcements;
mod ballots;
mod console;
mod contests;
mod deadlines;
mod deck;
mod deck_files;
mod failover;
mod flush;
mod images;
mod links;
mod presentations;
mod questions;
mod quiz;
mod settings;
mod slides;
mod votes;

pub use access::{OwnedPresentation, PresenterCheckError};
pub use announcements::Announcements;
pub use ballots::{CheckBallotError, DeckSettings};
pub use console::{NotesError, RoundCount};
pub use contests::{
    Check, ContestDenied, ContestReadError, Contests, CreateContestError, JudgeProgress,
    JudgeSheet, LinkError, MarkDraft, ResultsView, ReviseContestError, RoundError, SheetError,
    TiePresentationError,
};
pub use deadlines::CloseExpiredError;
pub use deck::{DeckRevised, EditableDeck, ReadDeckError, ReviseDeckError};
pub use deck_files::{ExportDeckError, ImportDeckError};
pub use failover::{FailoverIntake, FailoverLedger};
pub use flush::{FlushError, FlushSettings, Flusher};
pub use images::{ReadImageError, StoreImageError};
pub use links::{CreateLinkError, ListLinksError, RevokeLinkError};
pub use presentations::{
    CreatePresentationError, CreatedPresentation, DeletePresentationError, GetPresentationError,
    JoinError, ListPresentationsError, PresentationPage, MAX_PAGE_SIZE,
};
pub use questions::{AskQuestionError, ListQuestionsError, ModerateError, UpvoteError};
pub use quiz::{scores, LeaderboardError, SetNameError};
pub use settings::{ChangeSettingsError, ReadSettingsError, SetLogoError, SettingsView};
pub use slides::{MoveSlideError, ResetPollError, SetTimerError, SetVotingError};
pub use votes::{CastVoteError, ListVotesError, PollResultsError};

use crate::ports::Ports;

/// The adapters a [`Tally`] runs on, one per port.
#[derive(Debug)]
pub struct Adapters<P: Ports> {
    pub store: P::Store,
    pub intake: P::Intake,
    pub ledger: P::Ledger,
    pub metrics: P::Metrics,
    /// Told of every change the use cases commit.
    pub events: P::Events,
    /// Q&A questions and moderation decisions.
    pub board: P::Board,
    /// Judged contests.
    pub contests: P::Contests,
}

impl<P: Ports> Clone for Adapters<P> {
    fn clone(&self) -> Self {
        Self {
            store: self.store.clone(),
            intake: self.intake.clone(),
            ledger: self.ledger.clone(),
            metrics: self.metrics.clone(),
            events: self.events.clone(),
            board: self.board.clone(),
            contests: self.contests.clone(),
        }
    }
}

/// The application: use cases over a set of ports.
#[derive(Debug)]
pub struct Tally<P: Ports> {
    store: P::Store,
    intake: P::Intake,
    ledger: P::Ledger,
    metrics: P::Metrics,
    events: P::Events,
    board: P::Board,
    contests: P::Contests,
    open_mode: bool,
}

impl<P: Ports> Clone for Tally<P> {
    fn clone(&self) -> Self {
        Self {
            store: self.store.clone(),
            intake: self.intake.clone(),
            ledger: self.ledger.clone(),
            metrics: self.metrics.clone(),
            events: self.events.clone(),
            board: self.board.clone(),
            contests: self.contests.clone(),
            open_mode: self.open_mode,
        }
    }
}

impl<P: Ports> Tally<P> {
    /// `open_mode` is the compatibility switch (`TALLY_OPEN_PRESENTER=1`):
    /// presentations created without credentials while it is on can be
    /// driven without a token. See [`crate::PresenterAccess::authorize`].
    pub fn new(adapters: Adapters<P>, open_mode: bool) -> Self {
        let Adapters {
            store,
            intake,
            ledger,
            metrics,
            events,
            board,
            contests,
        } = adapters;
        Self {
            store,
            intake,
            ledger,
            metrics,
            events,
            board,
            contests,
            open_mode,
        }
    }

    /// The judged contests' use cases, over the same ports (a contest's
    /// people's choice is read through the same vote ledger and
    /// presentation store as every poll).
    pub fn contests(&self) -> Contests<P> {
        Contests::new(self.contests.clone(), self.clone())
    }

    pub fn store(&self) -> &P::Store {
        &self.store
    }

    pub fn metrics(&self) -> &P::Metrics {
        &self.metrics
    }

    /// Where votes are counted: other use cases (a contest's people's
    /// choice) read acknowledged votes through the same ledger.
    pub fn ledger(&self) -> &P::Ledger {
        &self.ledger
    }
}
