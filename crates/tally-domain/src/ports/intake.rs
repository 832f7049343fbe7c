use crate::vote::{Ballot, VoteReceipt};
use std::future::Future;
use thiserror::Error;

/// Why a ballot was not accepted. The first eight are the voter's problem
/// and map to a 4xx. The last three are the service's, and a client retries
/// them: votes are idempotent, so a retry with the same body settles any of
/// them.
#[derive(Debug, Error)]
pub enum IntakeError {
    #[error("no such presentation")]
    PresentationNotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error("this poll is not the one currently displayed")]
    PollNotCurrent,
    #[error("voting on this poll is closed")]
    VotingClosed,
    #[error("the poll has no option with key {0:?}")]
    UnknownOption(String),
    #[error(
        "this participant already voted differently on this poll, and it does not allow changes"
    )]
    AlreadyVotedDifferently,
    #[error("this poll does not allow a vote to be retracted")]
    ChangeNotAllowed,
    /// The ballot was checked against another poll type than the poll's
    /// (a v4 key sent unchecked to a poll of another type).
    #[error("the vote does not fit this poll's type")]
    WrongType,
    /// The ballot was checked in another round of the poll than its
    /// current one ([`Ballot::round`]): a deck edit changed what a vote
    /// may hold since. The caller checks it again against the poll as it
    /// now is.
    #[error("the poll changed since this vote was checked; check it again")]
    RoundChanged,
    /// The store behind the intake cannot be reached (connection refused
    /// or lost). Evidence of an outage: a failover intake may switch paths
    /// on it. The ballot was not acknowledged.
    #[error("vote intake unavailable: {0:#}")]
    Unavailable(#[from] anyhow::Error),
    /// Refused for load before it was sent anywhere (no connection free in
    /// time, admission queue full): it was not and will not be stored. Not
    /// evidence of an outage.
    #[error("too many votes in flight; retry shortly")]
    Overloaded,
    /// Sent, but no answer came in time: it may or may not have been
    /// counted. Not evidence of an outage by itself (a store under load
    /// answers late). A retry with the same ballot settles it.
    #[error("the vote's outcome is unknown: {0:#}")]
    OutcomeUnknown(anyhow::Error),
}

/// Where votes are accepted. An `Ok` is an acknowledgement: the vote MUST
/// then reach the source of truth exactly once, whatever fails afterwards.
pub trait VoteIntake: Clone + Send + Sync + 'static {
    /// Accepts `ballot` if, at one instant, its poll is the presentation's
    /// current poll, voting on it is open, the ballot was checked in its
    /// current round (when it says so), the ballot fits its type (for
    /// single choice: the key names one of its options), and the
    /// participant has not voted differently on it, or the poll allows
    /// changes. A vote replaces the participant's earlier one
    /// ([`VoteReceipt::Changed`]); a retraction (no choice) removes it
    /// ([`VoteReceipt::Retracted`]). The counters move by the difference,
    /// never twice.
    ///
    /// # Errors
    /// MUST return, checking in this order:
    /// - [`IntakeError::PresentationNotFound`] for an unknown presentation;
    /// - [`IntakeError::PollNotFound`] when the poll is not in it;
    /// - [`IntakeError::PollNotCurrent`] when the poll is not on screen;
    /// - [`IntakeError::VotingClosed`] when voting on it is closed;
    /// - [`IntakeError::WrongType`] when the ballot names another type;
    /// - [`IntakeError::RoundChanged`] when the ballot was checked in
    ///   another round than the poll's current one;
    /// - [`IntakeError::UnknownOption`] when no option has the single key;
    /// - [`IntakeError::ChangeNotAllowed`] for a retraction on a poll
    ///   without `allow_change`;
    /// - [`IntakeError::AlreadyVotedDifferently`] when the participant's
    ///   earlier vote differs and the poll does not allow changes.
    ///
    /// A repeat of an accepted vote, and a retraction with nothing to
    /// retract, MUST return `Ok(VoteReceipt::AlreadyCounted)` and change
    /// nothing.
    ///
    /// When the store does not decide, MUST return
    /// [`IntakeError::Overloaded`] if nothing was sent,
    /// [`IntakeError::Unavailable`] if the store could not be reached, and
    /// [`IntakeError::OutcomeUnknown`] if it was sent and no answer came.
    fn cast(&self, ballot: Ballot)
        -> impl Future<Output = Result<VoteReceipt, IntakeError>> + Send;
}
