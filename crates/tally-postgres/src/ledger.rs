use anyhow::Context as _;
use deadpool_postgres::Pool;
use tally_domain::ports::{LedgerError, VoteLedger};
use tally_domain::{
    OptionKey, OptionTally, OptionValue, ParticipantId, PollId, PollResults, PresentationId,
    Question, VoteRecord,
};
use tokio_postgres::types::ToSql;
use uuid::Uuid;

// Prepared once per connection (`prepare_cached`), not parsed and planned
// again for every listing.
const POLL_IN_PRESENTATION: &str = "SELECT 1 FROM polls WHERE id = $1 AND presentation_id = $2";
const VOTES: &str =
    "SELECT v.participant_id, o.key FROM votes v JOIN options o ON o.id = v.option_id \
     WHERE v.poll_id = $1 ORDER BY v.participant_id";
const COUNTS: &str = "SELECT q.question, q.voting_open, o.key, o.value, o.vote_count \
     FROM polls q JOIN options o ON o.poll_id = q.id \
     WHERE q.id = $1 AND q.presentation_id = $2 ORDER BY o.position";
const PARTICIPANTS: &str = "SELECT count(DISTINCT participant_id) FROM votes WHERE poll_id = $1";

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
        rows.iter()
            .map(|row| {
                Ok(VoteRecord {
                    participant: ParticipantId::from_uuid(row.try_get::<_, Uuid>(0)?),
                    key: OptionKey::parse(row.try_get::<_, String>(1)?)?,
                })
            })
            .collect::<anyhow::Result<_>>()
            .map_err(LedgerError::Unavailable)
    }

    async fn results(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<PollResults, LedgerError> {
        let client = self.pool.get().await.context("no Postgres connection")?;
        let (poll_uuid, presentation_uuid) = (poll.as_uuid(), presentation.as_uuid());
        let (both, one): (&[&(dyn ToSql + Sync)], &[&(dyn ToSql + Sync)]) =
            (&[poll_uuid, presentation_uuid], &[poll_uuid]);
        let (counts, participants) = tokio::try_join!(
            client.prepare_cached(COUNTS),
            client.prepare_cached(PARTICIPANTS),
        )
        .context("preparing")?;
        let (rows, participants) = tokio::try_join!(
            client.query(&counts, both),
            client.query_one(&participants, one),
        )
        .context("reading results")?;
        let Some(first) = rows.first() else {
            return Err(LedgerError::PollNotFound);
        };
        let build = || -> anyhow::Result<PollResults> {
            let options = rows
                .iter()
                .map(|row| {
                    Ok(OptionTally {
                        key: OptionKey::parse(row.try_get::<_, String>("key")?)?,
                        value: OptionValue::parse(row.try_get::<_, String>("value")?)?,
                        votes: u64_count(row.try_get("vote_count")?)?,
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            Ok(PollResults {
                poll_id: poll,
                question: Question::parse(first.try_get::<_, String>("question")?)?,
                voting_open: first.try_get("voting_open")?,
                total_votes: options.iter().map(|o| o.votes).sum(),
                participants: u64_count(participants.try_get(0)?)?,
                options,
            })
        };
        build().map_err(LedgerError::Unavailable)
    }
}
