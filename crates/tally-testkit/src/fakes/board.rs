//! The question board, in memory.

use super::{FakeWorld, State};
use std::collections::BTreeSet;
use tally_domain::kinds::qa::MAX_QUESTIONS_PER_PARTICIPANT;
use tally_domain::kinds::{Asked, Decision, Decisions, PollType, QuestionFlag};
use tally_domain::ports::{BoardError, NewQuestion, QuestionBoard, StoreError};
use tally_domain::{ParticipantId, PollId, PresentationId, QuestionId, SubmissionId};

/// A question and who asked and upvoted it.
#[derive(Clone, Debug)]
pub(super) struct Question {
    presentation: PresentationId,
    pub(super) poll: PollId,
    participant: ParticipantId,
    submission: Option<SubmissionId>,
    asked: Asked,
    upvoters: BTreeSet<ParticipantId>,
}

#[derive(Clone, Debug)]
pub struct FakeBoard {
    world: FakeWorld,
}

impl FakeBoard {
    pub(super) fn new(world: FakeWorld) -> Self {
        Self { world }
    }

    fn check(&self) -> Result<(), StoreError> {
        self.world.available(StoreError)
    }

    /// The question `id` on `poll` of `presentation`, to change.
    fn question(
        state: &mut State,
        presentation: PresentationId,
        poll: PollId,
        id: QuestionId,
    ) -> Result<&mut Question, BoardError> {
        state
            .questions
            .get_mut(&id)
            .filter(|q| q.presentation == presentation && q.poll == poll)
            .ok_or(BoardError::QuestionNotFound)
    }
}

fn poll_kind(state: &State, presentation: PresentationId, poll: PollId) -> Option<PollType> {
    let stored = state.presentations.get(&presentation)?;
    let poll = stored.presentation.polls.iter().find(|p| p.id == poll)?;
    Some(poll.settings.kind)
}

impl QuestionBoard for FakeBoard {
    async fn ask(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: NewQuestion,
    ) -> Result<QuestionId, BoardError> {
        self.check()?;
        let now = self.world.now();
        let mut state = self.world.lock();
        if poll_kind(&state, presentation, poll) != Some(PollType::Qa) {
            return Err(BoardError::PollNotFound);
        }
        // Under the world's lock: the check and the insert are one step.
        let earlier = state.questions.values().find(|q| {
            question.submission.is_some()
                && q.submission == question.submission
                && q.poll == poll
                && q.participant == question.participant
        });
        if let Some(earlier) = earlier {
            return if earlier.asked.text == question.text.as_str() {
                Ok(earlier.asked.id)
            } else {
                Err(BoardError::SubmissionReused)
            };
        }
        let asked_before = state
            .questions
            .values()
            .filter(|q| q.poll == poll && q.participant == question.participant)
            .count();
        if asked_before as u64 >= MAX_QUESTIONS_PER_PARTICIPANT {
            return Err(BoardError::QuestionLimit);
        }
        state.questions.insert(
            question.id,
            Question {
                presentation,
                poll,
                participant: question.participant,
                submission: question.submission,
                asked: Asked {
                    id: question.id,
                    text: question.text.as_str().to_owned(),
                    asked_at: now,
                    upvotes: 0,
                    answered: false,
                    pinned: false,
                    decision: None,
                },
                upvoters: BTreeSet::new(),
            },
        );
        Ok(question.id)
    }

    async fn upvote(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: QuestionId,
        participant: ParticipantId,
        on: bool,
    ) -> Result<(), BoardError> {
        self.check()?;
        let mut state = self.world.lock();
        let question = Self::question(&mut state, presentation, poll, question)?;
        if on {
            question.upvoters.insert(participant);
        } else {
            question.upvoters.remove(&participant);
        }
        question.asked.upvotes = question.upvoters.len() as u64;
        Ok(())
    }

    async fn flag(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: QuestionId,
        flag: QuestionFlag,
    ) -> Result<(), BoardError> {
        self.check()?;
        let mut state = self.world.lock();
        let asked = &mut Self::question(&mut state, presentation, poll, question)?.asked;
        match flag {
            QuestionFlag::Answered => asked.answered = true,
            QuestionFlag::Pin => asked.pinned = true,
            QuestionFlag::Unpin => asked.pinned = false,
            QuestionFlag::Hide => asked.decision = Some(Decision::Hidden),
            QuestionFlag::Approve => asked.decision = Some(Decision::Approved),
        }
        Ok(())
    }

    async fn questions(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Vec<Asked>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state
            .questions
            .values()
            .filter(|q| q.presentation == presentation && q.poll == poll)
            .map(|q| q.asked.clone())
            .collect())
    }

    async fn decide(
        &self,
        presentation: PresentationId,
        poll: PollId,
        entry_id: &str,
        decision: Decision,
    ) -> Result<(), BoardError> {
        self.check()?;
        let mut state = self.world.lock();
        if poll_kind(&state, presentation, poll).is_none() {
            return Err(BoardError::PollNotFound);
        }
        state
            .decisions
            .entry(poll)
            .or_default()
            .insert(entry_id.to_owned(), decision);
        Ok(())
    }

    async fn decisions(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Decisions, StoreError> {
        self.check()?;
        let state = self.world.lock();
        let Some(stored) = state.presentations.get(&presentation) else {
            return Ok(Decisions::default());
        };
        Ok(Decisions {
            filter: stored.presentation.profanity_filter,
            by_entry: state.decisions.get(&poll).cloned().unwrap_or_default(),
        })
    }
}
