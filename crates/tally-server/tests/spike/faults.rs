//! (a) kill -9 a server mid-burst; (b) Postgres down for 10 s; (c) Redis
//! unreachable; (d) Redis crash and restart with the durable profile.

use crate::cluster::{Cluster, SERIAL};
use crate::load::{Load, Outcomes};
use std::collections::HashMap;
use std::time::Duration;
use tally_testkit::redis::Durability;
use uuid::Uuid;

const WORKERS: usize = 24;
const PAUSE: Duration = Duration::from_millis(5);
/// Acknowledged votes below which a fault test proves nothing.
pub const BURST: usize = 200;
/// The probe's worst case (3.75 s) plus room for a loaded 2-core machine;
/// below the vote timeout (5 s), so no vote stuck on the frozen Redis gets
/// 504.
const DETECTION_LIMIT: Duration = Duration::from_millis(4500);
/// Votes acknowledged before a fault, so that it strikes a burst under way.
pub const UNDER_WAY: usize = 100;
/// Votes acknowledged after a recovery, so that the recovered path takes
/// some before the burst ends.
pub const AFTER_RECOVERY: usize = 50;
/// The longest any of those waits may take on a loaded 2-core machine.
pub const WAIT: Duration = Duration::from_secs(30);
/// How long Redis stays killed before its restart: every process notices
/// (its probe, 3 × 250 ms, or a failed vote) well within it.
const REDIS_DOWN: Duration = Duration::from_secs(2);

/// A pool and a mirror reader for `tally verify`'s comparison.
fn verifier(cluster: &Cluster) -> (tally_postgres::Pool, tally_redis::RedisMirror) {
    let pool = tally_postgres::connect(&tally_postgres::PoolSettings {
        url: cluster.db.url(),
        max_size: 2,
        wait_timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(5),
    })
    .unwrap();
    let mirror = tally_redis::RedisMirror::new(
        tally_redis::Redis::connect(&tally_redis::RedisSettings {
            url: cluster.redis.url(),
            response_timeout: Duration::from_secs(5),
            connection_timeout: Duration::from_secs(5),
        })
        .unwrap(),
    );
    (pool, mirror)
}

