//! Intake and ledger that prefer Redis and fall back to Postgres.
//!
//! Redis is marked down for this process only on evidence that it cannot
//! be reached: a vote whose connection is refused or lost, or the health
//! probe failing several times in a row (see `recovery::watch`). A vote that
//! is merely slow (it waited behind a spike) never switches the intake: an
//! overload is not an outage, and the Postgres path is far slower, so
//! switching then would turn a spike into a cascade.
//!
//! Once down, votes go straight to Postgres (correct on its own: it checks
//! the current poll under the same fence as slide changes) until the
//! recovery task has re-mirrored state from Postgres and marked Redis up.
//! A vote that hit the outage, or was still waiting for Redis when the probe
//! found it gone, is retried on Postgres at once; votes are idempotent, so
//! one that Redis also ran is stored once.

use std::time::Instant;
use tally_domain::ports::{IntakeError, LedgerError, VoteIntake, VoteLedger};
use tally_domain::{Ballot, PollId, PollResults, PresentationId, VoteReceipt, VoteRecord};
use tally_prometheus::Metrics;
use tally_redis::RedisHealth;

#[derive(Clone, Debug)]
pub struct FailoverIntake<R: VoteIntake, P: VoteIntake> {
    redis: R,
    postgres: P,
    health: RedisHealth,
    metrics: Metrics,
}

impl<R: VoteIntake, P: VoteIntake> FailoverIntake<R, P> {
    pub fn new(redis: R, postgres: P, health: RedisHealth, metrics: Metrics) -> Self {
        Self {
            redis,
            postgres,
            health,
            metrics,
        }
    }
}

impl<R: VoteIntake, P: VoteIntake> FailoverIntake<R, P> {
    /// The Redis path; `None` when Redis is down (this vote proved it, or
    /// the probe found it while the vote waited): retry on Postgres.
    async fn via_redis(&self, ballot: &Ballot) -> Option<Result<VoteReceipt, IntakeError>> {
        let started = Instant::now();
        let outcome = tokio::select! {
            outcome = self.redis.cast(ballot.clone()) => outcome,
            () = self.health.wait_down() => return None,
        };
        match outcome {
            Err(IntakeError::Unavailable(e)) => {
                // The script may have run before the failure; the Postgres
                // path then stores the same vote, and the flush of the Redis
                // copy is a no-op (ON CONFLICT).
                if self.health.mark_down(&format!("{e:#}")) {
                    self.metrics.set_intake_path("postgres", true);
                }
                None
            }
            // No answer, and meanwhile the probe found Redis gone.
            Err(IntakeError::OutcomeUnknown(_)) if !self.health.is_up() => None,
            other => {
                self.metrics
                    .observe_intake("redis", started.elapsed().as_secs_f64());
                Some(other)
            }
        }
    }
}

impl<R: VoteIntake, P: VoteIntake> VoteIntake for FailoverIntake<R, P> {
    async fn cast(&self, ballot: Ballot) -> Result<VoteReceipt, IntakeError> {
        // At most: Redis fails, so Postgres; or Redis is down and recovers
        // while this vote waits for its permit, so Redis after all.
        for _ in 0..3 {
            if self.health.is_up() {
                if let Some(outcome) = self.via_redis(&ballot).await {
                    return outcome;
                }
            }
            // Recovery merges fallback votes into Redis only after every
            // permit taken before Redis came back is released, so a vote
            // committed here is never missed by the merge.
            let Some(_permit) = self.health.fallback_permit().await else {
                continue;
            };
            let started = Instant::now();
            let outcome = self.postgres.cast(ballot).await;
            self.metrics
                .observe_intake("postgres", started.elapsed().as_secs_f64());
            return outcome;
        }
        // Redis flapping faster than votes can decide. Postgres is correct
        // on its own; only the live counters lag until the next recovery
        // merge.
        tracing::warn!("vote on Postgres without a fallback permit: Redis is flapping");
        self.postgres.cast(ballot).await
    }
}

#[derive(Clone, Debug)]
pub struct FailoverLedger<R: VoteLedger, P: VoteLedger> {
    redis: R,
    postgres: P,
    health: RedisHealth,
}

impl<R: VoteLedger, P: VoteLedger> FailoverLedger<R, P> {
    pub fn new(redis: R, postgres: P, health: RedisHealth) -> Self {
        Self {
            redis,
            postgres,
            health,
        }
    }
}

impl<R: VoteLedger, P: VoteLedger> VoteLedger for FailoverLedger<R, P> {
    async fn votes(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Vec<VoteRecord>, LedgerError> {
        if self.health.is_up() {
            match self.redis.votes(presentation, poll).await {
                Err(LedgerError::Unavailable(e)) => {
                    tracing::warn!(error = %format!("{e:#}"), "listing from Postgres: Redis failed");
                }
                other => return other,
            }
        }
        self.postgres.votes(presentation, poll).await
    }

    async fn results(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<PollResults, LedgerError> {
        if self.health.is_up() {
            match self.redis.results(presentation, poll).await {
                Err(LedgerError::Unavailable(e)) => {
                    tracing::warn!(error = %format!("{e:#}"), "results from Postgres: Redis failed");
                }
                other => return other,
            }
        }
        self.postgres.results(presentation, poll).await
    }
}
