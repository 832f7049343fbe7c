//! Test support for Tally. Nothing here is used in production.
//!
//! - [`postgres`]: a real Postgres server, started once per test process
//!   from the installed binaries in a temporary directory on loopback, and a
//!   fresh database per test cloned from a migrated template.
//! - [`redis`]: a real Redis server per test, with the durability profile
//!   under test, that tests can crash, stop, restart and freeze.
//! - [`contract`]: the contract suite of each port, generic over the
//!   implementation, so the same cases run against every adapter.
//! - [`fakes`]: an in-memory fake of every port, over one shared state,
//!   held to the same contract suites as the real adapters.
//! - [`fixtures`]: small builders for drafts and ballots.

#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

pub mod contract;
pub mod fakes;
pub mod fixtures;
pub mod postgres;
mod process;

pub use process::free_port;
pub mod redis;
