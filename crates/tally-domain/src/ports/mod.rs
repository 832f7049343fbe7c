//! Ports: what the domain needs from the outside world, as traits.
//!
//! Every method documents the errors an implementation MUST return. That
//! documentation is the contract; `tally-testkit`'s contract suites check it
//! against every implementation.

mod archive;
mod board;
mod clock;
mod contests;
mod events;
mod intake;
mod ledger;
mod links;
mod metrics;
mod queue;
mod store;
mod switch;

pub use archive::{ArchiveError, ArchivedBatch, VoteArchive};
pub use board::{BoardError, NewQuestion, QuestionBoard};
pub use clock::Clock;
pub use contests::{
    ContestDefinitions, ContestPeople, ContestRecords, ContestRounds, ContestSheets, ContestStore,
    ContestStoreError, MarkChange, NewContest, SheetChanges,
};
pub use events::{NoEvents, PresentationEvents};
pub use intake::{IntakeError, VoteIntake};
pub use ledger::{LedgerError, QuizAnswer, Unsettled, VoteLedger};
pub use links::{LinkStoreError, PresentationLinks};
pub use metrics::{
    FlushMetrics, FlushStage, FlushedBatch, IntakeMetrics, IntakePath, RejectReason, VoteMetrics,
};
pub use queue::{QueueError, QueuedVote, VoteQueue};
pub use store::{
    InsertPresentationError, NameChangeError, NewPresentation, PollsOnScreen, PresentationStore,
    ResetPollError, ReviseDeckError, SettingsChangeError, SlideChangeError, StoreError,
    VotingChangeError,
};
pub use switch::IntakeSwitch;

/// The set of adapters a [`crate::usecases::Tally`] runs on. One type
/// parameter instead of seven keeps the HTTP layer's handler signatures short.
pub trait Ports: Send + Sync + 'static {
    /// The presentation store keeps the presentation's own links too.
    type Store: PresentationStore + PresentationLinks;
    type Intake: VoteIntake;
    type Ledger: VoteLedger;
    type Metrics: VoteMetrics;
    type Events: PresentationEvents;
    type Board: QuestionBoard;
    type Contests: ContestStore;
}
