use crate::keys::Keys;
use crate::mirror::Rebuilder;
use crate::scripts::VOTE;
use crate::Redis;
use anyhow::Context as _;
use tally_domain::ports::{IntakeError, PresentationStore, VoteIntake, VoteLedger};
use tally_domain::{Ballot, VoteReceipt};

/// Votes into Redis: one atomic script checks the mirrored state,
/// de-duplicates, counts and appends to the stream. Acknowledged votes reach
/// Postgres through the flusher.
#[derive(Clone, Debug)]
pub struct RedisIntake<S: PresentationStore, L: VoteLedger> {
    redis: Redis,
    rebuilder: Rebuilder<S, L>,
}

impl<S: PresentationStore, L: VoteLedger> RedisIntake<S, L> {
    pub fn new(redis: Redis, rebuilder: Rebuilder<S, L>) -> Self {
        Self { redis, rebuilder }
    }

    async fn run_script(&self, ballot: &Ballot) -> Result<String, IntakeError> {
        let keys = Keys::new(ballot.presentation_id);
        let poll = ballot.poll_id;
        let mut conn = self.redis.conn()?;
        let outcome: String = VOTE
            .key(keys.state())
            .key(keys.polls())
            .key(keys.options(poll))
            .key(keys.voters(poll))
            .key(keys.counts(poll))
            .key(keys.stream())
            .key(keys.absent())
            .arg(poll.to_string())
            .arg(ballot.participant.to_string())
            .arg(&ballot.key)
            .invoke_async(&mut conn)
            .await
            .context("running the vote script")?;
        Ok(outcome)
    }
}

impl<S: PresentationStore, L: VoteLedger> VoteIntake for RedisIntake<S, L> {
    async fn cast(&self, ballot: Ballot) -> Result<VoteReceipt, IntakeError> {
        let mut outcome = self.run_script(&ballot).await?;
        if outcome == "missing" {
            // No mirror (first vote since Redis lost its data, or since the
            // presentation was created while Redis was away): rebuild it
            // from Postgres once, then decide.
            let _guard = self.rebuilder.lock(ballot.presentation_id).await;
            outcome = self.run_script(&ballot).await?;
            if outcome == "missing" {
                self.rebuilder
                    .rebuild(ballot.presentation_id, false)
                    .await
                    .context("rebuilding the mirror")?;
                outcome = self.run_script(&ballot).await?;
            }
        }
        match outcome.as_str() {
            "counted" => Ok(VoteReceipt::Counted),
            "repeat" => Ok(VoteReceipt::AlreadyCounted),
            "different" => Err(IntakeError::AlreadyVotedDifferently),
            "closed" => Err(IntakeError::VotingClosed),
            "not_current" => Err(IntakeError::PollNotCurrent),
            "poll_not_found" => Err(IntakeError::PollNotFound),
            "unknown_option" => Err(IntakeError::UnknownOption(ballot.key)),
            "absent" | "missing" => Err(IntakeError::PresentationNotFound),
            other => Err(IntakeError::Unavailable(anyhow::anyhow!(
                "vote script answered {other:?}"
            ))),
        }
    }
}
