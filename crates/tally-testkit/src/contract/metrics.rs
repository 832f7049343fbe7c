//! The metrics ports' contract: each thing recorded is counted once, under
//! its own label, however many threads record at once, and recording never
//! blocks. A harness reads an implementation back into a [`Reading`].

use std::collections::HashMap;
use tally_domain::ports::{
    FlushMetrics, FlushStage, FlushedBatch, IntakeMetrics, IntakePath, RejectReason, VoteMetrics,
};
use tally_domain::VoteReceipt;

/// What an implementation shows it recorded, in the contract's terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    pub counted: u64,
    pub repeats: u64,
    /// Changes and retractions.
    pub changes: u64,
    /// Only the reasons recorded at least once.
    pub rejected: HashMap<RejectReason, u64>,
    /// Only the paths that took at least one vote.
    pub votes_by_path: HashMap<IntakePath, u64>,
    /// The path last said to be in use.
    pub path: Option<IntakePath>,
    /// Switches between paths (not the choice at start).
    pub switches: u64,
    pub flushed_votes: u64,
    pub flushed_inserted: u64,
    pub flush_failures: u64,
    pub backlog: Option<u64>,
}

/// The implementation under test and how to read it.
pub trait Metered: Send + Sync + 'static {
    type Metrics: VoteMetrics + IntakeMetrics + FlushMetrics;
    fn metrics(&self) -> &Self::Metrics;
    fn read(&self) -> Reading;
}

pub fn every_vote_outcome_is_counted_under_its_own_label<M: Metered>(metered: &M) {
    let metrics = metered.metrics();
    metrics.vote_accepted(VoteReceipt::Counted);
    metrics.vote_accepted(VoteReceipt::Counted);
    metrics.vote_accepted(VoteReceipt::AlreadyCounted);
    metrics.vote_accepted(VoteReceipt::Changed);
    metrics.vote_accepted(VoteReceipt::Retracted);
    metrics.vote_accepted(VoteReceipt::Changed);
    for (n, reason) in RejectReason::ALL.into_iter().enumerate() {
        for _ in 0..=n {
            metrics.vote_rejected(reason);
        }
    }
    let reading = metered.read();
    assert_eq!(
        (reading.counted, reading.repeats, reading.changes),
        (2, 1, 3)
    );
    let expected: HashMap<_, _> = RejectReason::ALL
        .into_iter()
        .enumerate()
        .map(|(n, reason)| (reason, n as u64 + 1))
        .collect();
    assert_eq!(reading.rejected, expected);
}

pub fn intake_paths_and_switches_are_counted<M: Metered>(metered: &M) {
    let metrics = metered.metrics();
    metrics.path_in_use(IntakePath::Fast, false);
    assert_eq!(metered.read().path, Some(IntakePath::Fast));
    assert_eq!(
        metered.read().switches,
        0,
        "the choice at start is no switch"
    );
    for _ in 0..3 {
        metrics.vote_took(IntakePath::Fast, 0.001);
    }
    metrics.path_in_use(IntakePath::Direct, true);
    metrics.vote_took(IntakePath::Direct, 0.01);
    let reading = metered.read();
    assert_eq!(reading.path, Some(IntakePath::Direct));
    assert_eq!(reading.switches, 1);
    let expected = HashMap::from([(IntakePath::Fast, 3), (IntakePath::Direct, 1)]);
    assert_eq!(reading.votes_by_path, expected);
    metrics.path_in_use(IntakePath::Fast, true);
    assert_eq!(
        (metered.read().path, metered.read().switches),
        (Some(IntakePath::Fast), 2)
    );
}

pub fn flushes_are_counted<M: Metered>(metered: &M) {
    let metrics = metered.metrics();
    let batch = FlushedBatch {
        votes: 3,
        inserted: 2,
        accepted_at_ms: vec![1_000, 1_500, 2_000],
    };
    metrics.flushed(&batch, 0.004, 2_500);
    metrics.flushed(&batch, 0.004, 2_500);
    metrics.flush_failed(FlushStage::Archive);
    metrics.flush_failed(FlushStage::Queue);
    metrics.backlog(7);
    metrics.backlog(5);
    let reading = metered.read();
    assert_eq!(
        (
            reading.flushed_votes,
            reading.flushed_inserted,
            reading.flush_failures,
            reading.backlog
        ),
        (6, 4, 2, Some(5))
    );
}

pub fn recording_from_many_threads_loses_nothing<M: Metered>(metered: &M) {
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                for _ in 0..1000 {
                    metered.metrics().vote_accepted(VoteReceipt::Counted);
                    metered.metrics().vote_took(IntakePath::Fast, 0.0);
                }
            });
        }
    });
    let reading = metered.read();
    assert_eq!(reading.counted, 8000);
    assert_eq!(reading.votes_by_path.get(&IntakePath::Fast), Some(&8000));
}

/// One `#[test]` per metrics case; `$make` yields a fresh [`Metered`].
#[macro_export]
macro_rules! metrics_contract_tests {
    ($make:expr) => {
        $crate::metrics_contract_tests!(@cases $make;
            every_vote_outcome_is_counted_under_its_own_label,
            intake_paths_and_switches_are_counted,
            flushes_are_counted,
            recording_from_many_threads_loses_nothing,
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                let metered = $make;
                $crate::contract::metrics::$case(&metered);
            }
        )*
    };
}
