//! Reads include every acknowledged vote (README, "Reads include every
//! acknowledged vote"): a read that starts after a vote was acknowledged
//! includes it, whichever process serves it. Each case votes through one
//! process and reads through another at once, with no retry and no wait: a
//! wait would hide exactly the votes still on their way to Postgres.

use crate::helpers::{spawn_app, spawn_redis_app, start_server, Created, RunningServer, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

/// Two processes on one Postgres (and one Redis, on the spike path): votes
/// go to `app`, reads to `other`.
struct Two {
    app: TestApp,
    other: RunningServer,
}

async fn on_redis() -> Two {
    let app = spawn_redis_app().await;
    let other = app.peer().await;
    Two { app, other }
}

async fn on_postgres() -> Two {
    let app = spawn_app().await;
    let other = start_server(&app.db.url(), false).await;
    Two { app, other }
}

impl Two {
    async fn create(&self, polls: Value) -> Created {
        crate::common::create_presentation(
            &self.app.client,
            &self.app.address,
            &json!({ "polls": polls }),
        )
        .await
    }

    /// A vote for `key` on the deck's first poll, acknowledged by `app`.
    async fn vote(&self, deck: &Created, client: Uuid, key: &str) {
        let response = self
            .app
            .vote(&deck.id, &deck.poll_ids[0], client, key)
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }

    /// A deck of one poll (A, B, C) with three votes (A, A, C),
    /// acknowledged by `app`.
    async fn three_votes(&self) -> Created {
        let deck = self
            .create(json!([{"question": "Q?", "options": abc()}]))
            .await;
        for key in ["A", "A", "C"] {
            self.vote(&deck, Uuid::new_v4(), key).await;
        }
        deck
    }

    /// GET `path` on the other process, with the presenter's token.
    async fn read(&self, deck: &Created, path: &str) -> Value {
        let response = self
            .app
            .client
            .get(format!("{}{path}", self.other.address))
            .bearer_auth(&deck.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.json().await.unwrap()
    }
}

fn abc() -> Value {
    json!([{"key": "A", "value": "Alpha"}, {"key": "B", "value": "Bravo"}, {"key": "C", "value": "Charlie"}])
}

fn quiz() -> Value {
    json!([{"question": "2 + 2?", "type": "quiz", "options": abc(), "correct": ["B"], "time_limit_secs": 20}])
}

fn counts(results: &Value) -> Vec<u64> {
    results["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["votes"].as_u64().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn current_results_on_another_process_include_every_acknowledged_vote() {
    let two = on_redis().await;
    let deck = two.three_votes().await;
    let path = format!(
        "/presentations/{}/polls/{}/results",
        deck.id, deck.poll_ids[0]
    );
    let now = two.read(&deck, &path).await;
    assert_eq!(
        (counts(&now), now["total_votes"].as_u64()),
        (vec![2, 0, 1], Some(3))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_past_round_on_another_process_includes_the_votes_acknowledged_before_the_reset() {
    let two = on_redis().await;
    let deck = two.three_votes().await;
    let reset = two
        .app
        .presenter(
            Method::POST,
            &format!(
                "/presentations/{}/polls/{}/reset",
                deck.id, deck.poll_ids[0]
            ),
            Some(&deck.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), StatusCode::OK);
    let path = format!(
        "/presentations/{}/polls/{}/results?round=1",
        deck.id, deck.poll_ids[0]
    );
    let first = two.read(&deck, &path).await;
    assert_eq!(
        (counts(&first), first["participants"].as_u64()),
        (vec![2, 0, 1], Some(3)),
        "{first}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_leaderboard_on_another_process_includes_an_answer_acknowledged_just_before() {
    let two = on_redis().await;
    let deck = two.create(quiz()).await;
    two.vote(&deck, Uuid::new_v4(), "B").await;
    let board = two
        .read(&deck, &format!("/presentations/{}/leaderboard", deck.id))
        .await;
    let rows = board.as_array().expect("a leaderboard");
    assert_eq!(rows.len(), 1, "{board}");
    assert_eq!(rows[0]["correct"], 1, "{board}");
}

/// A phone reads its score (0), answers through one process, and reads its
/// score again through the other: the answer counts, though the first read
/// was a moment ago.
async fn a_score_read_includes_the_answer_acknowledged_just_before(two: Two) {
    let deck = two.create(quiz()).await;
    let phone = Uuid::new_v4();
    let path = format!("/presentations/{}/participants/{phone}/score", deck.id);
    let before = two.read(&deck, &path).await;
    assert_eq!(before, json!({"score": 0, "correct": 0}));
    two.vote(&deck, phone, "B").await;
    let after = two.read(&deck, &path).await;
    assert_eq!(after["correct"], 1, "{after}");
    assert!(after["score"].as_u64().is_some_and(|s| s > 0), "{after}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_score_read_includes_the_answer_acknowledged_just_before_on_redis() {
    a_score_read_includes_the_answer_acknowledged_just_before(on_redis().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_score_read_includes_the_answer_acknowledged_just_before_on_postgres() {
    a_score_read_includes_the_answer_acknowledged_just_before(on_postgres().await).await;
}
