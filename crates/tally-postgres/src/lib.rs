//! Postgres adapter: the source of truth.
//!
//! - [`PgStore`] implements the presentation store port, and the
//!   presentation links port beside it (`links`);
//! - [`PgIntake`] implements the vote intake port directly against Postgres
//!   (the baseline, and the fallback when Redis is down);
//! - [`PgLedger`] implements the vote ledger port;
//! - [`PgArchive`] stores batches flushed from the Redis intake;
//! - [`PgContests`] implements the contest store port (judged contests);
//! - [`migrate`] applies the embedded migrations from `migrations/`;
//! - [`recount`] counts each poll from its vote rows, against the stored
//!   counters (`tally verify`, and the tests).
//!
//! SQL is parameterised only. Consistency between concurrent votes and slide
//! changes, also across processes, comes from locks in the database (see
//! `fence`), not from anything held in this process.

mod archive;
mod board;
mod contests;
mod create;
mod deadline;
mod deck;
mod fence;
mod images;
mod intake;
mod ledger;
mod links;
mod load;
mod migrate;
mod pool;
mod publication;
pub mod recount;
mod settings;
mod store;
mod tallies;

pub use archive::PgArchive;
pub use board::PgBoard;
pub use contests::{PgContests, UnauditedMark};
pub use intake::PgIntake;
pub use ledger::PgLedger;
pub use migrate::{migrate, migrate_to, MigrationReport};
pub use pool::{connect, PoolSettings};
pub use store::PgStore;

pub use deadpool_postgres::Pool;
