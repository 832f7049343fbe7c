//! The live channels, against a real server and a real WebSocket client.

use crate::helpers::{metric, spawn_app, spawn_redis_app, Created, SendJson as _, TestApp};
use futures_util::StreamExt as _;
use serde_json::Value;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use uuid::Uuid;

pub(crate) type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub(crate) async fn connect(app: &TestApp, path: &str) -> Socket {
    connect_to(&app.address, path).await
}

/// A WebSocket to the server at `address` (`http://…`).
pub(crate) async fn connect_to(address: &str, path: &str) -> Socket {
    let url = format!("{}{path}", address.replace("http://", "ws://"));
    tokio_tungstenite::connect_async(url)
        .await
        .expect("websocket")
        .0
}

/// The next JSON text message, within a few seconds.
async fn next_json(socket: &mut Socket) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("a message in time")
            .expect("the socket is open")
            .expect("a frame");
        if let Message::Text(text) = message {
            return serde_json::from_str(&text).unwrap();
        }
    }
}

/// Reads messages until one satisfies `pred`.
async fn until(socket: &mut Socket, pred: impl Fn(&Value) -> bool) -> Value {
    loop {
        let message = next_json(socket).await;
        if pred(&message) {
            return message;
        }
    }
}

async fn presenter(app: &TestApp, c: &Created) -> Socket {
    connect(
        app,
        &format!("/presentations/{}/live/presenter?token={}", c.id, c.token),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_connected_before_a_slide_change_receives_it() {
    let app = spawn_app().await;
    let c = app.create_deck(2).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    let first = next_json(&mut phone).await;
    assert_eq!(first["type"], "state");
    assert_eq!(first["current_poll_index"], 0);
    assert_eq!(first["poll"]["poll_id"], c.poll_ids[0].as_str());
    app.next(&c).await;
    let moved = next_json(&mut phone).await;
    assert_eq!(moved["current_poll_index"], 1);
    assert_eq!(moved["poll"]["poll_id"], c.poll_ids[1].as_str());
    // Both must be numbers: comparing the Options would let Some > None pass.
    assert!(moved["version"].as_u64().unwrap() > first["version"].as_u64().unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnecting_client_gets_the_current_state_at_once() {
    let app = spawn_app().await;
    let c = app.create_deck(3).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    next_json(&mut phone).await;
    drop(phone);
    app.next(&c).await;
    app.next(&c).await;
    let mut again = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    let state = next_json(&mut again).await;
    assert_eq!(state["current_poll_index"], 2);
    assert_eq!(state["version"], 3);
}

async fn results_reach_the_presenter(app: TestApp) {
    let c = app.create_deck(1).await;
    let mut screen = presenter(&app, &c).await;
    let _phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    for key in ["A", "B", "B"] {
        app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), key).await;
    }
    let results = until(&mut screen, |m| {
        m["type"] == "results" && m["total_votes"] == 3
    })
    .await;
    assert_eq!(results["options"][1]["votes"], 2);
    assert_eq!(results["participants"], 3);
    assert_eq!(results["audience"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_reach_the_presenter_channel() {
    results_reach_the_presenter(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_reach_the_presenter_channel_on_the_redis_path() {
    results_reach_the_presenter(spawn_redis_app().await).await;
}

/// A WebSocket to `path` offering the presenter subprotocols, as the web
/// app's console and big screen do: the answer, or the refusal's status.
pub(crate) async fn connect_as_presenter(
    app: &TestApp,
    path: &str,
    token: &str,
) -> Result<(Socket, Option<String>), u16> {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
    let url = format!("{}{path}", app.address.replace("http://", "ws://"));
    let mut request = url.into_client_request().unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        format!("tally.presenter, tally.bearer.{token}")
            .parse()
            .unwrap(),
    );
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, response)) => {
            let chosen = response
                .headers()
                .get("Sec-WebSocket-Protocol")
                .map(|v| v.to_str().unwrap().to_owned());
            Ok((socket, chosen))
        }
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            Err(response.status().as_u16())
        }
        Err(other) => panic!("connecting: {other}"),
    }
}

/// The console and the big screen follow the slides on the audience
/// channel; with the presenter's key they are presenter screens, not
/// audience, so the console counts only the phones.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_presenters_own_slide_sockets_are_not_counted_as_audience() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let path = format!("/presentations/{}/live", c.id);
    let (mut console, chosen) = connect_as_presenter(&app, &path, &c.token).await.unwrap();
    assert_eq!(
        chosen.as_deref(),
        Some("tally.presenter"),
        "the token is never echoed"
    );
    assert_eq!(next_json(&mut console).await["type"], "state");
    let (_screen, _) = connect_as_presenter(&app, &path, &c.token).await.unwrap();
    let _phone = connect(&app, &path).await;
    let mut results = presenter(&app, &c).await;
    app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), "A").await;
    let seen = until(&mut results, |m| {
        m["type"] == "results" && m["total_votes"] == 1
    })
    .await;
    assert_eq!(
        seen["audience"], 1,
        "one phone; the two presenter pages are not audience"
    );
    // A key that does not open this presentation is refused, not counted.
    assert_eq!(
        connect_as_presenter(&app, &path, "tly_wrong").await.err(),
        Some(403)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_presenter_channel_needs_the_token() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    for (query, status) in [("", 401), ("?token=garbage", 403)] {
        let url = format!(
            "{}/presentations/{}/live/presenter{query}",
            app.address.replace("http://", "ws://"),
            c.id
        );
        match tokio_tungstenite::connect_async(url).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                assert_eq!(response.status().as_u16(), status);
            }
            other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
        }
    }
    let url = format!(
        "{}/presentations/{}/live",
        app.address.replace("http://", "ws://"),
        Uuid::new_v4()
    );
    assert!(tokio_tungstenite::connect_async(url).await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slide_change_made_on_one_process_reaches_a_socket_on_another() {
    let app = spawn_redis_app().await;
    let other = app.peer().await;
    let c = app.create_deck(2).await;
    let mut phone = connect_to(&other.address, &format!("/presentations/{}/live", c.id)).await;
    assert_eq!(next_json(&mut phone).await["current_poll_index"], 0);
    // The change goes through the first server; the phone is on the second.
    app.next(&c).await;
    let moved = until(&mut phone, |m| m["current_poll_index"] == 1).await;
    assert_eq!(moved["poll"]["poll_id"], c.poll_ids[1].as_str());
}

/// Another process's change reaches this process's subscribers as a local
/// change does, read cache first: a phone told of it by its socket reads
/// it from the same process at once, and a deletion is answered 404 there
/// once the socket was told.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_processs_change_reaches_the_read_cache_before_the_sockets() {
    let app = spawn_redis_app().await;
    let other = app.peer().await;
    let c = app.create_deck(2).await;
    let read = || {
        app.client
            .get(format!("{}/presentations/{}", other.address, c.id))
            .send()
    };
    // The other process caches the presentation, as the first phone's read
    // does; it answers from that copy for a second before checking it.
    let cached: Value = read().await.unwrap().json().await.unwrap();
    assert_eq!(cached["current_poll_index"], 0);
    let mut phone = connect_to(&other.address, &format!("/presentations/{}/live", c.id)).await;
    assert_eq!(next_json(&mut phone).await["current_poll_index"], 0);
    app.next(&c).await;
    until(&mut phone, |m| m["current_poll_index"] == 1).await;
    let moved: Value = read().await.unwrap().json().await.unwrap();
    assert_eq!(moved["current_poll_index"], 1);
    crate::live_protocol::delete(&app, &c).await;
    until(&mut phone, |m| m["type"] == "deleted").await;
    assert_eq!(read().await.unwrap().status(), 404);
}

