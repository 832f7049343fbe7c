//! The vote path's use cases on the fakes: the failover between the two
//! intakes (and ledgers), and the flush from the queue into the source of
//! truth.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tally_domain::ports::{
    IntakeError, IntakePath, IntakeSwitch as _, LedgerError, QuizAnswer, VoteIntake, VoteLedger,
};
use tally_domain::usecases::{FailoverIntake, FailoverLedger, FlushSettings, Flusher};
use tally_domain::{
    Ballot, ParticipantId, PollId, PollResults, Presentation, PresentationId, VoteReceipt,
    VoteRecord,
};
use tally_testkit::contract::store::create_in;
use tally_testkit::fakes::{FakeClock, FakeMetrics, FakeSwitch, FakeWorld};
use tally_testkit::fixtures::deck;

fn ballot(p: &Presentation, key: &str) -> Ballot {
    Ballot::single(
        p.id,
        p.polls[0].id,
        ParticipantId::from_uuid(uuid::Uuid::new_v4()),
        key,
    )
}

/// A fast path that answers every vote the same way, or never.
#[derive(Clone, Debug)]
enum Stuck {
    Unreachable,
    NoAnswer,
    Hangs,
}

impl VoteIntake for Stuck {
    async fn cast(&self, _: Ballot) -> Result<VoteReceipt, IntakeError> {
        match self {
            Stuck::Unreachable => Err(IntakeError::Unavailable(anyhow::anyhow!("refused"))),
            Stuck::NoAnswer => Err(IntakeError::OutcomeUnknown(anyhow::anyhow!("timed out"))),
            Stuck::Hangs => std::future::pending().await,
        }
    }
}

async fn presentation(world: &FakeWorld) -> Presentation {
    create_in(&world.store(), deck(1)).await
}

#[tokio::test]
async fn votes_take_the_fast_path_while_it_is_up() {
    let world = FakeWorld::new();
    let p = presentation(&world).await;
    let metrics = FakeMetrics::default();
    let intake = FailoverIntake::new(
        world.queued_intake(),
        world.direct_intake(),
        FakeSwitch::new(true),
        metrics.clone(),
    );
    assert_eq!(
        intake.cast(ballot(&p, "A")).await.unwrap(),
        VoteReceipt::Counted
    );
    assert_eq!((world.queued_votes(), world.stored_votes()), (1, 0));
    let recorded = metrics.recorded();
    assert_eq!(recorded.votes_by_path.get(&IntakePath::Fast), Some(&1));
    assert_eq!(recorded.switches, 0);
}

#[tokio::test]
async fn an_unreachable_fast_path_switches_votes_to_the_direct_one() {
    let world = FakeWorld::new();
    let p = presentation(&world).await;
    let (switch, metrics) = (FakeSwitch::new(true), FakeMetrics::default());
    let intake = FailoverIntake::new(
        Stuck::Unreachable,
        world.direct_intake(),
        switch.clone(),
        metrics.clone(),
    );
    assert_eq!(
        intake.cast(ballot(&p, "A")).await.unwrap(),
        VoteReceipt::Counted
    );
    assert!(!switch.is_up());
    assert_eq!(world.stored_votes(), 1);
    let recorded = metrics.recorded();
    assert_eq!(
        (recorded.path, recorded.switches),
        (Some(IntakePath::Direct), 1)
    );
    assert_eq!(recorded.votes_by_path.get(&IntakePath::Direct), Some(&1));
}

#[tokio::test]
async fn a_late_answer_is_no_outage_and_switches_nothing() {
    let world = FakeWorld::new();
    let p = presentation(&world).await;
    let switch = FakeSwitch::new(true);
    let intake = FailoverIntake::new(
        Stuck::NoAnswer,
        world.direct_intake(),
        switch.clone(),
        FakeMetrics::default(),
    );
    assert!(matches!(
        intake.cast(ballot(&p, "A")).await,
        Err(IntakeError::OutcomeUnknown(_))
    ));
    assert!(switch.is_up());
    assert_eq!(world.stored_votes(), 0);
}

/// A fast ledger that fails every read, for an outage or because the votes
/// acknowledged before the read are not readable in time.
#[derive(Clone, Debug)]
enum Failing {
    Unreachable,
    Unsettled,
}

impl Failing {
    fn error(&self) -> LedgerError {
        match self {
            Failing::Unreachable => LedgerError::Unavailable(anyhow::anyhow!("refused")),
            Failing::Unsettled => LedgerError::unsettled(Duration::from_secs(3)),
        }
    }
}

impl VoteLedger for Failing {
    async fn votes(&self, _: PresentationId, _: PollId) -> Result<Vec<VoteRecord>, LedgerError> {
        Err(self.error())
    }
    async fn results(&self, _: PresentationId, _: PollId) -> Result<PollResults, LedgerError> {
        Err(self.error())
    }
    async fn round_results(
        &self,
        _: PresentationId,
        _: PollId,
        _: u32,
    ) -> Result<PollResults, LedgerError> {
        Err(self.error())
    }
    async fn quiz_answers(&self, _: PresentationId) -> Result<Vec<QuizAnswer>, LedgerError> {
        Err(self.error())
    }
}

