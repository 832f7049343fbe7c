use crate::ports::IntakeError;
use crate::vote::VoteReceipt;

/// Why a vote was refused, as a bounded metric label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RejectReason {
    Invalid,
    PresentationNotFound,
    PollNotFound,
    PollNotCurrent,
    VotingClosed,
    UnknownOption,
    AlreadyVotedDifferently,
    Unavailable,
    Overloaded,
    OutcomeUnknown,
    /// Checked in a round a deck edit has closed, and not checked again in
    /// time (a second edit at once).
    RoundChanged,
}

impl RejectReason {
    /// Every reason, for exporters that pre-register label values.
    pub const ALL: [RejectReason; 11] = [
        RejectReason::Invalid,
        RejectReason::PresentationNotFound,
        RejectReason::PollNotFound,
        RejectReason::PollNotCurrent,
        RejectReason::VotingClosed,
        RejectReason::UnknownOption,
        RejectReason::AlreadyVotedDifferently,
        RejectReason::Unavailable,
        RejectReason::Overloaded,
        RejectReason::OutcomeUnknown,
        RejectReason::RoundChanged,
    ];

    pub fn as_label(self) -> &'static str {
        match self {
            RejectReason::Invalid => "invalid",
            RejectReason::PresentationNotFound => "presentation_not_found",
            RejectReason::PollNotFound => "poll_not_found",
            RejectReason::PollNotCurrent => "poll_not_current",
            RejectReason::VotingClosed => "voting_closed",
            RejectReason::UnknownOption => "unknown_option",
            RejectReason::AlreadyVotedDifferently => "already_voted_differently",
            RejectReason::Unavailable => "unavailable",
            RejectReason::Overloaded => "overloaded",
            RejectReason::OutcomeUnknown => "outcome_unknown",
            RejectReason::RoundChanged => "round_changed",
        }
    }
}

impl From<&IntakeError> for RejectReason {
    fn from(error: &IntakeError) -> Self {
        match error {
            IntakeError::PresentationNotFound => RejectReason::PresentationNotFound,
            IntakeError::PollNotFound => RejectReason::PollNotFound,
            IntakeError::PollNotCurrent => RejectReason::PollNotCurrent,
            IntakeError::VotingClosed => RejectReason::VotingClosed,
            IntakeError::UnknownOption(_) => RejectReason::UnknownOption,
            IntakeError::AlreadyVotedDifferently | IntakeError::ChangeNotAllowed => {
                RejectReason::AlreadyVotedDifferently
            }
            IntakeError::WrongType => RejectReason::Invalid,
            IntakeError::RoundChanged => RejectReason::RoundChanged,
            IntakeError::Unavailable(_) => RejectReason::Unavailable,
            IntakeError::Overloaded => RejectReason::Overloaded,
            IntakeError::OutcomeUnknown(_) => RejectReason::OutcomeUnknown,
        }
    }
}

/// Counting what happens to votes. Recording must never fail or block.
pub trait VoteMetrics: Clone + Send + Sync + 'static {
    fn vote_accepted(&self, receipt: VoteReceipt);
    fn vote_rejected(&self, reason: RejectReason);
}

/// The two ways a vote can be taken, as a bounded metric label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntakePath {
    /// The spike path (Redis), acknowledged before it is durable.
    Fast,
    /// Straight into the source of truth (Postgres).
    Direct,
}

/// Watching the failover between the two intakes. Recording must never
/// fail or block.
pub trait IntakeMetrics: Clone + Send + Sync + 'static {
    /// One vote decided on `path`, taking `seconds`.
    fn vote_took(&self, path: IntakePath, seconds: f64);

    /// Votes now take `path`; `switched` is false for the choice at start.
    fn path_in_use(&self, path: IntakePath, switched: bool);
}

/// What one flush moved into the source of truth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlushedBatch {
    /// Votes in the batch.
    pub votes: usize,
    /// Of those, the rows that were new.
    pub inserted: u64,
    /// Acceptance time of each vote, ms since the epoch, for the lag from
    /// acknowledgement to durability.
    pub accepted_at_ms: Vec<u64>,
}

/// Which side a flush attempt failed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlushStage {
    Queue,
    Archive,
}

/// Watching the flush loop. Recording must never fail or block.
pub trait FlushMetrics: Clone + Send + Sync + 'static {
    /// A batch is durable: `seconds` from reading it to acknowledging it;
    /// `now_ms` is when it became durable.
    fn flushed(&self, batch: &FlushedBatch, seconds: f64, now_ms: u64);

    /// An attempt failed at `stage` (the loop logs why and retries).
    fn flush_failed(&self, stage: FlushStage);

    /// Votes accepted and not yet durable.
    fn backlog(&self, votes: u64);
}
