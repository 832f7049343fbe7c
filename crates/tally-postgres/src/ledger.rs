use crate::load;
use anyhow::Context as _;
use deadpool_postgres::Pool;
use tally_domain::kinds::PollType;
use tally_domain::ports::{LedgerError, QuizAnswer, VoteLedger};
use tally_domain::{ParticipantId, PollId, PollResults, PresentationId, TextEntry, VoteRecord};
use tokio_postgres::types::ToSql;
use uuid::Uuid;

// Prepared once per connection (`prepare_cached`), not parsed and planned
// again for every listing.
const POLL_IN_PRESENTATION: &str = "SELECT 1 FROM polls WHERE id = $1 AND presentation_id = $2";
/// The current round's votes (a retracted vote keeps its row, without a
/// choice).
const VOTES: &str = "SELECT v.participant_id, v.choice FROM votes v \
     JOIN polls q ON q.id = v.poll_id AND q.round = v.round \
     WHERE v.poll_id = $1 AND v.choice IS NOT NULL ORDER BY v.participant_id";
/// A round's votes.
const ROUND_VOTES: &str = "SELECT v.participant_id, v.choice FROM votes v \
     WHERE v.poll_id = $1 AND v.round = $2 AND v.choice IS NOT NULL ORDER BY v.participant_id";
/// The poll, one row per option (one row with no option for text types).
const POLL: &str = "SELECT q.id, q.question, q.voting_open, q.results_visible, q.kind, \
     q.settings::text AS settings, q.opened_at, q.deadline, q.round, q.images::text AS images, \
     o.key, o.value \
     FROM polls q LEFT JOIN options o ON o.poll_id = q.id \
     WHERE q.id = $1 AND q.presentation_id = $2 ORDER BY o.position";
/// Answers on quiz polls, in each poll's current round.
const QUIZ_ANSWERS: &str = "SELECT v.poll_id, v.participant_id, v.choice, v.accepted_at \
     FROM votes v JOIN polls q ON q.id = v.poll_id AND q.round = v.round \
     WHERE q.presentation_id = $1 AND q.kind = 'quiz' AND v.choice IS NOT NULL";
/// A closed round's own definition ([`POLL`]'s columns), when a deck edit
/// kept one: the poll's state with the round's question, type, settings
/// and options.
const ROUND_POLL: &str = "SELECT q.id, r.question, q.voting_open, q.results_visible, r.kind, \
     r.settings::text AS settings, q.opened_at, q.deadline, q.round, NULL::text AS images, \
     o.option->>'key' AS key, o.option->>'value' AS value \
     FROM poll_rounds r JOIN polls q ON q.id = r.poll_id \
     LEFT JOIN LATERAL jsonb_array_elements(r.options) WITH ORDINALITY AS o(option, n) ON true \
     WHERE r.poll_id = $1 AND r.round = $2 ORDER BY o.n";
const COUNTERS: &str = "SELECT field, count FROM tallies WHERE poll_id = $1 AND round = $2";
const PARTICIPANTS: &str =
    "SELECT count(*) FROM votes WHERE poll_id = $1 AND round = $2 AND choice IS NOT NULL";

/// The vote listing and counts, read from Postgres.
#[derive(Clone, Debug)]
pub struct PgLedger {
    pool: Pool,
}

impl PgLedger {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }
}

fn u64_count(n: i64) -> anyhow::Result<u64> {
    u64::try_from(n).context("negative count")
}

fn records(rows: &[tokio_postgres::Row]) -> anyhow::Result<Vec<VoteRecord>> {
    rows.iter()
        .map(|row| {
            Ok(VoteRecord {
                participant: ParticipantId::from_uuid(row.try_get::<_, Uuid>(0)?),
                choice: row.try_get(1)?,
            })
        })
        .collect()
}

