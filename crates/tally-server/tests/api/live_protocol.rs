//! Frames a live socket refuses are closed with the code that says why
//! (RFC 6455 7.4.1), not dropped without one.

use crate::helpers::spawn_app;
use crate::live::{connect, Socket};
use futures_util::{SinkExt as _, StreamExt as _};
use std::time::Duration;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::Message;

#[tokio::test]
async fn a_frame_too_large_is_closed_with_1009() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    phone
        .send(Message::text("x".repeat(64 * 1024)))
        .await
        .unwrap();
    assert_eq!(close_after(&mut phone).await.0, 1009);
}

#[tokio::test]
async fn text_that_is_not_utf8_is_closed_with_1007() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    let invalid = Frame::message(vec![0xff, 0xfe, 0xfd], OpCode::Data(Data::Text), true);
    phone.send(Message::Frame(invalid)).await.unwrap();
    assert_eq!(close_after(&mut phone).await.0, 1007);
}

/// The close frame's code and reason, after reading past the messages
/// before it; also returns the last text message.
async fn close_after(socket: &mut Socket) -> (u16, String, Option<serde_json::Value>) {
    let mut last = None;
    loop {
        let message = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("an answer in time")
            .expect("a close frame before the end")
            .expect("a frame");
        match message {
            Message::Text(text) => last = serde_json::from_str(&text).ok(),
            Message::Close(frame) => {
                let (code, reason) = frame.map_or((0, String::new()), |f| {
                    (u16::from(f.code), f.reason.to_string())
                });
                return (code, reason, last);
            }
            _ => {}
        }
    }
}

pub(crate) async fn delete(app: &crate::helpers::TestApp, c: &crate::helpers::Created) {
    let deleted = app
        .presenter(
            reqwest::Method::DELETE,
            &format!("/presentations/{}", c.id),
            Some(&c.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_a_presentation_tells_its_sockets_and_lets_them_go() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    let mut screen = connect(
        &app,
        &format!("/presentations/{}/live/presenter?token={}", c.id, c.token),
    )
    .await;
    let events = app
        .request(
            reqwest::Method::GET,
            &format!("/presentations/{}/events", c.id),
        )
        .send()
        .await
        .unwrap();
    // Everyone is listening before the deletion.
    tokio::time::sleep(Duration::from_millis(200)).await;
    delete(&app, &c).await;
    for socket in [&mut phone, &mut screen] {
        let (code, reason, last) = close_after(socket).await;
        assert_eq!(
            (code, reason.as_str()),
            (1000, "the presentation was deleted")
        );
        let last = last.expect("a message before the close");
        assert_eq!(last["type"], "deleted");
        assert_eq!(last["presentation_id"], c.id.as_str());
    }
    // The event stream says so too, and ends.
    let body = tokio::time::timeout(Duration::from_secs(5), events.text())
        .await
        .expect("the event stream ended")
        .unwrap();
    assert!(body.contains(r#""type":"deleted""#), "{body}");
    // The presenter's results ticker stopped with the channel. The server
    // lets go of the event stream's listener just after its last bytes
    // leave, so the client can see the end a moment before the gauge
    // moves (seen once under the full suite): wait for it, briefly.
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    let live = loop {
        let text = app.metrics_text().await;
        let live = crate::helpers::metric(&text, "tally_live_presentations");
        if live == 0.0 || std::time::Instant::now() > deadline {
            break live;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(live, 0.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deletion_through_one_process_reaches_the_sockets_of_another() {
    let app = crate::helpers::spawn_redis_app().await;
    let other = app.peer().await;
    let c = app.create_deck(1).await;
    let mut phone =
        crate::live::connect_to(&other.address, &format!("/presentations/{}/live", c.id)).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    delete(&app, &c).await;
    let (code, _, last) = close_after(&mut phone).await;
    assert_eq!(code, 1000);
    assert_eq!(last.unwrap()["type"], "deleted");
}
