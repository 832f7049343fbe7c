//! Q&A questions, upvotes and moderation decisions in Postgres.
//!
//! An upvote and its count change in one statement: the row in
//! `question_upvotes` is inserted (or deleted) and `questions.upvotes`
//! moves by exactly what that did. Concurrent upvotes of one question
//! serialise on its row lock, and a participant's second upvote waits on
//! the first one's key and then does nothing, so the count always equals
//! the rows (`tally verify` checks it).

use deadpool_postgres::Pool;
use std::collections::BTreeMap;
use std::time::SystemTime;
use tally_domain::kinds::qa::MAX_QUESTIONS_PER_PARTICIPANT;
use tally_domain::kinds::{Asked, Decision, Decisions, ProfanityFilter, QuestionFlag};
use tally_domain::ports::{BoardError, NewQuestion, QuestionBoard, StoreError};
use tally_domain::{ParticipantId, PollId, PresentationId, QuestionId};
use tokio_postgres::types::ToSql;

/// Adds the question when the poll is a Q&A poll of the presentation and
/// the participant is under the limit. Two questions sent at the same
/// moment by one participant can both pass the count: the limit bounds a
/// flood, it is not an exact quota.
///
/// A submission id the participant sent before on the poll inserts
/// nothing: the unique index decides, so of two identical requests at
/// once the second waits for the first's row and then does nothing (no
/// window between a check and an insert). [`SUBMITTED`] then reads the
/// row that won, in a statement of its own so that it sees it.
const ASK: &str = "INSERT INTO questions (id, poll_id, participant_id, text, submission_id) \
     SELECT $1, q.id, $3, $4, $7 FROM polls q \
     WHERE q.id = $2 AND q.presentation_id = $5 AND q.kind = 'qa' \
       AND (SELECT count(*) FROM questions WHERE poll_id = $2 AND participant_id = $3) < $6 \
     ON CONFLICT (poll_id, participant_id, submission_id) DO NOTHING \
     RETURNING id";
const SUBMITTED: &str = "SELECT x.id, x.text FROM questions x JOIN polls p ON p.id = x.poll_id \
     WHERE x.poll_id = $1 AND x.participant_id = $2 AND x.submission_id = $3 \
       AND p.presentation_id = $4";
const QA_POLL: &str = "SELECT 1 FROM polls WHERE id = $1 AND presentation_id = $2 AND kind = 'qa'";
const UPVOTE: &str = "WITH q AS (SELECT x.id FROM questions x JOIN polls p ON p.id = x.poll_id \
       WHERE x.id = $1 AND x.poll_id = $2 AND p.presentation_id = $3), \
     added AS (INSERT INTO question_upvotes (question_id, participant_id) \
       SELECT id, $4 FROM q ON CONFLICT DO NOTHING RETURNING 1) \
     UPDATE questions SET upvotes = upvotes + (SELECT count(*) FROM added) \
     WHERE id IN (SELECT id FROM q) RETURNING id";
const WITHDRAW: &str = "WITH q AS (SELECT x.id FROM questions x JOIN polls p ON p.id = x.poll_id \
       WHERE x.id = $1 AND x.poll_id = $2 AND p.presentation_id = $3), \
     removed AS (DELETE FROM question_upvotes \
       WHERE question_id IN (SELECT id FROM q) AND participant_id = $4 RETURNING 1) \
     UPDATE questions SET upvotes = upvotes - (SELECT count(*) FROM removed) \
     WHERE id IN (SELECT id FROM q) RETURNING id";
const QUESTIONS: &str = "SELECT x.id, x.text, x.asked_at, x.upvotes, x.answered, x.pinned, \
     x.decision FROM questions x JOIN polls p ON p.id = x.poll_id \
     WHERE x.poll_id = $1 AND p.presentation_id = $2";
const DECIDE: &str = "INSERT INTO entry_decisions (poll_id, entry_id, decision) \
     SELECT id, $2, $3 FROM polls WHERE id = $1 AND presentation_id = $4 \
     ON CONFLICT (poll_id, entry_id) DO UPDATE SET decision = EXCLUDED.decision RETURNING 1";
const FILTER: &str = "SELECT profanity_filter FROM presentations WHERE id = $1";
const DECISIONS: &str = "SELECT entry_id, decision FROM entry_decisions WHERE poll_id = $1";

#[derive(Clone, Debug)]
pub struct PgBoard {
    pool: Pool,
}

impl PgBoard {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(store_error)
    }
}

fn store_error(e: impl Into<anyhow::Error>) -> StoreError {
    StoreError(e.into())
}

fn decision(raw: Option<&str>) -> Result<Option<Decision>, StoreError> {
    raw.map(|raw| {
        Decision::parse(raw).ok_or_else(|| store_error(anyhow::anyhow!("stored decision {raw:?}")))
    })
    .transpose()
}

