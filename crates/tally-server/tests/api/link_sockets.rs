//! Revoking a link closes the live channels it opened (issue 25): at once
//! on the process that revoked it, within the periodic access check on
//! another; the page is told why, and cannot come back.

use crate::helpers::spawn_app;
use crate::links::{make_link, revoke};
use crate::live::Socket;
use futures_util::{SinkExt as _, StreamExt as _};
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::Message;

/// On the process that revoked: the HTTP handler nudges its sockets.
const HERE_WITHIN: Duration = Duration::from_secs(2);
/// On another process: its sockets check their token every 5 s.
const THERE_WITHIN: Duration = Duration::from_secs(6);

/// A socket opened as a big screen does (the token in the subprotocols),
/// on the server at `address`; the refusal's status if it is refused.
async fn open_as(address: &str, path: &str, token: &str) -> Result<Socket, u16> {
    let url = format!("{}{path}", address.replace("http://", "ws://"));
    let mut request = url.into_client_request().unwrap();
    let protocols = format!("tally.presenter, tally.bearer.{token}");
    request
        .headers_mut()
        .insert("Sec-WebSocket-Protocol", protocols.parse().unwrap());
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(socket),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            Err(response.status().as_u16())
        }
        Err(other) => panic!("connecting: {other}"),
    }
}

/// The close frame's code and reason, and when it came, waiting at most
/// `within` past `since`.
async fn closed(socket: &mut Socket, since: Instant, within: Duration) -> (u16, String, Duration) {
    let deadline = tokio::time::Instant::from_std(since + within);
    loop {
        let message = tokio::time::timeout_at(deadline, socket.next())
            .await
            .unwrap_or_else(|_| panic!("still open {within:?} after the revoke"))
            .expect("a close frame before the end")
            .expect("a frame");
        if let Message::Close(frame) = message {
            let (code, reason) = frame.map_or((0, String::new()), |f| {
                (u16::from(f.code), f.reason.to_string())
            });
            return (code, reason, since.elapsed());
        }
    }
}

/// A socket that is still open answers a ping.
async fn answers(socket: &mut Socket) {
    socket
        .send(Message::Ping(b"still?".to_vec().into()))
        .await
        .unwrap();
    loop {
        let message = tokio::time::timeout(Duration::from_secs(2), socket.next())
            .await
            .expect("a pong in time")
            .expect("the socket is open")
            .expect("a frame");
        match message {
            Message::Pong(_) => return,
            Message::Close(frame) => panic!("closed: {frame:?}"),
            _ => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoking_a_link_closes_the_live_channels_it_opened() {
    let app = spawn_app().await;
    let other = app.peer().await;
    let deck = app.create_deck(1).await;
    let screen = make_link(&app, &deck, "screen", None).await;
    let run = make_link(&app, &deck, "run", None).await;
    let channels = [
        format!("/presentations/{}/live", deck.id),
        format!("/presentations/{}/live/presenter", deck.id),
    ];
    let (mut here, mut there) = (Vec::new(), Vec::new());
    for path in &channels {
        here.push(open_as(&app.address, path, &screen.token).await.unwrap());
        there.push(open_as(&other.address, path, &screen.token).await.unwrap());
    }
    // Another link's sockets, and the presenter's own, are left alone.
    let mut kept = vec![
        open_as(&app.address, &channels[1], &run.token)
            .await
            .unwrap(),
        open_as(&other.address, &channels[1], &run.token)
            .await
            .unwrap(),
        open_as(&app.address, &channels[0], &deck.token)
            .await
            .unwrap(),
    ];

    let since = Instant::now();
    let r = revoke(&app, &deck, &deck.token, &screen.id).await;
    assert_eq!(r.status(), 200);
    for (sockets, within, process) in [
        (&mut here, HERE_WITHIN, "here"),
        (&mut there, THERE_WITHIN, "there"),
    ] {
        for (socket, path) in sockets.iter_mut().zip(&channels) {
            let (code, reason, after) = closed(socket, since, within).await;
            eprintln!("{process} {path}: closed {code} {reason:?} after {after:?}");
            assert_eq!(
                (code, reason.as_str()),
                (4403, "link revoked"),
                "{process} {path}"
            );
        }
    }
    for socket in &mut kept {
        answers(socket).await;
    }
    for address in [&app.address, &other.address] {
        for path in &channels {
            assert_eq!(
                open_as(address, path, &screen.token).await.err(),
                Some(403),
                "{path}"
            );
        }
    }
}