/// Waits until Redis counters, Postgres counts and vote rows agree: the
/// flush has moved everything Redis holds. Panics after [`WAIT`].
pub async fn until_flushed(cluster: &Cluster, presentation: &str) {
    let (pool, mirror) = verifier(cluster);
    let id = presentation.parse().unwrap();
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let report = tally_server::verify::verify(&pool, Some(&mirror), id)
            .await
            .unwrap();
        if report.agrees() {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the flush did not catch up in {WAIT:?}:\n{report}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every acknowledged vote is in Postgres, once, with its key; Redis
/// counters, Postgres counts and rows agree. Waits (bounded) for the flush.
pub async fn assert_every_ack_durable(cluster: &Cluster, presentation: &str, outcomes: &Outcomes) {
    let (pool, mirror) = verifier(cluster);
    let client = cluster.db.client().await;
    let id = presentation.parse().unwrap();
    let mut missing = usize::MAX;
    let mut report = None;
    for _ in 0..600 {
        let rows = client
            .query(
                "SELECT v.participant_id, v.choice FROM votes v \
                 JOIN polls q ON q.id = v.poll_id \
                 WHERE q.presentation_id = $1 AND v.choice IS NOT NULL",
                &[&Uuid::parse_str(presentation).unwrap()],
            )
            .await
            .unwrap();
        let stored: HashMap<Uuid, String> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        missing = outcomes
            .acknowledged
            .iter()
            .filter(|(voter, key)| stored.get(voter) != Some(key))
            .count();
        let r = tally_server::verify::verify(&pool, Some(&mirror), id)
            .await
            .unwrap();
        let agrees = r.agrees();
        report = Some(r);
        if missing == 0 && agrees {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let report = report.unwrap();
    let logs = || {
        (0..cluster.processes.len())
            .flat_map(|i| {
                cluster
                    .log(i)
                    .lines()
                    .filter(|l| {
                        !l.contains("\"INFO\"")
                            || l.contains("merged")
                            || l.contains("re-mirrored")
                            || l.contains("fallback")
                    })
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .take(400)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        missing,
        0,
        "acknowledged votes missing from Postgres\n{}",
        logs()
    );
    if !report.agrees() {
        // Which votes does Postgres hold that the Redis counters lack?
        let rows = client
            .query(
                "SELECT v.participant_id::text, v.poll_id::text, v.choice, v.accepted_at::text FROM votes v \
                 JOIN polls q ON q.id = v.poll_id \
                 WHERE q.presentation_id = $1 AND v.choice IS NOT NULL ORDER BY v.accepted_at",
                &[&Uuid::parse_str(presentation).unwrap()],
            )
            .await
            .unwrap();
        let mut conn = redis::Client::open(cluster.redis.url())
            .unwrap()
            .get_multiplexed_async_connection()
            .await
            .unwrap();
        let mut lacking = Vec::new();
        for r in &rows {
            let (participant, poll, key, at): (String, String, String, String) =
                (r.get(0), r.get(1), r.get(2), r.get(3));
            let voters = format!("tally:{{{presentation}}}:voters:{poll}");
            let seen: Option<String> = redis::cmd("HGET")
                .arg(&voters)
                .arg(&participant)
                .query_async(&mut conn)
                .await
                .unwrap();
            if seen.as_deref() != Some(key.as_str()) {
                lacking.push(format!(
                    "{participant} {key} accepted {at}, redis has {seen:?}"
                ));
            }
        }
        panic!(
            "{report}\nin Postgres, not in Redis voters:\n{}\n{}",
            lacking.join("\n"),
            logs()
        );
    }
    // Rows can exceed acknowledgements (a vote stored whose answer was lost
    // with a killed process), never fall short of them.
    assert!(
        report.total_rows() >= outcomes.acknowledged.len() as u64,
        "{report}"
    );
    eprintln!(
        "{} acknowledged, {} rows, refused {:?}",
        outcomes.acknowledged.len(),
        report.total_rows(),
        outcomes.refused
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_loses_no_acknowledged_vote() {
    let _serial = SERIAL.lock().await;
    let mut cluster = Cluster::start(2, Durability::Durable).await;
    let (p, polls) = cluster.create(1).await;
    let load = Load::start(&cluster.base(), &p, &polls[0], WORKERS, PAUSE);
    load.acknowledges(UNDER_WAY, WAIT).await;
    cluster.kill_process(0);
    // The survivor takes the votes meanwhile.
    load.acknowledges(AFTER_RECOVERY, WAIT).await;
    cluster.start_process(0);
    load.acknowledges(AFTER_RECOVERY, WAIT).await;
    let outcomes = load.finish().await;
    outcomes.assert_burst(BURST);
    assert_every_ack_durable(&cluster, &p, &outcomes).await;
    // The operator's check says the same, by its exit code.
    let verify = std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(["verify", "--presentation", &p])
        .env_clear()
        .env("DATABASE_URL", cluster.db.url())
        .env("REDIS_URL", cluster.redis.url())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&verify.stdout);
    assert!(verify.status.success(), "{report}");
    assert!(report.contains("agree"), "{report}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_are_accepted_through_a_10_second_postgres_outage() {
    let _serial = SERIAL.lock().await;
    let cluster = Cluster::start(2, Durability::Durable).await;
    let (p, polls) = cluster.create(1).await;
    let load = Load::start(&cluster.base(), &p, &polls[0], WORKERS, PAUSE);
    load.acknowledges(UNDER_WAY, WAIT).await;
    cluster.pg.halt().unwrap();
    let before = load.sent.load(std::sync::atomic::Ordering::Relaxed);
    // The outage the test is named for.
    tokio::time::sleep(Duration::from_secs(10)).await;
    let during = load.sent.load(std::sync::atomic::Ordering::Relaxed) - before;
    cluster.pg.resume().unwrap();
    load.acknowledges(AFTER_RECOVERY, WAIT).await;
    let outcomes = load.finish().await;
    // Votes kept being answered while Postgres was down.
    assert!(
        during > 500,
        "only {during} votes went through during the outage"
    );
    assert_eq!(outcomes.refused.get(&0), None, "votes went unanswered");
    outcomes.assert_burst(BURST);
    assert_every_ack_durable(&cluster, &p, &outcomes).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_redis_engages_the_fallback_and_loses_nothing() {
    let _serial = SERIAL.lock().await;
    let cluster = Cluster::start(2, Durability::Durable).await;
    let (p, polls) = cluster.create(1).await;
    let load = Load::start(&cluster.base(), &p, &polls[0], WORKERS, PAUSE);
    load.acknowledges(UNDER_WAY, WAIT).await;
    let recoveries = cluster.log_count("back on Redis");
    cluster.redis.pause();
    // Frozen, not closed: only the health probe can tell (3 unanswered
    // PINGs of 1 s, 250 ms apart: at most 3.75 s, see the README).
    let frozen = std::time::Instant::now();
    while !cluster.any_log_contains("falls back to Postgres") && frozen.elapsed() < DETECTION_LIMIT
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let detected = frozen.elapsed();
    eprintln!("frozen Redis detected after {} ms", detected.as_millis());
    assert!(detected < DETECTION_LIMIT, "no fallback after {detected:?}");
    // Frozen for 5 s in all: votes keep going to Postgres meanwhile.
    tokio::time::sleep(Duration::from_secs(5).saturating_sub(detected)).await;
    cluster.redis.unpause();
    cluster
        .until_logged("back on Redis", recoveries, WAIT)
        .await;
    load.acknowledges(AFTER_RECOVERY, WAIT).await;
    let outcomes = load.finish().await;
    outcomes.assert_burst(BURST);
    // Not one server error on the way, retried or not: the fallback takes
    // over, votes waiting for the frozen Redis included.
    assert_eq!(
        outcomes.server_errors(),
        0,
        "answers {:?}",
        outcomes.answers
    );
    assert!(
        cluster.any_log_contains("falls back to Postgres"),
        "no fallback log line"
    );
    assert!(
        cluster.any_log_contains("back on Redis"),
        "no recovery log line"
    );
    assert!(
        cluster
            .metric_max("tally_intake_switches_total{to=\"postgres\"}")
            .await
            >= 1.0
    );
    assert_every_ack_durable(&cluster, &p, &outcomes).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_durable_redis_restarted_mid_burst_loses_nothing() {
    let _serial = SERIAL.lock().await;
    let cluster = Cluster::start(2, Durability::Durable).await;
    let (p, polls) = cluster.create(1).await;
    let load = Load::start(&cluster.base(), &p, &polls[0], WORKERS, PAUSE);
    load.acknowledges(UNDER_WAY, WAIT).await;
    let recoveries = cluster.log_count("back on Redis");
    cluster.redis.kill().unwrap();
    tokio::time::sleep(REDIS_DOWN).await;
    cluster.redis.resume().unwrap();
    cluster
        .until_logged("back on Redis", recoveries, WAIT)
        .await;
    load.acknowledges(AFTER_RECOVERY, WAIT).await;
    let outcomes = load.finish().await;
    outcomes.assert_burst(BURST);
    assert_every_ack_durable(&cluster, &p, &outcomes).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_the_stream_before_exit() {
    let _serial = SERIAL.lock().await;
    let mut cluster = Cluster::start(1, Durability::Durable).await;
    let (p, polls) = cluster.create(1).await;
    let load = Load::start(&cluster.base(), &p, &polls[0], WORKERS, PAUSE);
    load.acknowledges(BURST, WAIT).await;
    let outcomes = load.finish().await;
    outcomes.assert_burst(BURST);
    assert!(cluster.stop_process(0).success());
    assert!(cluster.log(0).contains("vote queue drained"));
    // With the only process gone, Postgres alone must hold every vote.
    let rows = tally_testkit::postgres::vote_rows(&cluster.db.client().await).await;
    assert_eq!(rows as usize, outcomes.acknowledged.len());
}
