//! The failover between the two intakes, as intake and ledger ports of
//! their own: the fast path (Redis) while the switch says it is up, the
//! direct path (Postgres) while it is down.
//!
//! The switch goes down only on evidence that the fast path cannot be
//! reached: a vote whose connection is refused or lost
//! ([`IntakeError::Unavailable`]), or the health probe (an adapter's job).
//! A vote that is merely slow (it waited behind a spike) never switches
//! it: an overload is not an outage, and the direct path is far slower, so
//! switching then would turn a spike into a cascade.
//!
//! A vote that hit the outage, or was still waiting for the fast path when
//! the switch went down, is retried on the direct path at once. Votes are
//! idempotent, so one that the fast path also ran is stored once.

use crate::ports::{
    IntakeError, IntakeMetrics, IntakePath, IntakeSwitch, LedgerError, QuizAnswer, VoteIntake,
    VoteLedger,
};
use crate::{Ballot, PollId, PollResults, PresentationId, VoteReceipt, VoteRecord};
use futures::future::{select, Either};
use std::future::Future;
use std::pin::pin;
use std::time::Instant;

/// How many times a vote may move between the paths before it settles on
/// the direct one: the fast path fails (to direct), or it recovers while
/// the vote waits for a fallback permit (back to fast).
const MOVES: usize = 3;

#[derive(Clone, Debug)]
pub struct FailoverIntake<F, D, S, M> {
    fast: F,
    direct: D,
    switch: S,
    metrics: M,
}

impl<F, D, S, M> FailoverIntake<F, D, S, M>
where
    F: VoteIntake,
    D: VoteIntake,
    S: IntakeSwitch,
    M: IntakeMetrics,
{
    pub fn new(fast: F, direct: D, switch: S, metrics: M) -> Self {
        Self {
            fast,
            direct,
            switch,
            metrics,
        }
    }

    /// The fast path's answer; `None` when it is down (this vote proved
    /// it, or the switch went down while the vote waited): go direct.
    async fn via_fast(&self, ballot: &Ballot) -> Option<Result<VoteReceipt, IntakeError>> {
        let started = Instant::now();
        let cast = pin!(self.fast.cast(ballot.clone()));
        let down = pin!(self.switch.wait_down());
        let outcome = match select(cast, down).await {
            Either::Left((outcome, _)) => outcome,
            Either::Right(((), _)) => return None,
        };
        match outcome {
            Err(IntakeError::Unavailable(e)) => {
                // The fast path may have taken the vote before failing; the
                // direct path then stores it too, and the flush of the fast
                // copy finds it stored.
                if self.switch.mark_down(&format!("{e:#}")) {
                    self.metrics.path_in_use(IntakePath::Direct, true);
                }
                None
            }
            // No answer, and meanwhile the switch went down.
            Err(IntakeError::OutcomeUnknown(_)) if !self.switch.is_up() => None,
            other => {
                self.metrics
                    .vote_took(IntakePath::Fast, started.elapsed().as_secs_f64());
                Some(other)
            }
        }
    }
}

impl<F, D, S, M> VoteIntake for FailoverIntake<F, D, S, M>
where
    F: VoteIntake,
    D: VoteIntake,
    S: IntakeSwitch,
    M: IntakeMetrics,
{
    async fn cast(&self, ballot: Ballot) -> Result<VoteReceipt, IntakeError> {
        for _ in 0..MOVES {
            if self.switch.is_up() {
                if let Some(outcome) = self.via_fast(&ballot).await {
                    return outcome;
                }
            }
            // Recovery merges direct votes into the fast path only after
            // every permit taken before it came back is released, so a vote
            // committed here is never missed by the merge.
            let Some(_permit) = self.switch.fallback_permit().await else {
                continue;
            };
            let started = Instant::now();
            let outcome = self.direct.cast(ballot).await;
            self.metrics
                .vote_took(IntakePath::Direct, started.elapsed().as_secs_f64());
            return outcome;
        }
        // The switch flaps faster than votes can decide. The direct path is
        // correct on its own; only the live counters lag until the next
        // recovery merge.
        tracing::warn!("vote on the direct path without a permit: the fast path is flapping");
        self.direct.cast(ballot).await
    }
}

/// Reads from the fast path while it is up, from the direct path while it
/// is down or when a read from the fast path fails for an outage.
///
/// A fast read that gave up waiting for acknowledged votes
/// ([`LedgerError::is_unsettled`]) is not an outage: the direct path lacks
/// the same votes, so its answer would be wrong. That error is returned
/// (the edge answers 503, retry) instead.
///
/// While the fast path is down, reads from the direct path miss the votes
/// it acknowledged and had not flushed when it went away: nothing can
/// read them until it is back. That is the one exception to "reads include
/// every acknowledged vote" (README).
#[derive(Clone, Debug)]
pub struct FailoverLedger<F, D, S> {
    fast: F,
    direct: D,
    switch: S,
}

impl<F: VoteLedger, D: VoteLedger, S: IntakeSwitch> FailoverLedger<F, D, S> {
    pub fn new(fast: F, direct: D, switch: S) -> Self {
        Self {
            fast,
            direct,
            switch,
        }
    }
}

impl<F: VoteLedger, D: VoteLedger, S: IntakeSwitch> FailoverLedger<F, D, S> {
    /// A read from the fast path while it is up, from the direct path when
    /// it is down or the fast read fails for an outage (`what` names the
    /// read in the warning).
    async fn read<'a, T, FF, DF>(
        &'a self,
        what: &str,
        fast: impl FnOnce(&'a F) -> FF,
        direct: impl FnOnce(&'a D) -> DF,
    ) -> Result<T, LedgerError>
    where
        FF: Future<Output = Result<T, LedgerError>>,
        DF: Future<Output = Result<T, LedgerError>>,
    {
        if self.switch.is_up() {
            match fast(&self.fast).await {
                Err(e) if e.is_unsettled() => return Err(e),
                Err(LedgerError::Unavailable(e)) => {
                    tracing::warn!(error = %format!("{e:#}"), "{what} from the direct path: the fast path failed");
                }
                other => return other,
            }
        }
        direct(&self.direct).await
    }
}

impl<F: VoteLedger, D: VoteLedger, S: IntakeSwitch> VoteLedger for FailoverLedger<F, D, S> {
    async fn votes(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Vec<VoteRecord>, LedgerError> {
        self.read(
            "listing votes",
            |fast| fast.votes(presentation, poll),
            |direct| direct.votes(presentation, poll),
        )
        .await
    }

    async fn results(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<PollResults, LedgerError> {
        self.read(
            "results",
            |fast| fast.results(presentation, poll),
            |direct| direct.results(presentation, poll),
        )
        .await
    }

    async fn round_results(
        &self,
        presentation: PresentationId,
        poll: PollId,
        round: u32,
    ) -> Result<PollResults, LedgerError> {
        self.read(
            "results",
            |fast| fast.round_results(presentation, poll, round),
            |direct| direct.round_results(presentation, poll, round),
        )
        .await
    }

    async fn quiz_answers(
        &self,
        presentation: PresentationId,
    ) -> Result<Vec<QuizAnswer>, LedgerError> {
        self.read(
            "quiz answers",
            |fast| fast.quiz_answers(presentation),
            |direct| direct.quiz_answers(presentation),
        )
        .await
    }
}
