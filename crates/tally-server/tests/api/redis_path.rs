//! The same HTTP behaviour on the Redis spike path.

use crate::helpers::spawn_redis_app;
use crate::v4_client::V4Client;
use reqwest::StatusCode;
use std::time::Duration;
use uuid::Uuid;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_v4_client_passes_unchanged_on_the_redis_path() {
    let app = spawn_redis_app().await;
    V4Client::new(&app.address, false).drive().await;
}

/// Rows in Postgres once the flush has caught up with `expected`.
async fn rows_when_flushed(app: &crate::helpers::TestApp, expected: i64) -> i64 {
    let client = app.db.client().await;
    let mut rows = 0;
    for _ in 0..200 {
        rows = tally_testkit::postgres::vote_rows(&client).await;
        if rows >= expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    rows
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_accepted_by_redis_reach_postgres_and_results_are_live() {
    let app = spawn_redis_app().await;
    let c = app.create_deck(2).await;
    for key in ["A", "B", "B"] {
        assert_eq!(
            app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), key)
                .await
                .status(),
            StatusCode::NO_CONTENT
        );
    }
    // Live results come from the counters at once.
    let results = app.results(&c, &c.poll_ids[0]).await;
    assert_eq!(results["options"][1]["votes"], 2);
    assert_eq!(results["participants"], 3);
    assert_eq!(rows_when_flushed(&app, 3).await, 3);
    let late = app.vote(&c.id, &c.poll_ids[1], Uuid::new_v4(), "A").await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_server_sees_slide_changes_made_through_the_first() {
    let app = spawn_redis_app().await;
    let second = app.peer().await;
    let c = app.create_deck(2).await;
    app.next(&c).await;
    let on_second = app
        .client
        .post(format!(
            "{}/presentations/{}/polls/current/votes",
            second.address, c.id
        ))
        .json(
            &serde_json::json!({"key": "A", "client_id": Uuid::new_v4(), "poll_id": c.poll_ids[0]}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(on_second.status(), StatusCode::CONFLICT);
}