/// A change made while another process could not hear of it (Redis down)
/// reaches that process's sockets once it listens again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_missed_during_a_redis_outage_reaches_the_sockets_afterwards() {
    let app = spawn_redis_app().await;
    let other = app.peer().await;
    let c = app.create_deck(2).await;
    let mut phone = connect_to(&other.address, &format!("/presentations/{}/live", c.id)).await;
    assert_eq!(next_json(&mut phone).await["current_poll_index"], 0);
    let redis = app.redis.as_ref().unwrap();
    redis.stop().unwrap();
    // Stored in Postgres; the announcement cannot go out.
    assert_eq!(app.next(&c).await.status(), 200);
    redis.resume().unwrap();
    let moved = until(&mut phone, |m| m["current_poll_index"] == 1).await;
    assert_eq!(moved["poll"]["poll_id"], c.poll_ids[1].as_str());
}

/// Presenters see the audience of every process, not only their own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_presenter_sees_the_audience_of_every_process() {
    let app = spawn_redis_app().await;
    let other = app.peer().await;
    let c = app.create_deck(1).await;
    let mut screen = presenter(&app, &c).await;
    let audience_path = format!("/presentations/{}/live", c.id);
    let mut here = Vec::new();
    for _ in 0..2 {
        here.push(connect(&app, &audience_path).await);
    }
    let mut there = Vec::new();
    for _ in 0..3 {
        there.push(connect_to(&other.address, &audience_path).await);
    }
    // An SSE listener on the other process is an audience member too.
    let events = app
        .client
        .get(format!("{}/presentations/{}/events", other.address, c.id))
        .send()
        .await
        .unwrap();
    assert_eq!(events.status(), 200);
    until(&mut screen, |m| {
        m["type"] == "results" && m["audience"] == 6
    })
    .await;
    // Phones and an event stream leaving the other process are noticed
    // there at once and shared.
    drop(there);
    drop(events);
    until(&mut screen, |m| {
        m["type"] == "results" && m["audience"] == 2
    })
    .await;
    // And a phone leaving this process counts at once.
    here.pop();
    until(&mut screen, |m| {
        m["type"] == "results" && m["audience"] == 1
    })
    .await;
}

