//! The port contract suites against the Redis adapters, with Postgres the
//! source of truth behind them as in production:
//! - store, intake and ledger: votes through the Lua script, state through
//!   the mirror, results from the counters; the reads of the rule "reads
//!   include every acknowledged vote" on a second process's ledger, with a
//!   flusher running as in every process;
//! - the same on the failover composition that production runs (Redis up,
//!   and Redis marked down: votes then go to Postgres);
//! - queue and archive: the streams read through the consumer group, into
//!   Postgres;
//! - events: the mirror (the announcement to other processes is in
//!   `announced.rs`);
//! - the intake switch.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::time::Duration;
use tally_domain::ports::IntakeSwitch as _;
use tally_domain::usecases::{FailoverIntake, FailoverLedger, Flusher};
use tally_domain::{ParticipantId, PollId, Presentation, PresentationId};
use tally_postgres::{PgArchive, PgIntake, PgLedger, PgStore, PoolSettings};
use tally_redis::{
    MirrorEvents, Rebuilder, Redis, RedisHealth, RedisIntake, RedisLedger, RedisMirror,
    RedisVoteQueue,
};
use tally_testkit::contract::evented::EventedStore;
use tally_testkit::contract::events::Subscribed;
use tally_testkit::contract::flow::Flow;
use tally_testkit::contract::Adapters;
use tally_testkit::fakes::FakeMetrics;
use tally_testkit::postgres::TestDatabase;
use tally_testkit::redis::{Durability, RedisServer};

/// The Postgres store with the mirror following every change, as the use
/// cases make it follow.
type Mirrored = EventedStore<PgStore, MirrorEvents<PgStore, PgLedger>>;

/// A fresh database and Redis, and the adapters over them.
struct Parts {
    db: TestDatabase,
    server: RedisServer,
    pool: tally_postgres::Pool,
    redis: Redis,
    pg_store: PgStore,
    pg_ledger: PgLedger,
    rebuilder: Rebuilder<PgStore, PgLedger>,
    health: RedisHealth,
}

async fn parts() -> Parts {
    let db = TestDatabase::create().await;
    let server = RedisServer::start(Durability::Volatile).expect("redis");
    let pool = tally_postgres::connect(&PoolSettings {
        url: db.url(),
        max_size: 16,
        wait_timeout: Duration::from_secs(30),
        connect_timeout: Duration::from_secs(10),
    })
    .expect("pool");
    let redis = common::connect(&server, Duration::from_secs(5));
    let (pg_store, pg_ledger) = (PgStore::new(pool.clone()), PgLedger::new(pool.clone()));
    let rebuilder = Rebuilder::new(
        RedisMirror::new(redis.clone()),
        pg_store.clone(),
        pg_ledger.clone(),
    );
    Parts {
        db,
        server,
        pool,
        redis,
        pg_store,
        pg_ledger,
        rebuilder,
        health: RedisHealth::new(true),
    }
}

impl Parts {
    fn mirrored(&self) -> Mirrored {
        EventedStore {
            inner: self.pg_store.clone(),
            events: MirrorEvents::new(self.rebuilder.clone(), self.health.clone()),
        }
    }

    fn intake(&self) -> RedisIntake<PgStore, PgLedger> {
        RedisIntake::new(self.redis.clone(), self.rebuilder.clone())
    }

    fn ledger(&self) -> RedisLedger<PgStore, PgLedger> {
        RedisLedger::new(self.redis.clone(), self.rebuilder.clone())
    }

    /// The ledger as a second process has it: connections and a mirror
    /// rebuilder of its own, over the same Redis and Postgres.
    fn other_process_ledger(&self) -> RedisLedger<PgStore, PgLedger> {
        let redis = common::connect(&self.server, Duration::from_secs(5));
        let rebuilder = Rebuilder::new(
            RedisMirror::new(redis.clone()),
            self.pg_store.clone(),
            self.pg_ledger.clone(),
        );
        RedisLedger::new(redis, rebuilder)
    }

    /// A flusher, as every process runs one, on a connection of its own.
    fn flushing(&self) -> Flushing {
        let queue = RedisVoteQueue::new(
            common::connect(&self.server, Duration::from_secs(5)),
            "contract".to_owned(),
        );
        let mut flusher = Flusher::new(queue, PgArchive::new(self.pool.clone()));
        Flushing(tokio::spawn(async move {
            loop {
                let flushed = flusher
                    .flush(1_000, Duration::from_millis(10), Duration::from_secs(1))
                    .await;
                if flushed.is_err() {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            }
        }))
    }
}

/// A running flusher, stopped with its harness.
struct Flushing(tokio::task::JoinHandle<()>);

impl Drop for Flushing {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A store, an intake and a ledger, another process's ledger, and what
/// keeps them alive.
struct Harness<I, L> {
    store: Mirrored,
    intake: I,
    ledger: L,
    reader: L,
    _flushing: Flushing,
    _parts: Parts,
}

impl<I: tally_domain::ports::VoteIntake, L: tally_domain::ports::VoteLedger> Adapters
    for Harness<I, L>
{
    type Store = Mirrored;
    type Intake = I;
    type Ledger = L;
    fn store(&self) -> &Mirrored {
        &self.store
    }
    fn intake(&self) -> &I {
        &self.intake
    }
    fn ledger(&self) -> &L {
        &self.ledger
    }
    fn reader(&self) -> &L {
        &self.reader
    }
}

mod on_redis {
    use super::*;

