//! The shared audience board and the command timing, against a real Redis.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tally_domain::PresentationId;
use tally_redis::{CommandObserver, Redis, RedisAudience};
use tally_testkit::redis::{Durability, RedisServer};

mod common;

fn connect(server: &RedisServer) -> Redis {
    common::connect(server, Duration::from_millis(500))
}

#[tokio::test]
async fn the_board_sums_the_processes_and_forgets_the_withdrawn_and_the_silent() {
    let server = RedisServer::start(Durability::Volatile).unwrap();
    let ttl = Duration::from_millis(400);
    let a = RedisAudience::new(connect(&server), "a", ttl);
    let b = RedisAudience::new(connect(&server), "b", ttl);
    let (p, q) = (PresentationId::generate(), PresentationId::generate());

    assert_eq!(a.report(&[(p, 3), (q, 1)]).await.unwrap(), vec![3, 1]);
    assert_eq!(b.report(&[(p, 2)]).await.unwrap(), vec![5]);
    // Reporting again replaces a process's entry; it does not add to it.
    assert_eq!(b.report(&[(p, 4), (q, 0)]).await.unwrap(), vec![7, 1]);
    // A process that withdraws stops counting at once.
    assert_eq!(a.report(&[(p, 0)]).await.unwrap(), vec![4]);
    // A process that goes silent stops counting after its time to live.
    tokio::time::sleep(ttl + Duration::from_millis(200)).await;
    assert_eq!(a.report(&[(p, 1), (q, 0)]).await.unwrap(), vec![1, 0]);
    assert_eq!(a.report(&[]).await.unwrap(), Vec::<usize>::new());
}

#[tokio::test]
async fn the_board_keeps_no_key_once_everyone_has_left() {
    let server = RedisServer::start(Durability::Volatile).unwrap();
    let a = RedisAudience::new(connect(&server), "a", Duration::from_secs(5));
    let p = PresentationId::generate();
    a.report(&[(p, 2)]).await.unwrap();
    let client = redis::Client::open(server.url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let key = format!("tally:{{{p}}}:audience");
    let ttl: i64 = redis::cmd("PTTL")
        .arg(&key)
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(
        ttl > 0 && ttl <= 5_000,
        "the key expires with its entries: {ttl}"
    );
    a.report(&[(p, 0)]).await.unwrap();
    let exists: i64 = redis::cmd("EXISTS")
        .arg(&key)
        .query_async(&mut conn)
        .await
        .unwrap();
    assert_eq!(exists, 0);
}

/// Records what it is told.
#[derive(Default)]
struct Recorder(Mutex<Vec<(&'static str, bool)>>);

impl CommandObserver for Recorder {
    fn observe(&self, command: &'static str, seconds: f64, answered: bool) {
        assert!(seconds >= 0.0);
        self.0.lock().unwrap().push((command, answered));
    }
}

#[tokio::test]
async fn every_command_is_timed_with_a_bounded_label() {
    let server = RedisServer::start(Durability::Volatile).unwrap();
    let recorder = Arc::new(Recorder::default());
    let redis = connect(&server).observed_by(recorder.clone());
    redis.ping().await.unwrap();
    redis
        .publish_change(PresentationId::generate())
        .await
        .unwrap();
    let board = RedisAudience::new(redis.clone(), "a", Duration::from_secs(1));
    board
        .report(&[(PresentationId::generate(), 1)])
        .await
        .unwrap();
    let seen = recorder.0.lock().unwrap().clone();
    assert!(seen.contains(&("ping", true)), "{seen:?}");
    assert!(seen.contains(&("publish", true)), "{seen:?}");
    // The script's first run may need a SCRIPT LOAD; either way it is
    // reported by name, not as an anonymous EVALSHA.
    assert!(seen.contains(&("script:audience", true)), "{seen:?}");
    // The fresh server answered the first EVALSHA with NOSCRIPT: an error
    // reply is an answer, not a failure to reach Redis.
    assert!(!seen.iter().any(|(_, answered)| !answered), "{seen:?}");
    assert!(!seen.iter().any(|(label, _)| *label == "other"), "{seen:?}");

    // A command that gets no answer is reported as such.
    server.kill().unwrap();
    recorder.0.lock().unwrap().clear();
    assert!(redis.ping().await.is_err());
    let seen = recorder.0.lock().unwrap().clone();
    assert!(seen.contains(&("ping", false)), "{seen:?}");
}
