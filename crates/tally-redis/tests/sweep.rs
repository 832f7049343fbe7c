//! Long-running hygiene: idle mirrors leave Redis once their votes are all
//! flushed and come back from Postgres when needed, and the consumers of
//! stopped flushers are deleted, so that a deployment that has served
//! 10,000 presentations reads as few streams as a new one.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
#[path = "common/world.rs"]
mod world;

use std::time::{Duration, Instant};
use tally_domain::ports::{VoteIntake as _, VoteQueue as _};
use tally_domain::usecases::Flusher;
use tally_domain::{PollId, Presentation, PresentationId, VoteReceipt};
use tally_redis::RedisMirror;
use tally_testkit::contract::intake::ballot;
use tally_testkit::contract::store::create;
use tally_testkit::postgres::TestDatabase;
use world::{cast_many, drain, postgres_state, queue, world_on, World};

const SERVED: usize = 10_000;
/// Idle time that makes every mirror idle at once.
const NOW: Duration = Duration::ZERO;
const HOUR: Duration = Duration::from_secs(3600);

/// Mirrors of `n` past presentations shaped like `like`, as a deployment
/// that has served them holds (their votes long flushed).
async fn served_before(mirror: &RedisMirror, like: &Presentation, n: usize) {
    let ids: Vec<_> = (0..n).map(|_| PresentationId::generate()).collect();
    for chunk in ids.chunks(200) {
        futures_util::future::join_all(chunk.iter().map(|id| {
            let mut past = like.clone();
            past.id = *id;
            for poll in &mut past.polls {
                poll.id = PollId::generate();
            }
            async move { mirror.install(&past).await.unwrap() }
        }))
        .await;
    }
}