/// Waits until the sampled number of live presentations is `n`.
async fn live_presentations_become(app: &TestApp, n: f64) {
    let mut last = f64::NAN;
    for _ in 0..100 {
        last = metric(&app.metrics_text().await, "tally_live_presentations");
        if last == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("tally_live_presentations stayed {last}, expected {n}");
}

/// A long-running process does not keep the channels of presentations
/// nobody follows any more; a later listener gets the current state.
async fn channels_are_released(app: TestApp) {
    let c = app.create_deck(2).await;
    let path = format!("/presentations/{}/live", c.id);
    let mut phone = connect(&app, &path).await;
    let mut screen = presenter(&app, &c).await;
    next_json(&mut phone).await;
    live_presentations_become(&app, 1.0).await;
    drop(phone);
    // Still followed by the presenter.
    app.next(&c).await;
    live_presentations_become(&app, 1.0).await;
    screen.close(None).await.unwrap();
    live_presentations_become(&app, 0.0).await;
    let mut again = connect(&app, &path).await;
    assert_eq!(next_json(&mut again).await["current_poll_index"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channels_are_released_when_the_last_listener_leaves() {
    channels_are_released(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channels_are_released_once_withdrawn_from_the_audience_board() {
    channels_are_released(spawn_redis_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_sent_events_carry_the_same_audience_stream() {
    let app = spawn_app().await;
    let c = app.create_deck(2).await;
    let mut response = app
        .client
        .get(app.url(&format!("/presentations/{}/events", c.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let mut seen = String::new();
    let mut moved = false;
    while !seen.contains("\"current_poll_index\":1") {
        let chunk = tokio::time::timeout(Duration::from_secs(5), response.chunk())
            .await
            .expect("an event in time")
            .unwrap()
            .expect("the stream is open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
        if !moved && seen.contains("\"current_poll_index\":0") {
            assert!(seen.starts_with("event: state\ndata: {"), "{seen}");
            app.next(&c).await;
            moved = true;
        }
    }
}

/// A deck whose state messages are large (about 35 KB), so that a client
/// that stops reading fills its socket buffers quickly.
fn heavy_deck() -> Value {
    let poll = |q: &str| {
        serde_json::json!({
            "question": q.repeat(500),
            "options": (0..64).map(|i| serde_json::json!({"key": format!("K{i}"), "value": "v".repeat(500)})).collect::<Vec<_>>(),
        })
    };
    serde_json::json!({"polls": [poll("a?"), poll("b?")]})
}

/// Completes a WebSocket handshake by hand on a socket with a tiny receive
/// buffer, then never reads again: the slowest phone there is.
async fn stalled_socket(app: &TestApp, path: &str) -> tokio::net::TcpStream {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let addr: std::net::SocketAddr = app.address.trim_start_matches("http://").parse().unwrap();
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut stream = socket.connect(addr).await.unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.unwrap();
    assert_eq!(&head, b"HTTP/1.1 101");
    stream
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_consumer_is_dropped_without_stalling_the_others() {
    let app = spawn_app().await;
    let created: Value = app.create(&heavy_deck()).await.json().await.unwrap();
    let id = created["presentation_id"].as_str().unwrap().to_owned();
    let token = created["presenter_token"].as_str().unwrap().to_owned();
    let path = format!("/presentations/{id}/live");
    let _stalled = stalled_socket(&app, &path).await;
    let mut phone = connect(&app, &path).await;
    next_json(&mut phone).await;
    // The phone reads as the slides flip, as a phone does: a test that
    // only read afterwards would be a stalled socket too, and on a loaded
    // machine (CI) it was dropped as one.
    let reader = tokio::spawn(async move { until(&mut phone, |m| m["version"] == 201).await });
    // Flip the slide many times: far more than the stalled socket can hold.
    for i in 0..200 {
        let r = app
            .presenter(
                reqwest::Method::PUT,
                &format!("/presentations/{id}/polls/current/index"),
                Some(&token),
            )
            .json(&serde_json::json!({"index": (i + 1) % 2}))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
    }
    // The phone that reads is current at once: the stalled one held up
    // nothing (the last move was to index 0).
    let last = reader.await.unwrap();
    assert_eq!(last["current_poll_index"], 0);
    // And the stalled socket is dropped once a send to it times out.
    let mut dropped = 0.0;
    for _ in 0..100 {
        let text = app.metrics_text().await;
        dropped = crate::helpers::metric(&text, "tally_live_dropped_total{reason=\"slow\"}");
        if dropped >= 1.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(dropped >= 1.0, "the stalled socket was not dropped");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audience_sees_results_only_when_the_presenter_shows_them() {
    let app = spawn_redis_app().await;
    let c = app.create_deck(1).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    assert_eq!(next_json(&mut phone).await["results_visible"], false);
    app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), "A").await;
    // Hidden: nothing arrives.
    let quiet = tokio::time::timeout(Duration::from_millis(400), phone.next()).await;
    assert!(quiet.is_err(), "results leaked to the audience: {quiet:?}");
    let shown: Value = app
        .presenter(
            reqwest::Method::POST,
            &format!("/presentations/{}/polls/current/results/show", c.id),
            Some(&c.token),
        )
        .send_json()
        .await;
    assert_eq!(shown["results_visible"], true);
    let results = until(&mut phone, |m| m["type"] == "results").await;
    assert_eq!(results["total_votes"], 1);
    app.vote(&c.id, &c.poll_ids[0], Uuid::new_v4(), "B").await;
    until(&mut phone, |m| {
        m["type"] == "results" && m["total_votes"] == 2
    })
    .await;
    app.presenter(
        reqwest::Method::POST,
        &format!("/presentations/{}/polls/current/results/hide", c.id),
        Some(&c.token),
    )
    .send()
    .await
    .unwrap();
    let hidden = until(&mut phone, |m| m["type"] == "state").await;
    assert_eq!(hidden["results_visible"], false);
}
