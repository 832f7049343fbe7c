//! The timer's end reaches the pages by itself: at a poll's deadline, with
//! no request arriving, the audience channel gets a state with
//! `voting_open: false` within 1.5 s, on the process that set the timer
//! and on another one.

use crate::helpers::{spawn_app, spawn_redis_app, TestApp};
use crate::live::{connect_to, Socket};
use futures_util::StreamExt as _;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::{Duration, SystemTime};
use tokio_tungstenite::tungstenite::Message;

/// Promised to the pages (issue 25): the end shows within 1.5 s.
const WITHIN: Duration = Duration::from_millis(1_500);

fn now_ms() -> u64 {
    let since = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap();
    u64::try_from(since.as_millis()).unwrap()
}

/// The next state message, waiting at most `until_ms` (epoch ms).
async fn next_state(socket: &mut Socket, until_ms: u64) -> Option<Value> {
    loop {
        let left = Duration::from_millis(until_ms.saturating_sub(now_ms()));
        let frame = tokio::time::timeout(left, socket.next()).await.ok()?;
        if let Message::Text(text) = frame.expect("open").expect("a frame") {
            let message: Value = serde_json::from_str(&text).unwrap();
            if message["type"] == "state" {
                return Some(message);
            }
        }
    }
}

/// A 2 s timer set through `app`, a phone on `listener`'s audience socket.
async fn the_end_arrives_by_itself(app: &TestApp, listener: &str) {
    let deck = app.create_deck(2).await;
    let path = format!("/presentations/{}/live", deck.id);
    let mut phone = connect_to(listener, &path).await;
    let first = next_state(&mut phone, now_ms() + 5_000)
        .await
        .expect("state");
    assert_eq!(first["voting_open"], true);

    let response = app
        .presenter(
            Method::POST,
            &format!("/presentations/{}/polls/current/timer", deck.id),
            Some(&deck.token),
        )
        .json(&json!({"seconds": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let timer: Value = response.json().await.unwrap();
    let deadline = timer["deadline_ms"].as_u64().expect("a deadline");
    // From here on, no request: only the socket is read.
    let limit = deadline + u64::try_from(WITHIN.as_millis()).unwrap();
    let closed = loop {
        let state = next_state(&mut phone, limit).await.unwrap_or_else(|| {
            panic!("no state with voting_open false within {WITHIN:?} of the deadline")
        });
        if state["voting_open"] == false {
            break state;
        }
        // The timer's own start, with voting open.
        assert_eq!(state["deadline_ms"], deadline, "{state}");
    };
    let arrived = now_ms();
    assert!(
        arrived >= deadline,
        "closed {} ms early",
        deadline - arrived
    );
    eprintln!(
        "the end arrived {} ms after the deadline",
        arrived - deadline
    );
    assert_eq!(closed["poll"]["poll_id"], deck.poll_ids[0].as_str());
    assert!(closed["version"].as_u64() > first["version"].as_u64());
    // And the listener's process reads agree: the join body says closed.
    let joined: Value = app
        .client
        .get(format!("{listener}/join/{}", deck.join_code))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(joined["voting_open"], false, "{joined}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timers_end_reaches_the_audience_socket_on_the_direct_path() {
    let app = spawn_app().await;
    the_end_arrives_by_itself(&app, &app.address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timers_end_reaches_a_socket_on_another_process() {
    let app = spawn_redis_app().await;
    let other = app.peer().await;
    the_end_arrives_by_itself(&app, &other.address).await;
}
