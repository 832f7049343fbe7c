use crate::vote::{Ballot, VoteReceipt};
use std::future::Future;
use thiserror::Error;

/// Why a ballot was not accepted. Every variant but `Unavailable` is the
/// voter's problem and maps to a 4xx.
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
    #[error("this participant already voted for a different option on this poll")]
    AlreadyVotedDifferently,
    /// The intake could not decide (store down, timeout). The ballot was not
    /// acknowledged and may safely be retried.
    #[error("vote intake unavailable: {0:#}")]
    Unavailable(#[from] anyhow::Error),
}

/// Where votes are accepted. An `Ok` is an acknowledgement: the vote MUST
/// then reach the source of truth exactly once, whatever fails afterwards.
pub trait VoteIntake: Clone + Send + Sync + 'static {
    /// Accepts `ballot` if, at one instant, its poll is the presentation's
    /// current poll, voting on it is open, the key names one of its options,
    /// and the participant has not voted differently on it.
    ///
    /// # Errors
    /// MUST return, checking in this order:
    /// - [`IntakeError::PresentationNotFound`] for an unknown presentation;
    /// - [`IntakeError::PollNotFound`] when the poll is not in it;
    /// - [`IntakeError::PollNotCurrent`] when the poll is not on screen;
    /// - [`IntakeError::VotingClosed`] when voting on it is closed;
    /// - [`IntakeError::UnknownOption`] when no option has the key;
    /// - [`IntakeError::AlreadyVotedDifferently`] when the participant's
    ///   earlier vote on this poll has another key.
    ///
    /// A repeat of an accepted vote MUST return
    /// `Ok(VoteReceipt::AlreadyCounted)` and count nothing.
    fn cast(&self, ballot: Ballot)
        -> impl Future<Output = Result<VoteReceipt, IntakeError>> + Send;
}
