//! Slow clients hold bounded resources: a vote body that does not arrive in
//! time gets 408 and its connection is closed, and while it is awaited it
//! holds a place in the admission queue.

use crate::helpers::{assert_problem, spawn_app_tuned, TestApp};
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use uuid::Uuid;

const BODY_TIMEOUT_MS: u64 = 400;
const QUEUE: usize = 3;

async fn app() -> TestApp {
    spawn_app_tuned(true, |s| {
        s.vote_body_timeout_ms = BODY_TIMEOUT_MS;
        s.vote_queue = QUEUE;
    })
    .await
}

/// Sends a vote's head, promising a body that never comes.
async fn head_without_body(app: &TestApp, presentation: &str) -> TcpStream {
    let address = app.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /presentations/{presentation}/polls/current/votes HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

#[tokio::test]
async fn a_body_that_never_arrives_gets_408_and_the_connection_closes() {
    let app = app().await;
    let created = app.create_deck(1).await;
    let mut stream = head_without_body(&app, &created.id).await;
    let sent = Instant::now();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the connection was held open")
        .unwrap();
    let waited = sent.elapsed();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("body_timeout"), "{answer}");
    assert!(
        waited >= Duration::from_millis(BODY_TIMEOUT_MS),
        "answered after {waited:?}"
    );
    // read_to_end returned: the server closed the connection.
}

#[tokio::test]
async fn bodies_still_arriving_hold_places_in_the_admission_queue() {
    let app = app().await;
    let created = app.create_deck(1).await;
    let poll = &created.poll_ids[0];
    let held: Vec<TcpStream> =
        futures::future::join_all((0..QUEUE).map(|_| head_without_body(&app, &created.id))).await;
    // Let the server read every head.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let refused = app.vote(&created.id, poll, Uuid::new_v4(), "A").await;
    assert!(refused.headers().contains_key("retry-after"));
    let problem = assert_problem(refused, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(problem["code"], "overloaded");
    assert!(problem["retry_after_ms"].as_u64().is_some(), "{problem}");
    // Once their deadline passes, the places are free again.
    tokio::time::sleep(Duration::from_millis(BODY_TIMEOUT_MS + 200)).await;
    let voter = Uuid::new_v4();
    let accepted = app.vote(&created.id, poll, voter, "A").await;
    assert_eq!(accepted.status(), StatusCode::NO_CONTENT);
    drop(held);
    // The refused vote was never stored; the accepted one was.
    let rows = tally_testkit::postgres::vote_rows(&app.db.client().await).await;
    assert_eq!(rows, 1);
}
