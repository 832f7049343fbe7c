//! The audience's reads across two real processes sharing one port: each
//! process serves them from memory, and a change made through one reaches
//! the other's answers within a bounded time, with Redis pub/sub up and
//! with it refusing subscriptions.

use crate::cluster::{Cluster, SERIAL};
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tally_testkit::redis::Durability;

/// Fresh connections, so that reads land on both processes.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
}

/// The question on screen, as one read (on either process) answers it;
/// `None` once the presentation is gone.
async fn on_screen(client: &reqwest::Client, base: &str, p: &str) -> Option<String> {
    let response = client
        .get(format!("{base}/presentations/{p}/polls/current"))
        .send()
        .await
        .unwrap();
    if response.status() == StatusCode::NOT_FOUND {
        return None;
    }
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    Some(body["question"].as_str().unwrap().to_owned())
}

/// Reads for `window` after a change that committed at `changed`, and
/// returns how long after it the last read showed something other than
/// `expected` (zero if none did).
async fn staleness(base: &str, p: &str, expected: Option<&str>, changed: Instant) -> Duration {
    let client = client();
    let mut last_stale = Duration::ZERO;
    let mut reads = 0;
    while changed.elapsed() < Duration::from_secs(2) || reads < 40 {
        let seen = on_screen(&client, base, p).await;
        reads += 1;
        if seen.as_deref() != expected {
            last_stale = changed.elapsed();
        }
    }
    last_stale
}

/// Both processes have the presentation in memory.
async fn warm(base: &str, p: &str) {
    let client = client();
    for _ in 0..40 {
        on_screen(&client, base, p).await.unwrap();
    }
}

async fn next(base: &str, p: &str) -> Instant {
    let r = client()
        .put(format!("{base}/presentations/{p}/polls/current"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    Instant::now()
}

async fn redis_command(cluster: &Cluster, args: &[&str]) {
    let mut conn = redis::Client::open(cluster.redis.url())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    let mut cmd = redis::cmd(args[0]);
    for arg in &args[1..] {
        cmd.arg(*arg);
    }
    let _: redis::Value = cmd.query_async(&mut conn).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_reach_the_other_process_reads_quickly_and_within_the_bound_without_pubsub() {
    let _serial = SERIAL.lock().await;
    let cluster = Cluster::start(2, Durability::Volatile).await;
    let base = cluster.base();
    let (p, _) = cluster.create(4).await;
    warm(&base, &p).await;

    // Announcements up: the other process reloads on hearing.
    let changed = next(&base, &p).await;
    let announced = staleness(&base, &p, Some("Question 1?"), changed).await;
    eprintln!("stale after a change, pub/sub up: {announced:?}");
    assert!(
        announced <= Duration::from_millis(500),
        "stale for {announced:?}"
    );

    // Subscriptions refused: no process hears the next change, and each
    // checks its copy against Postgres after `read_cache_verify_ms`.
    redis_command(&cluster, &["ACL", "SETUSER", "default", "-subscribe"]).await;
    redis_command(&cluster, &["CLIENT", "KILL", "TYPE", "pubsub"]).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    warm(&base, &p).await;
    let changed = next(&base, &p).await;
    let unannounced = staleness(&base, &p, Some("Question 2?"), changed).await;
    eprintln!("stale after a change, pub/sub refused: {unannounced:?}");
    assert!(
        unannounced <= Duration::from_millis(800),
        "stale for {unannounced:?}"
    );
    assert!(cluster.any_log_contains("live change events unavailable"));

    // Deleted while still refused: 404 everywhere within the same bound.
    let deleted = client()
        .delete(format!("{base}/presentations/{p}"))
        .send()
        .await
        .unwrap();
    assert!(deleted.status().is_success());
    let changed = Instant::now();
    let gone = staleness(&base, &p, None, changed).await;
    eprintln!("served after deletion, pub/sub refused: {gone:?}");
    assert!(gone <= Duration::from_millis(800), "served for {gone:?}");
    redis_command(&cluster, &["ACL", "SETUSER", "default", "+subscribe"]).await;
}
