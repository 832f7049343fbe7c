use crate::fence;
use crate::tallies::Moves;
use anyhow::Context as _;
use deadpool_postgres::Pool;
use std::sync::LazyLock;
use tally_domain::kinds::encoding::net_change;
use tally_domain::ports::{IntakeError, VoteIntake};
use tally_domain::{transition, Ballot, VoteReceipt};
use tokio_postgres::types::ToSql;
use uuid::Uuid;

/// Reads the poll on screen, under the shared fence taken just before.
const CURRENT_POLL: &str = "\
    SELECT q.id AS current_poll_id, q.kind, q.round, \
           q.voting_open AND (q.deadline IS NULL OR clock_timestamp() < q.deadline) AS voting_open, \
           coalesce((q.settings->>'allow_change')::boolean, false) AS allow_change, \
           EXISTS (SELECT 1 FROM polls WHERE id = $2 AND presentation_id = $1) AS poll_exists \
    FROM presentations p \
    JOIN polls q ON q.presentation_id = p.id AND q.position = p.current_poll_index \
    WHERE p.id = $1";

const IS_OPTION: &str = "SELECT EXISTS (SELECT 1 FROM options WHERE poll_id = $1 AND key = $2)";

/// The participant's row, locked until the transaction ends.
const EARLIER: &str = "SELECT choice FROM votes \
     WHERE poll_id = $1 AND round = $2 AND participant_id = $3 FOR UPDATE";

/// A version above every stream entry's so far (milliseconds shifted as the
/// Redis queue shifts them) and above the row's own.
const NOW_VERSION: &str = "(floor(extract(epoch FROM clock_timestamp()) * 1000)::int8 << 20)";

/// Inserts the participant's first row; nothing if a concurrent
/// transaction inserted it first (then the decision is taken again).
static INSERT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO votes (poll_id, round, participant_id, choice, version) \
         VALUES ($1, $2, $3, $4, {NOW_VERSION}) \
         ON CONFLICT (poll_id, round, participant_id) DO NOTHING"
    )
});

static UPDATE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "UPDATE votes SET choice = $4, accepted_at = now(), \
             version = greatest(version + 1, {NOW_VERSION}) \
         WHERE poll_id = $1 AND round = $2 AND participant_id = $3"
    )
});

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
        let (fence, read, is_option, earlier, insert, update) = tokio::try_join!(
            client.prepare_cached(fence::SHARED),
            client.prepare_cached(CURRENT_POLL),
            client.prepare_cached(IS_OPTION),
            client.prepare_cached(EARLIER),
            client.prepare_cached(&INSERT),
            client.prepare_cached(&UPDATE),
        )
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
        let kind: &str = current.try_get("kind").context("row")?;
        if ballot.kind.is_some_and(|k| k.as_str() != kind) {
            return Err(IntakeError::WrongType);
        }
        let round: i32 = current.try_get("round").context("row")?;
        if ballot
            .round
            .is_some_and(|r| i64::from(r) != i64::from(round))
        {
            return Err(IntakeError::RoundChanged);
        }
        let choice = ballot.choice.as_deref();
        if let (Some(key), "single") = (choice, kind) {
            let known: bool = tx
                .query_one(&is_option, &[poll, &key])
                .await
                .context("checking the key")?
                .try_get(0)
                .context("row")?;
            if !known {
                return Err(IntakeError::UnknownOption(key.to_owned()));
            }
        }
        let allow_change: bool = current.try_get("allow_change").context("row")?;
        let participant = ballot.participant.as_uuid();
        let key: [&(dyn ToSql + Sync); 3] = [poll, &round, participant];
        let receipt = loop {
            let stored: Option<Option<String>> = tx
                .query_opt(&earlier, &key)
                .await
                .context("reading the earlier vote")?
                .map(|row| row.try_get(0))
                .transpose()
                .context("row")?;
            let old = stored.clone().flatten();
            let receipt = transition(old.as_deref(), choice, allow_change)?;
            if receipt == VoteReceipt::AlreadyCounted {
                break receipt;
            }
            let params: [&(dyn ToSql + Sync); 4] = [poll, &round, participant, &choice];
            if stored.is_some() {
                tx.execute(&update, &params)
                    .await
                    .context("changing the vote")?;
            } else if tx
                .execute(&insert, &params)
                .await
                .context("inserting the vote")?
                == 0
            {
                // A concurrent vote of the same participant won the insert:
                // decide again against its row.
                continue;
            }
            let mut moves = Moves::default();
            moves.add(*poll, round, &net_change(old.as_deref(), choice));
            moves.apply(&tx).await?;
            break receipt;
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