/// The direct path stands in for a fast path that is down, but not for one
/// still waiting on acknowledged votes: the direct path lacks those too.
#[tokio::test]
async fn reads_fall_back_on_an_outage_but_not_when_acknowledged_votes_are_unsettled() {
    let world = FakeWorld::new();
    let p = presentation(&world).await;
    let poll = p.polls[0].id;
    let direct = world.ledger();
    let unreachable =
        FailoverLedger::new(Failing::Unreachable, direct.clone(), FakeSwitch::new(true));
    assert_eq!(
        unreachable.results(p.id, poll).await.unwrap().participants,
        0
    );
    assert!(unreachable.quiz_answers(p.id).await.unwrap().is_empty());
    let unsettled = FailoverLedger::new(Failing::Unsettled, direct, FakeSwitch::new(true));
    for read in [
        unsettled.results(p.id, poll).await.map(|_| ()),
        unsettled.round_results(p.id, poll, 1).await.map(|_| ()),
        unsettled.votes(p.id, poll).await.map(|_| ()),
        unsettled.quiz_answers(p.id).await.map(|_| ()),
    ] {
        assert!(read.is_err_and(|e| e.is_unsettled()));
    }
}

#[tokio::test]
async fn a_vote_waiting_when_the_switch_goes_down_moves_to_the_direct_path() {
    let world = FakeWorld::new();
    let p = presentation(&world).await;
    let switch = FakeSwitch::new(true);
    let intake = FailoverIntake::new(
        Stuck::Hangs,
        world.direct_intake(),
        switch.clone(),
        FakeMetrics::default(),
    );
    let vote = tokio::spawn({
        let (intake, ballot) = (intake.clone(), ballot(&p, "B"));
        async move { intake.cast(ballot).await }
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert!(!vote.is_finished());
    switch.mark_down("the probe found it gone");
    let receipt = tokio::time::timeout(Duration::from_secs(5), vote)
        .await
        .expect("the vote moved on")
        .unwrap();
    assert_eq!(receipt.unwrap(), VoteReceipt::Counted);
    assert_eq!(world.stored_votes(), 1);
}

fn settings(batch: usize) -> FlushSettings {
    FlushSettings {
        batch,
        wait: Duration::from_millis(1),
        reclaim_after: Duration::from_secs(30),
        drain_timeout: Duration::from_secs(1),
    }
}

async fn queued(world: &FakeWorld, n: usize) -> Presentation {
    let p = presentation(world).await;
    for _ in 0..n {
        world.queued_intake().cast(ballot(&p, "C")).await.unwrap();
    }
    p
}

#[tokio::test]
async fn flushes_move_batches_of_at_most_the_limit() {
    let world = FakeWorld::new();
    queued(&world, 10).await;
    let mut flusher = Flusher::new(world.queue("a"), world.archive());
    let mut sizes = Vec::new();
    while let Some(batch) = flusher
        .flush(4, Duration::from_millis(1), Duration::from_secs(30))
        .await
        .unwrap()
    {
        assert_eq!(batch.inserted, batch.votes as u64);
        sizes.push(batch.votes);
    }
    assert_eq!(sizes, [4, 4, 2]);
    assert_eq!((world.stored_votes(), world.queued_votes()), (10, 0));
}

#[tokio::test]
async fn the_loop_drains_everything_when_told_to_stop() {
    let world = FakeWorld::new();
    queued(&world, 10).await;
    let metrics = FakeMetrics::default();
    let flusher = Flusher::new(world.queue("a"), world.archive());
    flusher
        .run(&settings(3), &metrics, &FakeClock::default(), || true)
        .await;
    assert_eq!((world.stored_votes(), world.queued_votes()), (10, 0));
    let recorded = metrics.recorded();
    assert_eq!(
        (recorded.flushed_votes, recorded.flushed_inserted),
        (10, 10)
    );
}

/// While everything fails, the loop backs off 50 ms, doubling to a 2 s
/// cap; told to stop, it tries to drain for `drain_timeout` and gives up.
/// On the fake clock, those 9 s take no time.
#[tokio::test]
async fn the_loop_backs_off_while_failing_and_gives_up_draining_after_the_timeout() {
    let world = FakeWorld::new();
    queued(&world, 3).await;
    world.fail(true);
    let (metrics, clock) = (FakeMetrics::default(), FakeClock::default());
    let asked = AtomicUsize::new(0);
    let flusher = Flusher::new(world.queue("a"), world.archive());
    flusher
        .run(&settings(100), &metrics, &clock, || {
            asked.fetch_add(1, Ordering::SeqCst) >= 8
        })
        .await;
    // 50 + 100 + 200 + 400 + 800 + 1600 + 2000 + 2000, then one more 2000
    // while draining.
    assert_eq!(clock.slept(), Duration::from_millis(9_150));
    assert_eq!(metrics.recorded().flush_failures, 9);
    world.fail(false);
    assert_eq!(
        (world.stored_votes(), world.queued_votes()),
        (0, 3),
        "left queued"
    );
}
