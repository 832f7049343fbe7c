//! Races on the Redis path between two real server processes.

use crate::cluster::{Cluster, SERIAL};
use crate::faults::assert_every_ack_durable;
use crate::load::Outcomes;
use reqwest::StatusCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tally_testkit::redis::Durability;
use uuid::Uuid;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duplicates_and_slide_races_across_two_processes() {
    let _serial = SERIAL.lock().await;
    let cluster = Cluster::start(2, Durability::Durable).await;
    let base = cluster.base();
    let (p, polls) = cluster.create(5).await;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let url = format!("{base}/presentations/{p}/polls/current/votes");

    // 200 identical votes, fresh connections, spread over both processes.
    let voter = Uuid::new_v4();
    let mut dupes = Vec::new();
    for _ in 0..200 {
        let (client, url, poll) = (client.clone(), url.clone(), polls[0].clone());
        dupes.push(tokio::spawn(async move {
            client
                .post(url)
                .json(&serde_json::json!({"key": "A", "client_id": voter, "poll_id": poll}))
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    for d in dupes {
        assert_eq!(d.await.unwrap(), StatusCode::NO_CONTENT);
    }

    // Votes racing slide changes.
    let seen = Arc::new(AtomicUsize::new(0));
    let presenter = {
        let (client, base, p, seen) = (client.clone(), base.clone(), p.clone(), seen.clone());
        tokio::spawn(async move {
            for i in 0..4 {
                tokio::time::sleep(Duration::from_millis(60)).await;
                let r = client
                    .put(format!("{base}/presentations/{p}/polls/current"))
                    .header("Content-Type", "application/json")
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), StatusCode::OK);
                seen.store(i + 1, Ordering::SeqCst);
            }
        })
    };
    let mut tasks = Vec::new();
    for i in 0..1_500usize {
        let index = seen
            .load(Ordering::SeqCst)
            .saturating_sub(usize::from(i.is_multiple_of(5)));
        let (client, url, poll) = (client.clone(), url.clone(), polls[index].clone());
        let key = ["A", "B", "C"][i % 3];
        tasks.push(tokio::spawn(async move {
            let voter = Uuid::new_v4();
            let status = client
                .post(url)
                .json(&serde_json::json!({"key": key, "client_id": voter, "poll_id": poll}))
                .send()
                .await
                .unwrap()
                .status();
            (voter, key, status)
        }));
        if i.is_multiple_of(50) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    presenter.await.unwrap();
    // Votes for a poll that has certainly left the screen: on a loaded
    // machine the racing votes above may all beat the slide changes, and the
    // late path must be exercised every time.
    for _ in 0..100 {
        let (client, url, poll) = (client.clone(), url.clone(), polls[0].clone());
        tasks.push(tokio::spawn(async move {
            let voter = Uuid::new_v4();
            let status = client
                .post(url)
                .json(&serde_json::json!({"key": "A", "client_id": voter, "poll_id": poll}))
                .send()
                .await
                .unwrap()
                .status();
            (voter, "A", status)
        }));
    }
    let mut outcomes = Outcomes::default();
    outcomes.acknowledged.insert(voter, "A".to_owned());
    for t in tasks {
        let (voter, key, status) = t.await.unwrap();
        if status == StatusCode::NO_CONTENT {
            outcomes.acknowledged.insert(voter, key.to_owned());
        } else {
            assert_eq!(status, StatusCode::CONFLICT);
            *outcomes.refused.entry(409).or_default() += 1;
        }
    }
    assert!(
        outcomes.refused.get(&409).copied().unwrap_or(0) > 0,
        "no late votes: the race proved nothing"
    );
    assert_every_ack_durable(&cluster, &p, &outcomes).await;
    // Exactly the acknowledged votes are stored: none of the late ones.
    let rows = tally_testkit::postgres::vote_rows(&cluster.db.client().await).await;
    assert_eq!(rows as usize, outcomes.acknowledged.len());
}
