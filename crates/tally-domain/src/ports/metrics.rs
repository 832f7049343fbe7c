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
}

impl RejectReason {
    /// Every reason, for exporters that pre-register label values.
    pub const ALL: [RejectReason; 10] = [
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
            IntakeError::AlreadyVotedDifferently => RejectReason::AlreadyVotedDifferently,
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