    async fn on_redis() -> Harness<RedisIntake<PgStore, PgLedger>, RedisLedger<PgStore, PgLedger>> {
        let parts = parts().await;
        Harness {
            store: parts.mirrored(),
            intake: parts.intake(),
            ledger: parts.ledger(),
            reader: parts.other_process_ledger(),
            _flushing: parts.flushing(),
            _parts: parts,
        }
    }

    tally_testkit::port_contract_tests!(on_redis().await);
}

type Failover = Harness<
    FailoverIntake<RedisIntake<PgStore, PgLedger>, PgIntake, RedisHealth, FakeMetrics>,
    FailoverLedger<RedisLedger<PgStore, PgLedger>, PgLedger, RedisHealth>,
>;

/// Production's composition. With `redis_up` false the switch is down from
/// the start: every vote and read takes Postgres.
async fn failover(redis_up: bool) -> Failover {
    let parts = parts().await;
    if !redis_up {
        parts.health.mark_down("the case runs on the fallback path");
    }
    Harness {
        store: parts.mirrored(),
        intake: FailoverIntake::new(
            parts.intake(),
            PgIntake::new(parts.pool.clone()),
            parts.health.clone(),
            FakeMetrics::default(),
        ),
        ledger: FailoverLedger::new(
            parts.ledger(),
            parts.pg_ledger.clone(),
            parts.health.clone(),
        ),
        reader: FailoverLedger::new(
            parts.other_process_ledger(),
            parts.pg_ledger.clone(),
            parts.health.clone(),
        ),
        _flushing: parts.flushing(),
        _parts: parts,
    }
}

mod failover_up {
    tally_testkit::port_contract_tests!(super::failover(true).await);
}

mod failover_down {
    tally_testkit::port_contract_tests!(super::failover(false).await);
}

struct RedisFlow {
    store: Mirrored,
    intake: RedisIntake<PgStore, PgLedger>,
    archive: PgArchive,
    parts: Parts,
}

impl Flow for RedisFlow {
    type Store = Mirrored;
    type Intake = RedisIntake<PgStore, PgLedger>;
    type Queue = RedisVoteQueue;
    type Archive = PgArchive;
    fn store(&self) -> &Mirrored {
        &self.store
    }
    fn intake(&self) -> &Self::Intake {
        &self.intake
    }
    fn queue(&self, consumer: &str) -> RedisVoteQueue {
        // Each consumer on a connection of its own, as in production.
        let redis = common::connect(&self.parts.server, Duration::from_secs(5));
        RedisVoteQueue::new(redis, consumer.to_owned())
    }
    fn archive(&self) -> &PgArchive {
        &self.archive
    }
    async fn stored(&self, poll: PollId, participant: ParticipantId) -> Option<String> {
        let client = self.parts.db.client().await;
        client
            .query_opt(
                "SELECT v.choice FROM votes v \
                 WHERE v.poll_id = $1 AND v.participant_id = $2 AND v.choice IS NOT NULL",
                &[poll.as_uuid(), participant.as_uuid()],
            )
            .await
            .unwrap()
            .map(|row| row.get(0))
    }
    async fn pass(&self, duration: Duration) {
        tokio::time::sleep(duration).await;
    }
}

mod flow {
    use super::*;

    async fn flow() -> RedisFlow {
        let parts = parts().await;
        RedisFlow {
            store: parts.mirrored(),
            intake: parts.intake(),
            archive: PgArchive::new(parts.pool.clone()),
            parts,
        }
    }

    tally_testkit::flow_contract_tests!(flow().await);
}

/// The mirror as a subscriber: what it holds is the mirrored version.
struct Mirroring {
    events: MirrorEvents<PgStore, PgLedger>,
    parts: Parts,
}

impl Subscribed for Mirroring {
    type Store = PgStore;
    type Events = MirrorEvents<PgStore, PgLedger>;
    fn store(&self) -> &PgStore {
        &self.parts.pg_store
    }
    fn events(&self) -> &Self::Events {
        &self.events
    }
    async fn follow(&self, _: &Presentation) {}
    async fn seen(&self, id: PresentationId) -> Option<u64> {
        let versions = self.parts.rebuilder.mirror().versions(&[id]).await.unwrap();
        versions[0]
    }
}

mod mirror_events {
    use super::*;

    async fn mirroring() -> Mirroring {
        let parts = parts().await;
        Mirroring {
            events: MirrorEvents::new(parts.rebuilder.clone(), parts.health.clone()),
            parts,
        }
    }

    tally_testkit::events_contract_tests!(mirroring().await);
}

mod switch {
    use super::*;
    tally_testkit::switch_contract_tests!(RedisHealth::new);
}
