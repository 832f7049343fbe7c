//! Frames a live socket refuses are closed with the code that says why
//! (RFC 6455 7.4.1), not dropped without one.

use crate::helpers::spawn_app;
use crate::live::{connect, Socket};
use futures_util::{SinkExt as _, StreamExt as _};
use std::time::Duration;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::Message;

/// The code of the close frame the server sends next (skipping the state
/// messages before it).
async fn close_code(socket: &mut Socket) -> u16 {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("an answer in time")
            .expect("a close frame before the end")
            .expect("a frame");
        if let Message::Close(frame) = message {
            return frame.map_or(0, |f| u16::from(f.code));
        }
    }
}

#[tokio::test]
async fn a_frame_too_large_is_closed_with_1009() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    phone
        .send(Message::text("x".repeat(64 * 1024)))
        .await
        .unwrap();
    assert_eq!(close_code(&mut phone).await, 1009);
}

#[tokio::test]
async fn text_that_is_not_utf8_is_closed_with_1007() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let mut phone = connect(&app, &format!("/presentations/{}/live", c.id)).await;
    let invalid = Frame::message(vec![0xff, 0xfe, 0xfd], OpCode::Data(Data::Text), true);
    phone.send(Message::Frame(invalid)).await.unwrap();
    assert_eq!(close_code(&mut phone).await, 1007);
}