async fn flush_time(world: &World, p: &Presentation, votes: usize) -> Duration {
    cast_many(world, p, votes).await;
    let mut flusher = Flusher::new(queue(world, "timed"), world.archive.clone());
    let started = Instant::now();
    assert_eq!(drain(&mut flusher).await, votes as u64);
    started.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_10000_presentations_the_flushers_read_only_the_ones_in_use() {
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(1)).await;
    let mirror = RedisMirror::new(world.redis.clone());
    let fresh = flush_time(&world, &p, 1_000).await;

    served_before(&mirror, &p, SERVED).await;
    assert_eq!(mirror.active().await.unwrap().len(), SERVED + 1);
    let crowded = flush_time(&world, &p, 1_000).await;

    // Votes on `p` wait in its stream: it is kept, everything else goes.
    cast_many(&world, &p, 500).await;
    let swept = mirror.sweep(NOW, HOUR).await.unwrap();
    assert_eq!((swept.retired, swept.kept), (SERVED as u64, 1));
    assert_eq!(mirror.active().await.unwrap(), vec![p.id]);
    let mut flusher = Flusher::new(queue(&world, "timed"), world.archive.clone());
    assert_eq!(drain(&mut flusher).await, 500);
    let swept_time = flush_time(&world, &p, 1_000).await;
    eprintln!(
        "1,000 votes flushed in {fresh:?} on a new deployment, {crowded:?} with {SERVED} idle mirrors, \
         {swept_time:?} after the sweep"
    );
    // Nothing of the retired ones is left in Redis but the active set's one.
    let mut conn = world.raw_redis().await;
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("tally:{*")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(
        keys.iter().all(|k| k.contains(&p.id.to_string())),
        "{} keys of retired presentations remain",
        keys.iter()
            .filter(|k| !k.contains(&p.id.to_string()))
            .count()
    );
    assert_eq!(postgres_state(&world).await, (3_500, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retired_mirror_comes_back_with_its_voters_from_postgres() {
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(1)).await;
    let voters = cast_many(&world, &p, 30).await;
    let mirror = RedisMirror::new(world.redis.clone());
    // Not flushed yet: kept, whatever its age.
    assert_eq!(mirror.sweep(NOW, HOUR).await.unwrap().retired, 0);
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    assert_eq!(drain(&mut flusher).await, 30);
    // In use recently: kept.
    assert_eq!(mirror.sweep(HOUR, HOUR).await.unwrap().retired, 0);
    // Idle and flushed: retired.
    assert_eq!(mirror.sweep(NOW, HOUR).await.unwrap().retired, 1);
    assert!(mirror.active().await.unwrap().is_empty());
    assert!(mirror.counts(p.id, p.polls[0].id).await.unwrap().is_empty());

    // An earlier voter is still known (rebuilt from Postgres), a new one
    // is counted, and the counters hold every vote.
    assert_eq!(
        world
            .intake
            .cast(ballot(&p, 0, voters[0], "A"))
            .await
            .unwrap(),
        VoteReceipt::AlreadyCounted
    );
    let newcomer = tally_domain::ParticipantId::from_uuid(uuid::Uuid::new_v4());
    assert_eq!(
        world
            .intake
            .cast(ballot(&p, 0, newcomer, "A"))
            .await
            .unwrap(),
        VoteReceipt::Counted
    );
    let counts = mirror.counts(p.id, p.polls[0].id).await.unwrap();
    assert_eq!(counts.values().sum::<u64>(), 31);
    assert_eq!(mirror.active().await.unwrap(), vec![p.id]);
    assert_eq!(drain(&mut flusher).await, 1);
    assert_eq!(postgres_state(&world).await, (31, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_consumers_with_nothing_pending_are_deleted_and_the_others_kept() {
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(1)).await;
    // A stopped process's flusher, which stored and acknowledged what it
    // read: nothing of it is pending.
    cast_many(&world, &p, 5).await;
    let mut gone = Flusher::new(queue(&world, "gone"), world.archive.clone());
    assert_eq!(drain(&mut gone).await, 5);
    // One that read votes and stopped before acknowledging them.
    cast_many(&world, &p, 5).await;
    let mut holding = queue(&world, "holding");
    assert_eq!(
        holding
            .next_batch(10, Duration::from_millis(10))
            .await
            .unwrap()
            .len(),
        5
    );
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mirror = RedisMirror::new(world.redis.clone());
    let swept = mirror.sweep(HOUR, Duration::from_millis(20)).await.unwrap();
    assert_eq!(swept.consumers_deleted, 1);
    let mut conn = world.raw_redis().await;
    let consumers: Vec<Vec<redis::Value>> = redis::cmd("XINFO")
        .arg("CONSUMERS")
        .arg(format!("tally:{{{}}}:stream", p.id))
        .arg("flushers")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert_eq!(consumers.len(), 1, "only the one holding votes is left");
    assert!(format!("{:?}", consumers[0]).contains("holding"));
    // Its votes are still reclaimed and stored.
    let mut survivor = Flusher::new(queue(&world, "survivor"), world.archive.clone());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(drain(&mut survivor).await, 5);
    assert_eq!(postgres_state(&world).await, (10, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_to_a_retired_presentation_brings_its_voters_back_first() {
    use tally_domain::ports::{IntakeError, PresentationStore as _};
    use tally_domain::SlideMove;
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(2)).await;
    let voters = cast_many(&world, &p, 10).await;
    let mirror = RedisMirror::new(world.redis.clone());
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    assert_eq!(drain(&mut flusher).await, 10);
    assert_eq!(mirror.sweep(NOW, HOUR).await.unwrap().retired, 1);
    // The presenter moves on and back: each change mirrors the state anew.
    world.store.move_slide(p.id, SlideMove::Next).await.unwrap();
    world
        .store
        .move_slide(p.id, SlideMove::Previous)
        .await
        .unwrap();
    // A voter of before (voters[1] chose "B") cannot vote differently.
    assert!(matches!(
        world.intake.cast(ballot(&p, 0, voters[1], "C")).await,
        Err(IntakeError::AlreadyVotedDifferently)
    ));
    assert_eq!(
        mirror
            .counts(p.id, p.polls[0].id)
            .await
            .unwrap()
            .values()
            .sum::<u64>(),
        10
    );
}

/// Rebuilding a retired mirror needs Postgres. If Postgres fails then, the
/// vote is refused for a retry (not stored), and Redis is not reported as
/// unreachable: that would switch a healthy Redis intake off.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rebuild_that_postgres_fails_refuses_the_vote_without_blaming_redis() {
    use tally_domain::ports::IntakeError;
    use tally_testkit::postgres::PgServer;
    let server: &'static PgServer = Box::leak(Box::new(PgServer::start().unwrap()));
    let world = world_on(TestDatabase::create_on(server).await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(1)).await;
    cast_many(&world, &p, 5).await;
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    assert_eq!(drain(&mut flusher).await, 5);
    let mirror = RedisMirror::new(world.redis.clone());
    assert_eq!(mirror.sweep(NOW, HOUR).await.unwrap().retired, 1);
    server.halt().unwrap();
    let voter = tally_domain::ParticipantId::from_uuid(uuid::Uuid::new_v4());
    let refused = world.intake.cast(ballot(&p, 0, voter, "A")).await;
    assert!(
        matches!(refused, Err(IntakeError::Overloaded)),
        "{refused:?}"
    );
    server.resume().unwrap();
    let mut counted = None;
    for _ in 0..50 {
        match world.intake.cast(ballot(&p, 0, voter, "A")).await {
            Ok(receipt) => {
                counted = Some(receipt);
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    assert_eq!(counted, Some(VoteReceipt::Counted));
}
