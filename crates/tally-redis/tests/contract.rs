//! The port contract suites, run against the Redis adapters: votes go
//! through the Lua script, state through the mirror, results come from the
//! counters. Postgres stays the source of truth behind them.
#![allow(clippy::expect_used)]

use std::time::Duration;
use tally_postgres::{PgLedger, PgStore, PoolSettings};
use tally_redis::{
    MirrorEvents, Rebuilder, Redis, RedisHealth, RedisIntake, RedisLedger, RedisMirror,
    RedisSettings,
};
use tally_testkit::contract::evented::EventedStore;
use tally_testkit::contract::Adapters;
use tally_testkit::postgres::TestDatabase;
use tally_testkit::redis::{Durability, RedisServer};

/// The Postgres store with the mirror following every change, as the use
/// cases make it follow.
pub type Mirrored = EventedStore<PgStore, MirrorEvents<PgStore, PgLedger>>;

struct OnRedis {
    store: Mirrored,
    intake: RedisIntake<PgStore, PgLedger>,
    ledger: RedisLedger<PgStore, PgLedger>,
    _db: TestDatabase,
    _redis: RedisServer,
}

impl Adapters for OnRedis {
    type Store = Mirrored;
    type Intake = RedisIntake<PgStore, PgLedger>;
    type Ledger = RedisLedger<PgStore, PgLedger>;
    fn store(&self) -> &Self::Store {
        &self.store
    }
    fn intake(&self) -> &Self::Intake {
        &self.intake
    }
    fn ledger(&self) -> &Self::Ledger {
        &self.ledger
    }
}

async fn on_redis() -> OnRedis {
    let db = TestDatabase::create().await;
    let server = RedisServer::start(Durability::Volatile).expect("redis");
    let pool = tally_postgres::connect(&PoolSettings {
        url: db.url(),
        max_size: 16,
        wait_timeout: Duration::from_secs(30),
        connect_timeout: Duration::from_secs(10),
    })
    .expect("pool");
    let redis = Redis::connect(&RedisSettings {
        url: server.url(),
        response_timeout: Duration::from_secs(5),
        connection_timeout: Duration::from_secs(5),
    })
    .expect("redis client");
    let (store, ledger) = (PgStore::new(pool.clone()), PgLedger::new(pool));
    let mirror = RedisMirror::new(redis.clone());
    let rebuilder = Rebuilder::new(mirror.clone(), store.clone(), ledger.clone());
    OnRedis {
        store: EventedStore {
            inner: store,
            events: MirrorEvents::new(rebuilder.clone(), RedisHealth::new(true)),
        },
        intake: RedisIntake::new(redis.clone(), rebuilder.clone()),
        ledger: RedisLedger::new(redis, rebuilder),
        _db: db,
        _redis: server,
    }
}

tally_testkit::port_contract_tests!(on_redis().await);
