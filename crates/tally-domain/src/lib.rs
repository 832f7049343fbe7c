//! Tally's domain: what a presentation, a poll and a vote are, the rules that
//! govern them, the ports that adapters implement, and the use cases that
//! drive those ports.
//!
//! This crate performs no IO. Adapters (Postgres, Redis, HTTP) depend on it;
//! it depends on none of them. `cargo tree -p tally-domain` shows that.

pub mod contest;
pub mod deck;
pub mod ids;
pub mod kinds;
pub mod links;
pub mod picture;
pub mod poll;
pub mod ports;
pub mod presentation;
pub mod presenter;
pub mod settings;
pub mod usecases;
pub mod vote;

pub use ids::{
    ContestId, ContestantId, CriterionId, LinkId, ParticipantId, PollId, PresentationId,
    PresenterId, QuestionId, RoundId, SubmissionId,
};
pub use links::{LinkLabel, LinkRole, NewLink, PresentationLink};
pub use poll::{OptionKey, OptionValue, Poll, PollDraft, PollOption, PresenterNotes, Question};
pub use presentation::{
    Presentation, PresentationDraft, PresentationSummary, ResultsGate, SlideError, SlideMove,
    SlideState,
};
pub use presenter::{
    AccessDenied, Delegate, DelegateRole, Holder, JoinCode, Power, PresenterAccess, PresenterToken,
    TokenHash,
};
pub use vote::{transition, Ballot, OptionTally, PollResults, TextEntry, VoteReceipt, VoteRecord};
