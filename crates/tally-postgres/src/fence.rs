//! The per-presentation fence between votes and state changes.
//!
//! Votes hold it shared and slide or voting changes hold it exclusively,
//! each until its transaction ends. It is an advisory lock, not a row lock,
//! on purpose: Postgres queues a new shared request behind a waiting
//! exclusive one for heavyweight locks, but not for `FOR SHARE` row locks,
//! where a steady flood of votes would starve the presenter's "next slide"
//! until the flood ended (the race test caught exactly that).
//!
//! The lock must be taken by a statement of its own, before the statement
//! that reads the current poll: a statement's snapshot is taken when it
//! starts, so a read in the same statement as the lock could miss a slide
//! change that committed while it waited.
//!
//! The key has two parts: 31249 (0x7a11, "Tally, presentation") so that
//! other applications' advisory locks in the same database cannot collide,
//! and a hash of the presentation id. Two presentations sharing a hash only
//! share a fence, which costs a little concurrency, never correctness.

/// Takes the fence shared (votes). `$1` is the presentation id.
pub(crate) const SHARED: &str =
    "SELECT pg_advisory_xact_lock_shared(31249, hashtext($1::uuid::text))";

/// Takes the fence exclusively (slide and voting changes, deletion).
pub(crate) const EXCLUSIVE: &str = "SELECT pg_advisory_xact_lock(31249, hashtext($1::uuid::text))";
