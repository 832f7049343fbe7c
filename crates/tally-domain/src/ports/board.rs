use super::StoreError;
use crate::ids::{ParticipantId, PollId, PresentationId, QuestionId, SubmissionId};
use crate::kinds::{Asked, Decision, Decisions, QuestionFlag, QuestionText};
use std::future::Future;
use thiserror::Error;

/// Why the board refused a change.
#[derive(Debug, Error)]
pub enum BoardError {
    /// The presentation has no such poll (or, for questions, no such Q&A
    /// poll).
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error("the poll has no such question")]
    QuestionNotFound,
    /// The participant asked [`crate::kinds::qa::MAX_QUESTIONS_PER_PARTICIPANT`]
    /// questions on the poll already.
    #[error("this participant has asked as many questions as a poll takes")]
    QuestionLimit,
    /// The participant sent this submission id before on the poll, with
    /// another text.
    #[error("this submission id was sent before with another question")]
    SubmissionReused,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A question to add to a Q&A poll.
#[derive(Clone, Debug)]
pub struct NewQuestion {
    pub id: QuestionId,
    pub participant: ParticipantId,
    pub text: QuestionText,
    /// The client's idempotency key, if it sent one: a question is stored
    /// once per participant, poll and key.
    pub submission: Option<SubmissionId>,
}

/// Audience text beyond votes: Q&A questions with their upvotes and the
/// presenter's flags, and the presenter's moderation decisions on
/// word-cloud and open-text entries. Every change is atomic; an upvote's
/// count and the record of who upvoted change together, so they always
/// agree.
pub trait QuestionBoard: Clone + Send + Sync + 'static {
    /// Adds a question to the Q&A poll `poll`, unanswered, unpinned, with
    /// no upvote and no decision, and returns its id. A question with a
    /// `submission` the participant already sent on the poll with the same
    /// text is that earlier question: nothing is stored and its id is
    /// returned, also when both arrive at once (the check and the insert
    /// are one atomic step) and when the participant is at the limit.
    ///
    /// # Errors
    /// MUST return [`BoardError::PollNotFound`] when `poll` is not a Q&A
    /// poll of the presentation, [`BoardError::QuestionLimit`] when the
    /// participant has asked the most questions already, and
    /// [`BoardError::SubmissionReused`] when the submission was sent before
    /// with another text (storing nothing in any case).
    fn ask(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: NewQuestion,
    ) -> impl Future<Output = Result<QuestionId, BoardError>> + Send;

    /// Records (`on`) or withdraws `participant`'s upvote of `question`.
    /// Idempotent: a second upvote, or withdrawing one never made, changes
    /// nothing.
    ///
    /// # Errors
    /// MUST return [`BoardError::QuestionNotFound`] when the question is
    /// not on `poll` of the presentation.
    fn upvote(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: QuestionId,
        participant: ParticipantId,
        on: bool,
    ) -> impl Future<Output = Result<(), BoardError>> + Send;

    /// Applies the presenter's `flag` to `question`. Idempotent.
    ///
    /// # Errors
    /// MUST return [`BoardError::QuestionNotFound`] when the question is
    /// not on `poll` of the presentation.
    fn flag(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: QuestionId,
        flag: QuestionFlag,
    ) -> impl Future<Output = Result<(), BoardError>> + Send;

    /// Every question of `poll`, held ones included, in no particular
    /// order.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails (an unknown
    /// poll has no questions).
    fn questions(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> impl Future<Output = Result<Vec<Asked>, StoreError>> + Send;

    /// Records the presenter's decision on the entry `entry_id` of `poll`
    /// (replacing an earlier one).
    ///
    /// # Errors
    /// MUST return [`BoardError::PollNotFound`] when `poll` is not in the
    /// presentation.
    fn decide(
        &self,
        presentation: PresentationId,
        poll: PollId,
        entry_id: &str,
        decision: Decision,
    ) -> impl Future<Output = Result<(), BoardError>> + Send;

    /// The presentation's profanity filter and the decisions on `poll`'s
    /// entries.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails (an unknown
    /// presentation has the default filter and no decision).
    fn decisions(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> impl Future<Output = Result<Decisions, StoreError>> + Send;
}
