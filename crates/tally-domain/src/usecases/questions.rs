//! Q&A questions and the moderation of audience text (`poll-types.md`).

use super::access::presenter_error_from_check;
use super::votes::PollResultsError;
use super::Tally;
use crate::ids::{ParticipantId, PollId, PresentationId, QuestionId, SubmissionId};
use crate::kinds::moderation::is_entry_id;
use crate::kinds::{
    arrange, Decision, Moderation, PollType, QuestionFlag, QuestionOrder, QuestionText,
    QuestionTextError, QuestionView,
};
use crate::poll::Poll;
use crate::ports::{
    BoardError, NewQuestion, Ports, PresentationStore as _, QuestionBoard as _, StoreError,
};
use crate::presenter::{AccessDenied, Power, PresenterToken};
use crate::vote::PollResults;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AskQuestionError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error("this is a {} poll; questions go to Q&A polls", .0.as_str())]
    NotQa(PollType),
    #[error(transparent)]
    Invalid(#[from] QuestionTextError),
    #[error("you have asked as many questions as this poll takes")]
    Limit,
    #[error("this submission_id was sent before with another question; send a new one for a new question")]
    SubmissionReused,
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum UpvoteError {
    #[error("the poll has no such question")]
    QuestionNotFound,
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum ListQuestionsError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error("this is a {} poll, not a Q&A poll", .0.as_str())]
    NotQa(PollType),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum ModerateError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error("the poll has no such question")]
    QuestionNotFound,
    /// Entries are word-cloud words and open-text answers.
    #[error("a {} poll has no entries to moderate", .0.as_str())]
    NoEntries(PollType),
    #[error("an entry id is 16 lower-case hex digits")]
    MalformedEntryId,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(ModerateError);

impl<P: Ports> Tally<P> {
    /// The presentation's poll `poll`, for the Q&A and moderation use cases
    /// (which are not on the spike path: one read each is fine).
    async fn poll_of(
        &self,
        id: PresentationId,
        poll: PollId,
    ) -> Result<Option<Option<Poll>>, StoreError> {
        Ok(self
            .store
            .get(id)
            .await?
            .map(|p| p.polls.into_iter().find(|q| q.id == poll)))
    }

    /// Asks a question on a Q&A poll. A Q&A poll takes questions whenever
    /// the presentation exists, on screen or not. Sent again with the same
    /// `submission` and text (a double tap, a retry), it answers the same
    /// question id and stores nothing more.
    pub async fn ask_question(
        &self,
        id: PresentationId,
        poll: PollId,
        participant: ParticipantId,
        text: &str,
        submission: Option<SubmissionId>,
    ) -> Result<QuestionId, AskQuestionError> {
        let found = self
            .poll_of(id, poll)
            .await
            .map_err(|e| AskQuestionError::Unavailable(e.0))?
            .ok_or(AskQuestionError::NotFound)?
            .ok_or(AskQuestionError::PollNotFound)?;
        if found.settings.kind != PollType::Qa {
            return Err(AskQuestionError::NotQa(found.settings.kind));
        }
        let text = QuestionText::parse(text, found.settings.max_length)?;
        let question = NewQuestion {
            id: QuestionId::generate(),
            participant,
            text,
            submission,
        };
        self.board
            .ask(id, poll, question)
            .await
            .map_err(|e| match e {
                BoardError::PollNotFound => AskQuestionError::PollNotFound,
                BoardError::QuestionLimit => AskQuestionError::Limit,
                BoardError::SubmissionReused => AskQuestionError::SubmissionReused,
                BoardError::QuestionNotFound => AskQuestionError::PollNotFound,
                BoardError::Store(e) => AskQuestionError::Unavailable(e.0),
            })
    }

    /// Upvotes a question (`on`) or withdraws the upvote; idempotent.
    pub async fn upvote_question(
        &self,
        id: PresentationId,
        poll: PollId,
        question: QuestionId,
        participant: ParticipantId,
        on: bool,
    ) -> Result<(), UpvoteError> {
        self.board
            .upvote(id, poll, question, participant, on)
            .await
            .map_err(|e| match e {
                BoardError::Store(e) => UpvoteError::Unavailable(e.0),
                _ => UpvoteError::QuestionNotFound,
            })
    }

