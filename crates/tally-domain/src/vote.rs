//! Votes, as cast and as counted.

use crate::ids::{ParticipantId, PollId, PresentationId};
use crate::poll::{OptionKey, OptionValue, Question};

/// One participant's choice on one poll, as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballot {
    pub presentation_id: PresentationId,
    pub poll_id: PollId,
    pub participant: ParticipantId,
    /// The key as the client sent it. It is checked against the poll's
    /// options by the intake, atomically with the rest of the vote, so it is
    /// not an [`OptionKey`] yet.
    pub key: String,
}

/// How an accepted vote was counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteReceipt {
    /// The vote is new and was counted.
    Counted,
    /// The participant had already cast this same vote; it was counted once,
    /// before. Retries are therefore safe.
    AlreadyCounted,
}

/// A vote in the presenter's listing (v4: exactly `client_id` and `key`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteRecord {
    pub participant: ParticipantId,
    pub key: OptionKey,
}

/// The count for one option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionTally {
    pub key: OptionKey,
    pub value: OptionValue,
    pub votes: u64,
}

/// A poll's results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollResults {
    pub poll_id: PollId,
    pub question: Question,
    pub options: Vec<OptionTally>,
    /// Sum of the option counts.
    pub total_votes: u64,
    /// Distinct participants who voted. Equal to `total_votes` while each
    /// participant has one vote per poll; kept apart so that multi-choice
    /// polls can be added without changing the shape.
    pub participants: u64,
    pub voting_open: bool,
}