impl QuestionBoard for PgBoard {
    async fn ask(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: NewQuestion,
    ) -> Result<QuestionId, BoardError> {
        let client = self.client().await?;
        let limit = i64::try_from(MAX_QUESTIONS_PER_PARTICIPANT).unwrap_or(i64::MAX);
        let submission = question.submission.map(|s| *s.as_uuid());
        let params: &[&(dyn ToSql + Sync)] = &[
            question.id.as_uuid(),
            poll.as_uuid(),
            question.participant.as_uuid(),
            &question.text.as_str(),
            presentation.as_uuid(),
            &limit,
            &submission,
        ];
        let added = client.query_opt(ASK, params).await.map_err(store_error)?;
        if added.is_some() {
            return Ok(question.id);
        }
        if let Some(submission) = submission {
            let params: &[&(dyn ToSql + Sync)] = &[
                poll.as_uuid(),
                question.participant.as_uuid(),
                &submission,
                presentation.as_uuid(),
            ];
            if let Some(earlier) = client
                .query_opt(SUBMITTED, params)
                .await
                .map_err(store_error)?
            {
                let text: &str = earlier.try_get("text").map_err(store_error)?;
                return if text == question.text.as_str() {
                    Ok(QuestionId::from_uuid(
                        earlier.try_get("id").map_err(store_error)?,
                    ))
                } else {
                    Err(BoardError::SubmissionReused)
                };
            }
        }
        let qa_poll = client
            .query_opt(QA_POLL, &[poll.as_uuid(), presentation.as_uuid()])
            .await
            .map_err(store_error)?;
        Err(if qa_poll.is_some() {
            BoardError::QuestionLimit
        } else {
            BoardError::PollNotFound
        })
    }

    async fn upvote(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: QuestionId,
        participant: ParticipantId,
        on: bool,
    ) -> Result<(), BoardError> {
        let client = self.client().await?;
        let statement = client
            .prepare_cached(if on { UPVOTE } else { WITHDRAW })
            .await
            .map_err(store_error)?;
        let params: &[&(dyn ToSql + Sync)] = &[
            question.as_uuid(),
            poll.as_uuid(),
            presentation.as_uuid(),
            participant.as_uuid(),
        ];
        match client
            .query_opt(&statement, params)
            .await
            .map_err(store_error)?
        {
            Some(_) => Ok(()),
            None => Err(BoardError::QuestionNotFound),
        }
    }

    async fn flag(
        &self,
        presentation: PresentationId,
        poll: PollId,
        question: QuestionId,
        flag: QuestionFlag,
    ) -> Result<(), BoardError> {
        let set = match flag {
            QuestionFlag::Answered => "answered = true",
            QuestionFlag::Pin => "pinned = true",
            QuestionFlag::Unpin => "pinned = false",
            QuestionFlag::Hide => "decision = 'hidden'",
            QuestionFlag::Approve => "decision = 'approved'",
        };
        let sql = format!(
            "UPDATE questions x SET {set} FROM polls p \
             WHERE x.id = $1 AND x.poll_id = $2 AND p.id = x.poll_id AND p.presentation_id = $3"
        );
        let client = self.client().await?;
        let changed = client
            .execute(
                &sql,
                &[question.as_uuid(), poll.as_uuid(), presentation.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        if changed == 0 {
            return Err(BoardError::QuestionNotFound);
        }
        Ok(())
    }

    async fn questions(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Vec<Asked>, StoreError> {
        let client = self.client().await?;
        let statement = client
            .prepare_cached(QUESTIONS)
            .await
            .map_err(store_error)?;
        let rows = client
            .query(&statement, &[poll.as_uuid(), presentation.as_uuid()])
            .await
            .map_err(store_error)?;
        rows.iter()
            .map(|row| {
                let upvotes: i32 = row.try_get("upvotes").map_err(store_error)?;
                Ok(Asked {
                    id: QuestionId::from_uuid(row.try_get("id").map_err(store_error)?),
                    text: row.try_get("text").map_err(store_error)?,
                    asked_at: row
                        .try_get::<_, SystemTime>("asked_at")
                        .map_err(store_error)?,
                    upvotes: u64::try_from(upvotes).map_err(store_error)?,
                    answered: row.try_get("answered").map_err(store_error)?,
                    pinned: row.try_get("pinned").map_err(store_error)?,
                    decision: decision(row.try_get("decision").map_err(store_error)?)?,
                })
            })
            .collect()
    }

    async fn decide(
        &self,
        presentation: PresentationId,
        poll: PollId,
        entry_id: &str,
        decision: Decision,
    ) -> Result<(), BoardError> {
        let client = self.client().await?;
        let stored = client
            .query_opt(
                DECIDE,
                &[
                    poll.as_uuid(),
                    &entry_id,
                    &decision.as_str(),
                    presentation.as_uuid(),
                ],
            )
            .await
            .map_err(store_error)?;
        stored.map(|_| ()).ok_or(BoardError::PollNotFound)
    }

    async fn decisions(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Decisions, StoreError> {
        let client = self.client().await?;
        let (filter, decisions) = (
            client.prepare_cached(FILTER).await.map_err(store_error)?,
            client
                .prepare_cached(DECISIONS)
                .await
                .map_err(store_error)?,
        );
        let (by_presentation, by_poll): (&[&(dyn ToSql + Sync)], &[&(dyn ToSql + Sync)]) =
            (&[presentation.as_uuid()], &[poll.as_uuid()]);
        // Both go out together: tokio-postgres pipelines them.
        let (filter, rows) = tokio::try_join!(
            client.query_opt(&filter, by_presentation),
            client.query(&decisions, by_poll),
        )
        .map_err(store_error)?;
        let filter = match filter {
            Some(row) => {
                ProfanityFilter::parse(row.try_get("profanity_filter").map_err(store_error)?)
                    .map_err(store_error)?
            }
            None => ProfanityFilter::default(),
        };
        let mut by_entry = BTreeMap::new();
        for row in &rows {
            let raw: Option<&str> = row.try_get("decision").map_err(store_error)?;
            if let Some(decision) = decision(raw)? {
                by_entry.insert(row.try_get("entry_id").map_err(store_error)?, decision);
            }
        }
        Ok(Decisions { filter, by_entry })
    }
}
