use anyhow::Context as _;
use deadpool_postgres::Pool;
use futures::pin_mut;
use std::time::{Duration, SystemTime};
use tally_domain::ports::{ArchiveError, ArchivedBatch, QueuedVote, VoteArchive};
use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::Type;

/// Per-connection staging table; emptied at every commit.
const STAGING: &str = "CREATE TEMP TABLE IF NOT EXISTS vote_staging ( \
        poll_id uuid NOT NULL, participant_id uuid NOT NULL, key text NOT NULL, \
        accepted_at timestamptz NOT NULL \
    ) ON COMMIT DELETE ROWS";

const COPY: &str =
    "COPY vote_staging (poll_id, participant_id, key, accepted_at) FROM STDIN (FORMAT binary)";

/// Locks the option rows the batch will count, in id order, so concurrent
/// flushers take them in the same order and cannot deadlock on them.
const LOCK_OPTIONS: &str = "\
    SELECT o.id FROM options o \
    WHERE o.id IN (SELECT o2.id FROM vote_staging s \
                   JOIN options o2 ON o2.poll_id = s.poll_id AND o2.key = s.key) \
    ORDER BY o.id FOR UPDATE";

/// Inserts the staged votes that are new and raises each option's count by
/// exactly the rows inserted for it. Votes whose option is gone (deleted
/// presentation) match no option and are skipped.
const MERGE: &str = "\
    WITH ins AS ( \
        INSERT INTO votes (poll_id, participant_id, option_id, accepted_at) \
        SELECT DISTINCT ON (s.poll_id, s.participant_id) \
               s.poll_id, s.participant_id, o.id, s.accepted_at \
        FROM vote_staging s JOIN options o ON o.poll_id = s.poll_id AND o.key = s.key \
        ORDER BY s.poll_id, s.participant_id, s.accepted_at \
        ON CONFLICT (poll_id, participant_id) DO NOTHING \
        RETURNING option_id \
    ), bump AS ( \
        UPDATE options o SET vote_count = o.vote_count + n.n \
        FROM (SELECT option_id, count(*) AS n FROM ins GROUP BY option_id) n \
        WHERE o.id = n.option_id RETURNING n.n \
    ) \
    SELECT coalesce(sum(n), 0)::int8 FROM bump";

/// How many times a batch is retried inside one call when Postgres reports
/// a deadlock or serialisation failure, which are transient by nature.
const TRANSIENT_RETRIES: usize = 5;

/// Stores flushed batches in Postgres.
#[derive(Clone, Debug)]
pub struct PgArchive {
    pool: Pool,
}

impl PgArchive {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }

    async fn store_once(&self, batch: &[QueuedVote]) -> anyhow::Result<u64> {
        let mut client = self.pool.get().await.context("no Postgres connection")?;
        client.batch_execute(STAGING).await?;
        let tx = client.transaction().await?;
        let sink = tx.copy_in(COPY).await?;
        let writer = BinaryCopyInWriter::new(
            sink,
            &[Type::UUID, Type::UUID, Type::TEXT, Type::TIMESTAMPTZ],
        );
        pin_mut!(writer);
        for vote in batch {
            let accepted = SystemTime::UNIX_EPOCH + Duration::from_millis(vote.accepted_at_ms);
            writer
                .as_mut()
                .write(&[
                    vote.poll_id.as_uuid(),
                    vote.participant.as_uuid(),
                    &vote.key,
                    &accepted,
                ])
                .await?;
        }
        writer.finish().await?;
        tx.execute(LOCK_OPTIONS, &[]).await?;
        let inserted: i64 = tx.query_one(MERGE, &[]).await?.get(0);
        tx.commit().await?;
        Ok(u64::try_from(inserted).unwrap_or(0))
    }
}

fn is_transient(e: &anyhow::Error) -> bool {
    e.downcast_ref::<tokio_postgres::Error>()
        .and_then(tokio_postgres::Error::code)
        .is_some_and(|c| {
            c == &SqlState::T_R_DEADLOCK_DETECTED || c == &SqlState::T_R_SERIALIZATION_FAILURE
        })
}

impl VoteArchive for PgArchive {
    async fn store(&self, batch: &[QueuedVote]) -> Result<ArchivedBatch, ArchiveError> {
        let mut attempt = 0;
        loop {
            match self.store_once(batch).await {
                Ok(inserted) => {
                    let total = u64::try_from(batch.len()).unwrap_or(u64::MAX);
                    return Ok(ArchivedBatch {
                        inserted,
                        skipped: total.saturating_sub(inserted),
                    });
                }
                Err(e) if is_transient(&e) && attempt < TRANSIENT_RETRIES => attempt += 1,
                Err(e) => return Err(ArchiveError(e.context("storing a vote batch"))),
            }
        }
    }
}
