//! A Postgres and a Redis with the Redis adapters wired as in production,
//! for the flush and sweep tests.
#![allow(dead_code)]

use std::time::Duration;
use tally_domain::ports::VoteIntake as _;
use tally_domain::usecases::Flusher;
use tally_domain::{ParticipantId, Presentation, VoteReceipt};
use tally_postgres::{PgArchive, PgLedger, PgStore, PoolSettings};
use tally_redis::{
    MirrorEvents, Rebuilder, Redis, RedisHealth, RedisIntake, RedisMirror, RedisVoteQueue,
};
use tally_testkit::contract::evented::EventedStore;
use tally_testkit::contract::intake::ballot;
use tally_testkit::postgres::TestDatabase;
use tally_testkit::redis::{Durability, RedisServer};

/// The Postgres store with the mirror following every change, as the use
/// cases make it follow.
pub type Mirrored = EventedStore<PgStore, MirrorEvents<PgStore, PgLedger>>;

pub struct World {
    pub db: TestDatabase,
    pub server: RedisServer,
    pub redis: Redis,
    pub store: Mirrored,
    pub pg_store: PgStore,
    pub intake: RedisIntake<PgStore, PgLedger>,
    pub archive: PgArchive,
}

impl tally_testkit::contract::Adapters for World {
    type Store = Mirrored;
    type Intake = RedisIntake<PgStore, PgLedger>;
    type Ledger = PgLedger;
    fn store(&self) -> &Self::Store {
        &self.store
    }
    fn intake(&self) -> &Self::Intake {
        &self.intake
    }
    fn ledger(&self) -> &Self::Ledger {
        unreachable!("these tests read Postgres directly")
    }
}

pub async fn world_on(db: TestDatabase) -> World {
    let server = RedisServer::start(Durability::Durable).unwrap();
    let pool = tally_postgres::connect(&PoolSettings {
        url: db.url(),
        max_size: 8,
        wait_timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
    })
    .unwrap();
    let redis = redis_client(&server);
    let (pg_store, ledger) = (PgStore::new(pool.clone()), PgLedger::new(pool.clone()));
    let mirror = RedisMirror::new(redis.clone());
    let rebuilder = Rebuilder::new(mirror.clone(), pg_store.clone(), ledger);
    World {
        store: EventedStore {
            inner: pg_store.clone(),
            events: MirrorEvents::new(rebuilder.clone(), RedisHealth::new(true)),
        },
        intake: RedisIntake::new(redis.clone(), rebuilder),
        archive: PgArchive::new(pool),
        pg_store,
        redis,
        server,
        db,
    }
}

pub fn redis_client(server: &RedisServer) -> Redis {
    crate::common::connect(server, Duration::from_secs(2))
}

pub fn queue(world: &World, consumer: &str) -> RedisVoteQueue {
    // Each consumer on a connection of its own, as in production.
    RedisVoteQueue::new(redis_client(&world.server), consumer.to_owned())
}

pub async fn cast_many(world: &World, p: &Presentation, n: usize) -> Vec<ParticipantId> {
    let mut voters = Vec::new();
    for i in 0..n {
        let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        let key = ["A", "B", "C"][i % 3];
        assert_eq!(
            world.intake.cast(ballot(p, 0, voter, key)).await.unwrap(),
            VoteReceipt::Counted
        );
        voters.push(voter);
    }
    voters
}

/// Vote rows, and options whose count differs from their rows.
pub async fn postgres_state(world: &World) -> (i64, i64) {
    let client = world.db.client().await;
    (
        tally_testkit::postgres::vote_rows(&client).await,
        tally_testkit::postgres::options_unlike_rows(&client).await,
    )
}

/// Flushes until the queue is empty; returns the rows inserted.
pub async fn drain<Q: tally_domain::ports::VoteQueue>(flusher: &mut Flusher<Q, PgArchive>) -> u64 {
    let mut moved = 0;
    for _ in 0..50 {
        match flusher
            .flush(500, Duration::from_millis(20), Duration::from_millis(200))
            .await
            .unwrap()
        {
            Some(f) => moved += f.inserted,
            None if moved > 0 => break,
            None => {}
        }
    }
    moved
}

impl World {
    /// A plain connection to the test's Redis, for looking behind the
    /// adapters' backs.
    pub async fn raw_redis(&self) -> redis::aio::MultiplexedConnection {
        redis::Client::open(self.server.url())
            .unwrap()
            .get_multiplexed_async_connection()
            .await
            .unwrap()
    }
}
