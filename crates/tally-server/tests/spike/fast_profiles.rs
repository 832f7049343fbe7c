//! What the fast Redis profiles can lose, measured. A crash of a Redis that
//! does not fsync every write loses what it had not persisted; of that,
//! only votes not yet flushed to Postgres are lost for good. The flush
//! runs tens of milliseconds behind, so the loss is the tail acknowledged
//! just before the crash. These tests measure it and assert that bound.

use crate::cluster::{Cluster, SERIAL};
use crate::faults::{until_flushed, AFTER_RECOVERY, UNDER_WAY, WAIT};
use crate::load::Load;
use std::collections::HashSet;
use std::time::{Duration, Instant};
use tally_testkit::redis::Durability;
use uuid::Uuid;

/// Anything lost must have been acknowledged at most this long before the
/// crash (the flush lag plus the fsync interval) ...
const LOSS_WINDOW: Duration = Duration::from_millis(1_500);
/// ... or answered just after it: replies Redis had sent before it died
/// can reach the client a moment later. Redis is back only after
/// `REDIS_DOWN`, and nothing it accepts then may be lost.
const REPLIES_IN_FLIGHT: Duration = Duration::from_millis(200);
/// How long Redis stays dead: well beyond the replies in flight.
const REDIS_DOWN: Duration = Duration::from_millis(1000);

async fn crash_and_measure(durability: Durability) -> (usize, usize) {
    let cluster = Cluster::start(2, durability).await;
    let (p, polls) = cluster.create(1).await;
    let load = Load::start(&cluster.base(), &p, &polls[0], 24, Duration::from_millis(5));
    load.acknowledges(UNDER_WAY, WAIT).await;
    let recoveries = cluster.log_count("back on Redis");
    let crashed_at = Instant::now();
    cluster.redis.kill().unwrap();
    tokio::time::sleep(REDIS_DOWN).await;
    cluster.redis.resume().unwrap();
    // Votes the restarted Redis takes, none of which may be lost.
    cluster
        .until_logged("back on Redis", recoveries, WAIT)
        .await;
    load.acknowledges(AFTER_RECOVERY, WAIT).await;
    let outcomes = load.finish().await;
    outcomes.assert_burst(crate::faults::BURST);
    // Votes were acknowledged just before the crash: the tail whose loss
    // the bound is about existed, so the bound was put to the test.
    let tail = outcomes
        .acknowledged_at
        .values()
        .filter(|at| **at <= crashed_at && crashed_at.duration_since(**at) <= LOSS_WINDOW)
        .count();
    assert!(
        tail > 0,
        "no vote acknowledged in the last {LOSS_WINDOW:?} before the crash"
    );
    // What Redis holds is all in Postgres before anything is called lost.
    until_flushed(&cluster, &p).await;
    let rows = cluster
        .db
        .client()
        .await
        .query("SELECT participant_id FROM votes", &[])
        .await
        .unwrap();
    let stored: HashSet<Uuid> = rows.iter().map(|r| r.get(0)).collect();
    let lost: Vec<&Uuid> = outcomes
        .acknowledged
        .keys()
        .filter(|v| !stored.contains(v))
        .collect();
    for voter in &lost {
        let acked = outcomes.acknowledged_at[voter];
        assert!(
            acked <= crashed_at + REPLIES_IN_FLIGHT
                && crashed_at.saturating_duration_since(acked) <= LOSS_WINDOW,
            "a vote acknowledged {:?} before / {:?} after the crash was lost",
            crashed_at.saturating_duration_since(acked),
            acked.saturating_duration_since(crashed_at)
        );
    }
    (lost.len(), outcomes.acknowledged.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volatile_redis_crash_loses_at_most_the_unflushed_tail() {
    let _serial = SERIAL.lock().await;
    let (lost, acknowledged) = crash_and_measure(Durability::Volatile).await;
    eprintln!(
        "volatile Redis, kill -9 mid-burst: {lost} of {acknowledged} acknowledged votes lost"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_everysec_redis_crash_loses_at_most_the_unflushed_tail() {
    let _serial = SERIAL.lock().await;
    let (lost, acknowledged) = crash_and_measure(Durability::EverySecond).await;
    eprintln!(
        "AOF everysec Redis, kill -9 mid-burst: {lost} of {acknowledged} acknowledged votes lost"
    );
}
