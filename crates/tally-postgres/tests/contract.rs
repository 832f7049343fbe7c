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

/// A fresh database and a pool on it.
async fn database() -> (TestDatabase, tally_postgres::Pool) {
    let db = TestDatabase::create().await;
    let pool = tally_postgres::connect(&PoolSettings {
        url: db.url(),
        max_size: 16,
        wait_timeout: std::time::Duration::from_secs(30),
        connect_timeout: std::time::Duration::from_secs(10),
    })
    .expect("pool");
    (db, pool)
}

async fn postgres() -> Postgres {
    let (db, pool) = database().await;
    Postgres {
        store: PgStore::new(pool.clone()),
        intake: PgIntake::new(pool.clone()),
        ledger: PgLedger::new(pool),
        _db: db,
    }
}

tally_testkit::port_contract_tests!(postgres().await);

mod links {
    use super::postgres;

    tally_testkit::links_contract_tests!(postgres().await);
}

struct Boarded {
    store: PgStore,
    board: tally_postgres::PgBoard,
    _db: TestDatabase,
}

impl tally_testkit::contract::board::BoardAdapters for Boarded {
    type Store = PgStore;
    type Board = tally_postgres::PgBoard;
    fn store(&self) -> &PgStore {
        &self.store
    }
    fn board(&self) -> &Self::Board {
        &self.board
    }
}

mod board {
    use super::*;

    async fn boarded() -> Boarded {
        let (db, pool) = database().await;
        Boarded {
            store: PgStore::new(pool.clone()),
            board: tally_postgres::PgBoard::new(pool),
            _db: db,
        }
    }

    tally_testkit::board_contract_tests!(boarded().await);
}