    /// The questions the audience may see, in `order`.
    pub async fn questions(
        &self,
        id: PresentationId,
        poll: PollId,
        order: QuestionOrder,
    ) -> Result<Vec<QuestionView>, ListQuestionsError> {
        let failed = |e: StoreError| ListQuestionsError::Unavailable(e.0);
        let found = self
            .poll_of(id, poll)
            .await
            .map_err(failed)?
            .ok_or(ListQuestionsError::NotFound)?
            .ok_or(ListQuestionsError::PollNotFound)?;
        if found.settings.kind != PollType::Qa {
            return Err(ListQuestionsError::NotQa(found.settings.kind));
        }
        let (decisions, asked) = futures::future::join(
            self.board.decisions(id, poll),
            self.board.questions(id, poll),
        )
        .await;
        let moderation = Moderation::new(found.settings.moderated, decisions.map_err(failed)?);
        let mut questions = arrange(asked.map_err(failed)?, &moderation, order);
        questions.retain(|q| !q.hidden);
        Ok(questions)
    }

    /// The presenter answers, pins, unpins, hides or approves a question.
    pub async fn flag_question(
        &self,
        id: PresentationId,
        poll: PollId,
        question: QuestionId,
        flag: QuestionFlag,
        credential: Option<&PresenterToken>,
    ) -> Result<(), ModerateError> {
        self.check_presenter(id, credential, Power::Moderate)
            .await?;
        self.board
            .flag(id, poll, question, flag)
            .await
            .map_err(|e| match e {
                BoardError::Store(e) => ModerateError::Unavailable(e.0),
                _ => ModerateError::QuestionNotFound,
            })
    }

    /// The presenter hides or approves a word-cloud word or an open-text
    /// entry.
    pub async fn moderate_entry(
        &self,
        id: PresentationId,
        poll: PollId,
        entry_id: &str,
        decision: Decision,
        credential: Option<&PresenterToken>,
    ) -> Result<(), ModerateError> {
        self.check_presenter(id, credential, Power::Moderate)
            .await?;
        if !is_entry_id(entry_id) {
            return Err(ModerateError::MalformedEntryId);
        }
        let found = self
            .poll_of(id, poll)
            .await
            .map_err(|e| ModerateError::Unavailable(e.0))?
            .ok_or(ModerateError::NotFound)?
            .ok_or(ModerateError::PollNotFound)?;
        if !matches!(found.settings.kind, PollType::Wordcloud | PollType::Open) {
            return Err(ModerateError::NoEntries(found.settings.kind));
        }
        self.board
            .decide(id, poll, entry_id, decision)
            .await
            .map_err(|e| match e {
                BoardError::Store(e) => ModerateError::Unavailable(e.0),
                _ => ModerateError::PollNotFound,
            })
    }

    /// `results` with the presentation's moderation applied and, for a
    /// Q&A poll, its questions (most upvoted first, held ones marked).
    pub(super) async fn with_audience_text(
        &self,
        id: PresentationId,
        mut results: PollResults,
    ) -> Result<PollResults, PollResultsError> {
        let kind = results.settings.kind;
        if !matches!(kind, PollType::Wordcloud | PollType::Open | PollType::Qa) {
            return Ok(results);
        }
        let failed = |e: StoreError| PollResultsError::Unavailable(e.0);
        let poll = results.poll_id;
        // A Q&A poll's questions are read together with the decisions (the
        // live ticker asks every tick).
        let (decisions, asked) = futures::future::join(self.board.decisions(id, poll), async {
            if kind == PollType::Qa {
                self.board.questions(id, poll).await.map(Some)
            } else {
                Ok(None)
            }
        })
        .await;
        let moderation = Moderation::new(results.settings.moderated, decisions.map_err(failed)?);
        if let Some(asked) = asked.map_err(failed)? {
            results.questions = arrange(asked, &moderation, QuestionOrder::Top);
        }
        results.moderate(moderation);
        Ok(results)
    }
}
