//! The flush from Redis to Postgres, with crashes and outages, against real
//! servers: every acknowledged vote ends up in Postgres exactly once.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
#[path = "common/world.rs"]
mod world;

use std::time::Duration;
use tally_domain::ports::{
    PresentationStore as _, VoteArchive as _, VoteIntake as _, VoteLedger as _, VoteQueue as _,
};
use tally_domain::usecases::Flusher;
use tally_domain::{ParticipantId, VoteReceipt};
use tally_postgres::{PgLedger, PoolSettings};
use tally_redis::{Rebuilder, RedisMirror};
use tally_testkit::contract::intake::ballot;
use tally_testkit::contract::store::create;
use tally_testkit::postgres::{PgServer, TestDatabase};
use world::{cast_many, drain, postgres_state, queue, world_on};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flush_moves_every_vote_once_and_empties_the_stream() {
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(2)).await;
    cast_many(&world, &p, 1_200).await;
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    assert_eq!(drain(&mut flusher).await, 1_200);
    assert_eq!(postgres_state(&world).await, (1_200, 0));
    assert_eq!(flusher.backlog().await.unwrap(), 0);
    let counts = PgLedger::new(
        tally_postgres::connect(&PoolSettings {
            url: world.db.url(),
            max_size: 1,
            wait_timeout: Duration::from_secs(2),
            connect_timeout: Duration::from_secs(2),
        })
        .unwrap(),
    )
    .results(p.id, p.polls[0].id)
    .await
    .unwrap();
    assert_eq!(
        counts.options.iter().map(|o| o.votes).collect::<Vec<_>>(),
        [400, 400, 400]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storing_a_batch_twice_counts_it_once() {
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(1)).await;
    cast_many(&world, &p, 50).await;
    let mut q = queue(&world, "a");
    let batch = q.next_batch(100, Duration::from_millis(50)).await.unwrap();
    assert_eq!(batch.len(), 50);
    assert_eq!(world.archive.store(&batch).await.unwrap().inserted, 50);
    let again = world.archive.store(&batch).await.unwrap();
    assert_eq!((again.inserted, again.skipped), (0, 50));
    assert_eq!(postgres_state(&world).await, (50, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entries_of_a_crashed_flusher_are_reclaimed_and_stored_once() {
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(1)).await;
    cast_many(&world, &p, 300).await;
    // Flusher A reads everything, stores half, and dies before any ack.
    let mut crashed = queue(&world, "crashed");
    let batch = crashed
        .next_batch(1_000, Duration::from_millis(50))
        .await
        .unwrap();
    assert_eq!(batch.len(), 300);
    world.archive.store(&batch[..150]).await.unwrap();
    drop(crashed);
    // Flusher B finds the entries once they have been idle long enough.
    let mut survivor = Flusher::new(queue(&world, "survivor"), world.archive.clone());
    tokio::time::sleep(Duration::from_millis(300)).await;
    // It inserts exactly the 150 the crashed one had not stored.
    assert_eq!(drain(&mut survivor).await, 150);
    assert_eq!(postgres_state(&world).await, (300, 0));
    assert_eq!(survivor.backlog().await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_is_held_while_postgres_is_down() {
    let server: &'static PgServer = Box::leak(Box::new(PgServer::start().unwrap()));
    let world = world_on(TestDatabase::create_on(server).await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(1)).await;
    cast_many(&world, &p, 100).await;
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    server.halt().unwrap();
    // Redis keeps accepting while Postgres is down.
    cast_many(&world, &p, 20).await;
    let failed = flusher
        .flush(500, Duration::from_millis(20), Duration::from_secs(60))
        .await;
    assert!(failed.is_err());
    assert!(flusher.holding());
    server.resume().unwrap();
    let mut stored = 0;
    for _ in 0..100 {
        if flusher.holding() {
            match flusher
                .flush(500, Duration::from_millis(20), Duration::from_secs(60))
                .await
            {
                Ok(f) => stored += f.map_or(0, |f| f.inserted),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        } else {
            stored += drain(&mut flusher).await;
            break;
        }
    }
    assert_eq!(stored, 120);
    assert_eq!(postgres_state(&world).await, (120, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_mirror_is_rebuilt_from_postgres_with_its_voters() {
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(2)).await;
    let voters = cast_many(&world, &p, 30).await;
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    drain(&mut flusher).await;
    // Redis loses everything (a volatile restart, say).
    let mut conn = world.raw_redis().await;
    let _: () = redis::cmd("FLUSHALL").query_async(&mut conn).await.unwrap();
    // A known voter's retry is still a repeat, not a second vote.
    let key = ["A", "B", "C"][0];
    assert_eq!(
        world
            .intake
            .cast(ballot(&p, 0, voters[0], key))
            .await
            .unwrap(),
        VoteReceipt::AlreadyCounted
    );
    let newcomer = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    assert_eq!(
        world
            .intake
            .cast(ballot(&p, 0, newcomer, "A"))
            .await
            .unwrap(),
        VoteReceipt::Counted
    );
    let live = tally_redis::RedisLedger::new(
        world.redis.clone(),
        Rebuilder::new(
            RedisMirror::new(world.redis.clone()),
            world.pg_store.clone(),
            PgLedger::new(
                tally_postgres::connect(&PoolSettings {
                    url: world.db.url(),
                    max_size: 2,
                    wait_timeout: Duration::from_secs(2),
                    connect_timeout: Duration::from_secs(2),
                })
                .unwrap(),
            ),
        ),
    );
    let results = tally_domain::ports::VoteLedger::results(&live, p.id, p.polls[0].id)
        .await
        .unwrap();
    assert_eq!((results.total_votes, results.participants), (31, 31));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_older_state_never_overwrites_a_newer_mirror() {
    let world = world_on(TestDatabase::create().await).await;
    let (p, _) = create(&world, tally_testkit::fixtures::deck(3)).await;
    let moved = world
        .store
        .move_slide(p.id, tally_domain::SlideMove::Next)
        .await
        .unwrap();
    // A slow process mirrors the state it saw before the move.
    let mirror = RedisMirror::new(world.redis.clone());
    mirror.install(&p).await.unwrap();
    assert_eq!(
        mirror.versions(&[p.id]).await.unwrap(),
        [Some(moved.slide.version)]
    );
    let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
    assert!(matches!(
        world.intake.cast(ballot(&p, 0, voter, "A")).await,
        Err(tally_domain::ports::IntakeError::PollNotCurrent)
    ));
    assert_eq!(
        world.intake.cast(ballot(&p, 1, voter, "A")).await.unwrap(),
        VoteReceipt::Counted
    );
    // The vote the newer state took reaches Postgres, on the poll it was
    // cast on, where that state came from.
    let mut flusher = Flusher::new(queue(&world, "a"), world.archive.clone());
    assert_eq!(drain(&mut flusher).await, 1);
    let stored: Vec<uuid::Uuid> = world
        .db
        .client()
        .await
        .query("SELECT poll_id FROM votes", &[])
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(stored, [*p.polls[1].id.as_uuid()]);
    let truth = world.pg_store.get(p.id).await.unwrap().unwrap();
    assert_eq!(truth.slide, moved.slide);
}