impl VoteLedger for PgLedger {
    async fn votes(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Vec<VoteRecord>, LedgerError> {
        let client = self.pool.get().await.context("no Postgres connection")?;
        let (poll, presentation) = (poll.as_uuid(), presentation.as_uuid());
        let (both, one): (&[&(dyn ToSql + Sync)], &[&(dyn ToSql + Sync)]) =
            (&[poll, presentation], &[poll]);
        let (exists, votes) = tokio::try_join!(
            client.prepare_cached(POLL_IN_PRESENTATION),
            client.prepare_cached(VOTES),
        )
        .context("preparing")?;
        let (exists, rows) =
            tokio::try_join!(client.query_opt(&exists, both), client.query(&votes, one))
                .context("reading votes")?;
        if exists.is_none() {
            return Err(LedgerError::PollNotFound);
        }
        Ok(records(&rows)?)
    }

    async fn results(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<PollResults, LedgerError> {
        self.results_of(presentation, poll, None).await
    }

    async fn round_results(
        &self,
        presentation: PresentationId,
        poll: PollId,
        round: u32,
    ) -> Result<PollResults, LedgerError> {
        self.results_of(presentation, poll, Some(round)).await
    }

    async fn quiz_answers(
        &self,
        presentation: PresentationId,
    ) -> Result<Vec<QuizAnswer>, LedgerError> {
        let client = self.pool.get().await.context("no Postgres connection")?;
        let statement = client
            .prepare_cached(QUIZ_ANSWERS)
            .await
            .context("preparing")?;
        let rows = client
            .query(&statement, &[presentation.as_uuid()])
            .await
            .context("reading quiz answers")?;
        rows.iter()
            .map(|row| {
                Ok(QuizAnswer {
                    poll: PollId::from_uuid(row.try_get(0)?),
                    participant: ParticipantId::from_uuid(row.try_get(1)?),
                    choice: row.try_get(2)?,
                    answered_at: row.try_get(3)?,
                })
            })
            .collect::<anyhow::Result<_>>()
            .map_err(LedgerError::Unavailable)
    }
}

impl PgLedger {
    /// The results of `round`, or of the current round.
    async fn results_of(
        &self,
        presentation: PresentationId,
        poll: PollId,
        round: Option<u32>,
    ) -> Result<PollResults, LedgerError> {
        let client = self.pool.get().await.context("no Postgres connection")?;
        let (head, counters, participants, votes) = tokio::try_join!(
            client.prepare_cached(POLL),
            client.prepare_cached(COUNTERS),
            client.prepare_cached(PARTICIPANTS),
            client.prepare_cached(ROUND_VOTES),
        )
        .context("preparing")?;
        let rows = client
            .query(&head, &[poll.as_uuid(), presentation.as_uuid()])
            .await
            .context("reading the poll")?;
        let Some(mut poll) = load::polls_from_rows(&rows)?.into_iter().next() else {
            return Err(LedgerError::PollNotFound);
        };
        let round = match round {
            None => poll.round,
            Some(r) if (1..=poll.round).contains(&r) => r,
            Some(_) => return Err(LedgerError::RoundNotFound),
        };
        let sql_round = i32::try_from(round).context("round")?;
        if round < poll.round {
            let statement = client
                .prepare_cached(ROUND_POLL)
                .await
                .context("preparing")?;
            let rows = client
                .query(&statement, &[poll.id.as_uuid(), &sql_round])
                .await
                .context("reading the round's definition")?;
            if let Some(then) = load::polls_from_rows(&rows)?.into_iter().next() {
                poll = then;
            }
        }
        poll.round = round;
        let params: &[&(dyn ToSql + Sync)] = &[poll.id.as_uuid(), &sql_round];
        let (counters, participants) = tokio::try_join!(
            client.query(&counters, params),
            client.query_one(&participants, params),
        )
        .context("reading results")?;
        let entries = if poll.settings.kind == PollType::Open {
            let rows = client
                .query(&votes, params)
                .await
                .context("reading entries")?;
            records(&rows)?
                .iter()
                .filter_map(|r| TextEntry::of(poll.id, r.participant, &r.choice))
                .collect()
        } else {
            Vec::new()
        };
        let counters = counters
            .iter()
            .map(|row| Ok((row.try_get::<_, &str>(0)?, u64_count(row.try_get(1)?)?)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(PollResults::from_counters(
            &poll,
            counters,
            u64_count(participants.try_get(0).context("row")?)?,
            entries,
        ))
    }
}
