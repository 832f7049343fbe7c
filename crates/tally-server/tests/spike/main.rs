//! The spike path with real `tally` processes sharing one port, under
//! real faults. Every test ends by checking that every acknowledged vote is
//! in Postgres exactly once, and that Redis counters, Postgres counts and
//! vote rows agree.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../common/mod.rs"]
mod common;

mod cluster;
mod fast_profiles;
mod faults;
mod load;
mod overload;
mod processes;
mod reads;
