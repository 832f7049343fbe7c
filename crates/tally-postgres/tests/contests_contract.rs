//! The contest store contract, run against `PgContests` on a real Postgres
//! server (a fresh database per test). The same cases run against
//! `FakeContests` in tally-testkit's `tests/fakes.rs`.
#![allow(clippy::expect_used)]

use tally_domain::kinds::{PollType, SettingsDraft};
use tally_domain::PresentationDraft;
use tally_postgres::{PgContests, PgStore, PoolSettings};
use tally_testkit::contract::contests::{ContestAdapters, Stage};
use tally_testkit::contract::store::create_in;
use tally_testkit::fixtures::typed;
use tally_testkit::postgres::TestDatabase;

struct Postgres {
    contests: PgContests,
    store: PgStore,
    _db: TestDatabase,
}

impl ContestAdapters for Postgres {
    type Contests = PgContests;
    fn contests(&self) -> &Self::Contests {
        &self.contests
    }
    async fn presentation(&self) -> Stage {
        let draft = PresentationDraft::new(vec![
            typed(
                "Who sang best?",
                PollType::Single,
                &["A", "B"],
                SettingsDraft::default(),
            ),
            typed(
                "Which songs?",
                PollType::Multiple,
                &["A", "B"],
                SettingsDraft::default(),
            ),
        ])
        .expect("a deck");
        let p = create_in(&self.store, draft).await;
        Stage {
            presentation: p.id,
            single: p.polls[0].id,
            multiple: p.polls[1].id,
        }
    }
}

async fn postgres() -> Postgres {
    let db = TestDatabase::create().await;
    let pool = tally_postgres::connect(&PoolSettings {
        url: db.url(),
        max_size: 4,
        wait_timeout: std::time::Duration::from_secs(30),
        connect_timeout: std::time::Duration::from_secs(10),
    })
    .expect("pool");
    Postgres {
        contests: PgContests::new(pool.clone()),
        store: PgStore::new(pool),
        _db: db,
    }
}

tally_testkit::contests_contract_tests!(postgres().await);
