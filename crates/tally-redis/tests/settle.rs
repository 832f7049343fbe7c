//! Reads from Postgres wait for the votes acknowledged before them
//! (`settle`), and the flushers they wait for learn of a new stream at once.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
#[path = "common/world.rs"]
mod world;

use std::time::{Duration, Instant};
use tally_domain::ports::{PresentationStore as _, VoteLedger as _};
use tally_domain::usecases::{FailoverLedger, Flusher};
use tally_domain::{Presentation, PresentationId};
use tally_postgres::{PgArchive, PgLedger, PoolSettings};
use tally_redis::{Rebuilder, RedisHealth, RedisLedger, RedisMirror, RedisVoteQueue};
use tally_testkit::contract::store::create;
use tally_testkit::fixtures::deck;
use world::{cast_many, drain, queue, world_on, World};

/// Well under the flushers' periodic refresh of their streams (1 s).
const AT_ONCE: Duration = Duration::from_millis(500);

/// Flushes until a batch comes, or twice `AT_ONCE` passes; returns how
/// long that took.
async fn flushed_within(flusher: &mut Flusher<RedisVoteQueue, PgArchive>) -> Duration {
    let started = Instant::now();
    while started.elapsed() < AT_ONCE * 2 {
        let flushed = flusher
            .flush(100, Duration::from_millis(10), Duration::from_secs(10))
            .await;
        if let Ok(Some(batch)) = flushed {
            if batch.votes > 0 {
                return started.elapsed();
            }
        }
    }
    started.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flusher_reads_a_new_stream_at_once_and_carries_on_past_a_deleted_one() {
    let world = world_on(tally_testkit::postgres::TestDatabase::create().await).await;
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    // The flusher has read the (empty) set of streams.
    flusher
        .flush(100, Duration::from_millis(10), Duration::from_secs(10))
        .await
        .unwrap();
    let (first, _) = create(&world, deck(1)).await;
    cast_many(&world, &first, 1).await;
    let took = flushed_within(&mut flusher).await;
    assert!(
        took < AT_ONCE,
        "the new stream's vote was flushed after {took:?}"
    );

    // A second presentation votes while the first is deleted: the read of
    // both streams fails for the missing one, and the flusher carries on.
    let (second, _) = create(&world, deck(1)).await;
    cast_many(&world, &second, 1).await;
    world.store.delete(first.id).await.unwrap();
    let took = flushed_within(&mut flusher).await;
    assert!(took < AT_ONCE, "the vote was flushed after {took:?}");
}

/// A ledger of its own process over the world's Redis and Postgres, waiting
/// at most `within` for the flush.
fn ledger(
    world: &World,
    within: Duration,
) -> (RedisLedger<tally_postgres::PgStore, PgLedger>, PgLedger) {
    let pool = tally_postgres::connect(&PoolSettings {
        url: world.db.url(),
        max_size: 4,
        wait_timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
    })
    .unwrap();
    let pg = PgLedger::new(pool);
    let redis = world::redis_client(&world.server);
    let rebuilder = Rebuilder::new(
        RedisMirror::new(redis.clone()),
        world.pg_store.clone(),
        pg.clone(),
    );
    (
        RedisLedger::new(redis, rebuilder).settling_within(within),
        pg,
    )
}

async fn reset(world: &World, p: &Presentation) {
    world.store.reset_poll(p.id, p.polls[0].id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_no_flush_a_past_round_is_unsettled_past_the_deadline_not_short_of_votes() {
    let world = world_on(tally_testkit::postgres::TestDatabase::create().await).await;
    let within = Duration::from_millis(300);
    let (redis_ledger, pg_ledger) = ledger(&world, within);
    let failover = FailoverLedger::new(redis_ledger.clone(), pg_ledger, RedisHealth::new(true));
    let (p, _) = create(&world, deck(1)).await;
    cast_many(&world, &p, 2).await;
    reset(&world, &p).await;
    let poll = p.polls[0].id;

    // No flusher runs: the votes stay in the stream.
    let started = Instant::now();
    let read = redis_ledger.round_results(p.id, poll, 1).await;
    assert!(read.is_err_and(|e| e.is_unsettled()));
    assert!(started.elapsed() >= within);
    // Postgres lacks the same votes: the failover does not ask it instead.
    assert!(failover
        .round_results(p.id, poll, 1)
        .await
        .is_err_and(|e| e.is_unsettled()));
    assert!(failover
        .quiz_answers(p.id)
        .await
        .is_err_and(|e| e.is_unsettled()));

    // Once flushed, the round is read whole; an empty stream does not wait.
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    drain(&mut flusher).await;
    let first = failover.round_results(p.id, poll, 1).await.unwrap();
    assert_eq!(first.participants, 2);
    let unknown = redis_ledger.quiz_answers(PresentationId::generate()).await;
    assert!(unknown.unwrap().is_empty());
}
