use crate::fence;
use anyhow::Context as _;
use deadpool_postgres::Pool;
use tally_domain::ports::{IntakeError, VoteIntake};
use tally_domain::{Ballot, VoteReceipt};
use tokio_postgres::types::ToSql;
use uuid::Uuid;

/// Reads the poll on screen, under the shared fence taken just before.
const CURRENT_POLL: &str = "\
    SELECT q.id AS current_poll_id, q.voting_open, \
           EXISTS (SELECT 1 FROM polls WHERE id = $2 AND presentation_id = $1) AS poll_exists \
    FROM presentations p \
    JOIN polls q ON q.presentation_id = p.id AND q.position = p.current_poll_index \
    WHERE p.id = $1";

/// Inserts the vote unless the participant already voted on the poll, and
/// bumps the option's count by exactly the rows inserted, in one statement.
const INSERT_VOTE: &str = "\
    WITH opt AS ( \
        SELECT id FROM options WHERE poll_id = $1 AND key = $2 \
    ), ins AS ( \
        INSERT INTO votes (poll_id, participant_id, option_id) \
        SELECT $1, $3, id FROM opt \
        ON CONFLICT (poll_id, participant_id) DO NOTHING \
        RETURNING option_id \
    ), bump AS ( \
        UPDATE options SET vote_count = vote_count + 1 \
        WHERE id IN (SELECT option_id FROM ins) RETURNING id \
    ) \
    SELECT (SELECT id FROM opt) AS option_id, (SELECT count(*) FROM bump) AS inserted";

/// Run as its own statement, after a conflict: only a new statement's
/// snapshot is sure to see the row a concurrent transaction committed.
const EARLIER_VOTE: &str = "SELECT option_id FROM votes WHERE poll_id = $1 AND participant_id = $2";

/// Votes straight into Postgres, one short transaction each. This is the
/// baseline the Redis intake is measured against, and its fallback.
#[derive(Clone, Debug)]
pub struct PgIntake {
    pool: Pool,
}

impl PgIntake {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }
}

impl VoteIntake for PgIntake {
    async fn cast(&self, ballot: Ballot) -> Result<VoteReceipt, IntakeError> {
        let mut client = self.pool.get().await.map_err(pool_error)?;
        let fence = client
            .prepare_cached(fence::SHARED)
            .await
            .context("prepare")?;
        let read = client
            .prepare_cached(CURRENT_POLL)
            .await
            .context("prepare")?;
        let insert = client
            .prepare_cached(INSERT_VOTE)
            .await
            .context("prepare")?;
        let earlier = client
            .prepare_cached(EARLIER_VOTE)
            .await
            .context("prepare")?;
        let tx = client.transaction().await.context("begin")?;
        let poll = ballot.poll_id.as_uuid();

        // Both statements go out in one round trip (pipelined); Postgres
        // still runs them in order, so the read's snapshot follows the lock.
        let presentation = ballot.presentation_id.as_uuid();
        let (fence_params, read_params): (&[&(dyn ToSql + Sync)], &[&(dyn ToSql + Sync)]) =
            (&[presentation], &[presentation, poll]);
        let (_, current) = tokio::try_join!(
            tx.query_one(&fence, fence_params),
            tx.query_opt(&read, read_params),
        )
        .context("reading the current poll")?;
        let current = current.ok_or(IntakeError::PresentationNotFound)?;
        let current_poll: Uuid = current.try_get("current_poll_id").context("row")?;
        if current_poll != *poll {
            let exists: bool = current.try_get("poll_exists").context("row")?;
            return Err(if exists {
                IntakeError::PollNotCurrent
            } else {
                IntakeError::PollNotFound
            });
        }
        if !current.try_get::<_, bool>("voting_open").context("row")? {
            return Err(IntakeError::VotingClosed);
        }

        let row = tx
            .query_one(&insert, &[poll, &ballot.key, ballot.participant.as_uuid()])
            .await
            .context("inserting the vote")?;
        let Some(option_id) = row.try_get::<_, Option<i64>>("option_id").context("row")? else {
            return Err(IntakeError::UnknownOption(ballot.key));
        };
        let receipt = if row.try_get::<_, i64>("inserted").context("row")? == 1 {
            VoteReceipt::Counted
        } else {
            let existing: i64 = tx
                .query_one(&earlier, &[poll, ballot.participant.as_uuid()])
                .await
                .context("reading the earlier vote")?
                .try_get(0)
                .context("row")?;
            if existing != option_id {
                return Err(IntakeError::AlreadyVotedDifferently);
            }
            VoteReceipt::AlreadyCounted
        };
        // Until here a failure rolls the transaction back, so the vote was
        // not stored; a commit with no answer may have stored it.
        tx.commit()
            .await
            .map_err(|e| IntakeError::OutcomeUnknown(anyhow::Error::new(e).context("commit")))?;
        Ok(receipt)
    }
}

/// No connection free within the pool's wait timeout is load, not an
/// outage: nothing was sent, so the vote is refused for load (429). Failing
/// to open a connection is an outage (503).
fn pool_error(error: deadpool_postgres::PoolError) -> IntakeError {
    use deadpool_postgres::{PoolError, TimeoutType};
    match error {
        PoolError::Timeout(TimeoutType::Wait) => IntakeError::Overloaded,
        other => {
            IntakeError::Unavailable(anyhow::Error::new(other).context("no Postgres connection"))
        }
    }
}
