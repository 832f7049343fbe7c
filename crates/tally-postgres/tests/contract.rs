//! The port contract suites, run against the Postgres adapters on a real
//! Postgres server (a fresh database per test).
#![allow(clippy::expect_used)]

use tally_postgres::{PgIntake, PgLedger, PgStore, PoolSettings};
use tally_testkit::contract::Adapters;
use tally_testkit::postgres::TestDatabase;

struct Postgres {
    store: PgStore,
    intake: PgIntake,
    ledger: PgLedger,
    _db: TestDatabase,
}

impl Adapters for Postgres {
    type Store = PgStore;
    type Intake = PgIntake;
    type Ledger = PgLedger;
    fn store(&self) -> &PgStore {
        &self.store
    }
    fn intake(&self) -> &PgIntake {
        &self.intake
    }
    fn ledger(&self) -> &PgLedger {
        &self.ledger
    }
}

async fn postgres() -> Postgres {
    let db = TestDatabase::create().await;
    let pool = tally_postgres::connect(&PoolSettings {
        url: db.url(),
        max_size: 16,
        wait_timeout: std::time::Duration::from_secs(30),
        connect_timeout: std::time::Duration::from_secs(10),
    })
    .expect("pool");
    Postgres {
        store: PgStore::new(pool.clone()),
        intake: PgIntake::new(pool.clone()),
        ledger: PgLedger::new(pool),
        _db: db,
    }
}

tally_testkit::port_contract_tests!(postgres().await);
