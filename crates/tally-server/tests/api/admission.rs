//! Slow clients hold bounded resources: a request body that does not arrive
//! in time gets 408 and its connection is closed, on every route that reads
//! one, and while it is awaited it holds a place in the admission queue.

use crate::helpers::{assert_problem, deck_body, spawn_app_tuned, TestApp};
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use uuid::Uuid;

const BODY_TIMEOUT_MS: u64 = 400;
/// How much later than the deadline a stalled connection may close: after
/// its 408, the server lingers up to `client_disconnect_timeout` (1 s) for
/// the client to close first, and a loaded CI machine adds its own delay.
const MARGIN: Duration = Duration::from_secs(2);
const QUEUE: usize = 3;

async fn app() -> TestApp {
    spawn_app_tuned(true, |s| {
        s.body_timeout_ms = BODY_TIMEOUT_MS;
        s.vote_queue = QUEUE;
    })
    .await
}

/// The body-reading routes a stalled head is tried on: presentation
/// creation (v4), a contest route and the vote (v4).
fn stalled_routes(presentation: &str) -> [String; 3] {
    [
        "/presentations".to_owned(),
        "/contests".to_owned(),
        format!("/presentations/{presentation}/polls/current/votes"),
    ]
}

/// Sends a POST head to `path`, promising a body that never comes.
async fn head_without_body(app: &TestApp, path: &str) -> TcpStream {
    let address = app.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

/// What the server sent, how long after the head its answer began, and
/// how long until it closed; panics if the connection is still open past
/// the deadline and the margin.
async fn answer_and_close(path: &str, mut stream: TcpStream) -> (String, Duration, Duration) {
    let sent = Instant::now();
    let limit = Duration::from_millis(BODY_TIMEOUT_MS) + MARGIN;
    let read = async {
        let mut answer = vec![0; 1];
        stream.read_exact(&mut answer).await?;
        let answered = sent.elapsed();
        stream.read_to_end(&mut answer).await?;
        // read_to_end returned: the server closed the connection.
        Ok::<_, std::io::Error>((answer, answered))
    };
    let (answer, answered) = tokio::time::timeout(limit, read)
        .await
        .unwrap_or_else(|_| panic!("POST {path}: the connection was still held after {limit:?}"))
        .unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    (answer, answered, sent.elapsed())
}

#[tokio::test]
async fn a_body_that_never_arrives_gets_408_and_the_connection_closes_on_every_route() {
    let app = app().await;
    let created = app.create_deck(1).await;
    let routes = stalled_routes(&created.id);
    let streams =
        futures::future::join_all(routes.iter().map(|path| head_without_body(&app, path))).await;
    let answers = futures::future::join_all(
        routes
            .iter()
            .zip(streams)
            .map(|(path, stream)| answer_and_close(path, stream)),
    )
    .await;
    for (path, (answer, answered, closed)) in routes.iter().zip(answers) {
        eprintln!("POST {path}: 408 after {answered:?}, closed after {closed:?}");
        assert!(answer.starts_with("HTTP/1.1 408"), "POST {path}: {answer}");
        assert!(answer.contains("body_timeout"), "POST {path}: {answer}");
        assert!(
            answered >= Duration::from_millis(BODY_TIMEOUT_MS),
            "POST {path}: answered after {answered:?}"
        );
    }
}

#[tokio::test]
async fn bodies_still_arriving_hold_places_in_the_admission_queue() {
    let app = app().await;
    let created = app.create_deck(1).await;
    let poll = &created.poll_ids[0];
    // One stalled body per route fills the queue: a presentation's and a
    // contest's count as a vote's does.
    let routes = stalled_routes(&created.id);
    assert_eq!(routes.len(), QUEUE);
    let held: Vec<TcpStream> =
        futures::future::join_all(routes.iter().map(|path| head_without_body(&app, path))).await;
    // Let the server read every head.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let refused = app.vote(&created.id, poll, Uuid::new_v4(), "A").await;
    assert!(refused.headers().contains_key("retry-after"));
    let problem = assert_problem(refused, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(problem["code"], "overloaded");
    assert!(problem["retry_after_ms"].as_u64().is_some(), "{problem}");
    // So is any other request with a body, before it is carried out.
    let refused = app
        .client
        .post(format!("{}/presentations", app.address))
        .json(&deck_body(1))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(refused, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(problem["code"], "overloaded");
    // Once their deadline passes, the places are free again.
    tokio::time::sleep(Duration::from_millis(BODY_TIMEOUT_MS + 200)).await;
    let voter = Uuid::new_v4();
    let accepted = app.vote(&created.id, poll, voter, "A").await;
    assert_eq!(accepted.status(), StatusCode::NO_CONTENT);
    drop(held);
    // The refused vote was never stored; the accepted one was. Nor was the
    // refused presentation: the deck made first is the only one.
    let client = app.db.client().await;
    assert_eq!(tally_testkit::postgres::vote_rows(&client).await, 1);
    let decks: i64 = client
        .query_one("SELECT count(*) FROM presentations", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(decks, 1);
}
