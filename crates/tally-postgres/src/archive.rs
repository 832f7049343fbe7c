use crate::tallies::Moves;
use anyhow::Context as _;
use deadpool_postgres::Pool;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, SystemTime};
use tally_domain::kinds::encoding::net_change;
use tally_domain::ports::{ArchiveError, ArchivedBatch, QueuedVote, VoteArchive};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;
use uuid::Uuid;

/// Inserts the rows of participants new to their poll's round. Votes on a
/// poll that is gone (a deleted presentation) are skipped. Returns the rows
/// inserted.
const INSERT_NEW: &str = "\
    INSERT INTO votes (poll_id, round, participant_id, choice, version, accepted_at) \
    SELECT t.poll_id, t.round, t.participant_id, t.choice, t.version, t.accepted_at \
    FROM unnest($1::uuid[], $2::int4[], $3::uuid[], $4::text[], $5::int8[], $6::timestamptz[]) \
        AS t(poll_id, round, participant_id, choice, version, accepted_at) \
    WHERE EXISTS (SELECT 1 FROM polls q WHERE q.id = t.poll_id) \
    ORDER BY t.poll_id, t.round, t.participant_id \
    ON CONFLICT (poll_id, round, participant_id) DO NOTHING \
    RETURNING poll_id, round, participant_id";

/// The stored rows of the other participants, locked in key order (so
/// concurrent flushers cannot deadlock on them).
const LOCK_EARLIER: &str = "\
    SELECT v.poll_id, v.round, v.participant_id, v.choice, v.version FROM votes v \
    JOIN unnest($1::uuid[], $2::int4[], $3::uuid[]) AS t(poll_id, round, participant_id) \
        USING (poll_id, round, participant_id) \
    ORDER BY v.poll_id, v.round, v.participant_id FOR UPDATE OF v";

const UPDATE: &str = "\
    UPDATE votes v SET choice = t.choice, version = t.version, accepted_at = t.accepted_at \
    FROM unnest($1::uuid[], $2::int4[], $3::uuid[], $4::text[], $5::int8[], $6::timestamptz[]) \
        AS t(poll_id, round, participant_id, choice, version, accepted_at) \
    WHERE v.poll_id = t.poll_id AND v.round = t.round AND v.participant_id = t.participant_id";

/// How many times a batch is retried inside one call when Postgres reports
/// a deadlock or serialisation failure, which are transient by nature.
const TRANSIENT_RETRIES: usize = 5;

/// The rows of a batch, one per participant, poll and round: its latest
/// action (the highest version). Earlier actions in the same batch are
/// superseded by it, and what the counters move by is measured against the
/// stored row, so they need not be written.
#[derive(Default)]
struct Rows {
    polls: Vec<Uuid>,
    rounds: Vec<i32>,
    participants: Vec<Uuid>,
    choices: Vec<Option<String>>,
    versions: Vec<i64>,
    accepted: Vec<SystemTime>,
}

type RowKey = (Uuid, i32, Uuid);

impl Rows {
    fn latest(batch: &[QueuedVote]) -> BTreeMap<RowKey, &QueuedVote> {
        let mut latest: BTreeMap<RowKey, &QueuedVote> = BTreeMap::new();
        for vote in batch {
            let round = i32::try_from(vote.round).unwrap_or(i32::MAX);
            let key = (*vote.poll_id.as_uuid(), round, *vote.participant.as_uuid());
            match latest.get(&key) {
                Some(seen) if seen.version >= vote.version => {}
                _ => {
                    latest.insert(key, vote);
                }
            }
        }
        latest
    }

    fn push(&mut self, (poll, round, participant): RowKey, vote: &QueuedVote) {
        self.polls.push(poll);
        self.rounds.push(round);
        self.participants.push(participant);
        self.choices.push(vote.choice.clone());
        self.versions.push(vote.version);
        self.accepted
            .push(SystemTime::UNIX_EPOCH + Duration::from_millis(vote.accepted_at_ms));
    }

    fn params(&self) -> [&(dyn ToSql + Sync); 6] {
        [
            &self.polls,
            &self.rounds,
            &self.participants,
            &self.choices,
            &self.versions,
            &self.accepted,
        ]
    }
}

/// Stores flushed batches in Postgres.
#[derive(Clone, Debug)]
pub struct PgArchive {
    pool: Pool,
}

impl PgArchive {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }

    /// Writes each participant's latest action unless the stored row is as
    /// new or newer (a redelivered or reclaimed entry), and moves the
    /// counters by exactly what the rows changed. Returns the actions
    /// applied.
    async fn store_once(&self, batch: &[QueuedVote]) -> anyhow::Result<u64> {
        let mut client = self.pool.get().await.context("no Postgres connection")?;
        let (insert, lock, update) = tokio::try_join!(
            client.prepare_cached(INSERT_NEW),
            client.prepare_cached(LOCK_EARLIER),
            client.prepare_cached(UPDATE),
        )?;
        let tx = client.transaction().await?;
        let latest = Rows::latest(batch);
        let mut all = Rows::default();
        for (key, vote) in &latest {
            all.push(*key, vote);
        }
        let inserted: BTreeSet<RowKey> = tx
            .query(&insert, &all.params())
            .await?
            .iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?)))
            .collect::<anyhow::Result<_>>()?;
        let mut moves = Moves::default();
        for key in &inserted {
            if let Some(vote) = latest.get(key) {
                moves.add(key.0, key.1, &net_change(None, vote.choice.as_deref()));
            }
        }
        let mut updates = Rows::default();
        let others: Vec<&RowKey> = latest.keys().filter(|k| !inserted.contains(*k)).collect();
        if !others.is_empty() {
            let polls: Vec<Uuid> = others.iter().map(|k| k.0).collect();
            let rounds: Vec<i32> = others.iter().map(|k| k.1).collect();
            let participants: Vec<Uuid> = others.iter().map(|k| k.2).collect();
            let stored = tx.query(&lock, &[&polls, &rounds, &participants]).await?;
            for row in &stored {
                let key: RowKey = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
                let old: Option<&str> = row.try_get(3)?;
                let version: i64 = row.try_get(4)?;
                let Some(vote) = latest.get(&key) else {
                    continue;
                };
                if vote.version <= version {
                    continue;
                }
                moves.add(key.0, key.1, &net_change(old, vote.choice.as_deref()));
                updates.push(key, vote);
            }
            if !updates.polls.is_empty() {
                tx.execute(&update, &updates.params()).await?;
            }
        }
        moves.apply(&tx).await?;
        tx.commit().await?;
        Ok(u64::try_from(inserted.len() + updates.polls.len()).unwrap_or(u64::MAX))
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
