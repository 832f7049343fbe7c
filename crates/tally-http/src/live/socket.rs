//! The WebSocket endpoints and the per-socket loop.

use super::channel::{Membership, Role};
use super::hub::LiveHub;
use super::recheck::{close_reason, watch_access};
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use crate::telemetry::Telemetry;
use actix_web::{web, HttpRequest, HttpResponse};
use actix_ws::AggregatedMessage;
use serde::Deserialize;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use tally_domain::{AccessDenied, PresentationId, PresenterToken};
use tokio::sync::{oneshot, watch};
use uuid::Uuid;

/// Largest frame a client may send; clients only send pings and small
/// control messages.
const MAX_FRAME: usize = 4 * 1024;
/// The server pings this often ...
const PING_EVERY: Duration = Duration::from_secs(15);
/// ... and closes a socket that has not answered or spoken for this long.
const IDLE_TIMEOUT: Duration = Duration::from_secs(45);
/// A socket that cannot take a message within this long is dropped (it can
/// reconnect and get the current state); it never holds up the others.
const SEND_TIMEOUT: Duration = Duration::from_secs(5);

/// `GET /presentations/{id}/live`: the audience channel. Sends the current
/// state at once, then every change.
///
/// The presenter's own pages (console, big screen) follow the slides here
/// too. They offer the presenter subprotocols, as on the presenter socket,
/// so that they are counted as presenter screens rather than in the
/// audience the console shows; a token that does not open this
/// presentation is refused as on the presenter socket.
pub async fn audience_socket<P: Ports>(
    req: HttpRequest,
    body: web::Payload,
    tally: web::Data<Tally<P>>,
    hub: web::Data<Arc<LiveHub>>,
    telemetry: Telemetry,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, actix_web::Error> {
    let id = PresentationId::from_uuid(*id);
    let token = offered_token(&req);
    let role = match &token {
        Some(token) => {
            tally
                .authorize_presenter(id, Some(token))
                .await
                .map_err(Problem::from)?;
            Role::Presenter
        }
        None => Role::Audience,
    };
    // Counted before the ticker starts, so it sees this phone.
    let membership = hub
        .join(&tally, id, role, telemetry)
        .await
        .map_err(Problem::from)?;
    let channel = membership.channel.clone();
    let (response, session, stream) = match role {
        Role::Presenter => actix_ws::handle_with_protocols(&req, body, &[PRESENTER_PROTOCOL])?,
        _ => actix_ws::handle(&req, body)?,
    };
    let rx = channel.state.subscribe();
    let results = channel.audience_results.subscribe();
    hub.ensure_ticker(id, channel.clone());
    let denied = token.map(|token| watch_access(tally.clone(), id, token, hub.rechecks()));
    actix_web::rt::spawn(run(
        session,
        stream,
        rx,
        Some(results),
        Ends {
            closing: hub.closing(),
            denied,
        },
        membership,
    ));
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    /// Browsers cannot set headers on a WebSocket, so the presenter token
    /// may come as `?token=`. Prefer the subprotocol form below: a query
    /// string lands in access logs, a header does not.
    token: Option<String>,
}

/// The subprotocol a presenter socket speaks. A browser offers it together
/// with [`BEARER_PROTOCOL`]`<token>`, the one header a page can set on a
/// WebSocket (`new WebSocket(url, ["tally.presenter", "tally.bearer.tly_…"])`),
/// and the server answers with this one, never echoing the token.
pub const PRESENTER_PROTOCOL: &str = "tally.presenter";
/// Prefix of the offered subprotocol that carries the presenter token.
pub const BEARER_PROTOCOL: &str = "tally.bearer.";

/// The token offered as a `Sec-WebSocket-Protocol` entry, if any.
fn offered_token(req: &HttpRequest) -> Option<PresenterToken> {
    req.headers()
        .get_all(actix_web::http::header::SEC_WEBSOCKET_PROTOCOL)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .find_map(|p| p.trim().strip_prefix(BEARER_PROTOCOL))
        .filter(|t| !t.is_empty())
        .map(PresenterToken::from_presented)
}

/// `GET /presentations/{id}/live/presenter`: live results of the poll on
/// screen and the number of connected phones. Needs the presenter token.
#[allow(clippy::too_many_arguments)] // each argument is an actix extractor
pub async fn presenter_socket<P: Ports>(
    req: HttpRequest,
    body: web::Payload,
    tally: web::Data<Tally<P>>,
    hub: web::Data<Arc<LiveHub>>,
    telemetry: Telemetry,
    id: web::Path<Uuid>,
    credential: PresenterCredential,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, actix_web::Error> {
    let id = PresentationId::from_uuid(*id);
    let token = credential
        .0
        .or_else(|| offered_token(&req))
        .or_else(|| query.into_inner().token.map(PresenterToken::from_presented));
    tally
        .authorize_presenter(id, token.as_ref())
        .await
        .map_err(Problem::from)?;
    let membership = hub
        .join(&tally, id, Role::Presenter, telemetry)
        .await
        .map_err(Problem::from)?;
    let channel = membership.channel.clone();
    let (response, session, stream) =
        actix_ws::handle_with_protocols(&req, body, &[PRESENTER_PROTOCOL])?;
    hub.ensure_ticker(id, channel.clone());
    let rx = channel.results.subscribe();
    let denied = token.map(|token| watch_access(tally.clone(), id, token, hub.rechecks()));
    let ends = Ends {
        closing: hub.closing(),
        denied,
    };
    actix_web::rt::spawn(run(session, stream, rx, None, ends, membership));
    Ok(response)
}

/// What ends a socket from the server's side: the process stopping, or
/// the token it was opened with no longer opening the presentation.
struct Ends {
    closing: watch::Receiver<bool>,
    denied: Option<oneshot::Receiver<AccessDenied>>,
}

async fn run(
    mut session: actix_ws::Session,
    stream: actix_ws::MessageStream,
    mut rx: watch::Receiver<Arc<str>>,
    mut also: Option<watch::Receiver<Arc<str>>>,
    ends: Ends,
    membership: Membership,
) {
    let Ends {
        mut closing,
        mut denied,
    } = ends;
    let (metrics, role) = (&membership.telemetry, membership.role);
    let mut stream = stream
        .max_frame_size(MAX_FRAME)
        .aggregate_continuations()
        .max_continuation_size(MAX_FRAME);
    // The current value at once: a reconnecting client is up to date
    // immediately (and can skip it by its version if it already had it).
    let first = rx.borrow_and_update().clone();
    if !first.is_empty() && send(&mut session, &first, metrics, role).await.is_err() {
        return;
    }
    let mut heard = Instant::now();
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.tick().await;
    let channel = membership.channel.clone();
    loop {
        tokio::select! {
            changed = rx.changed() => {
                if changed.is_err() {
                    break;
                }
                let message = rx.borrow_and_update().clone();
                match forward(&mut session, &message, &channel, metrics, role).await {
                    Forwarded::Sent => {}
                    Forwarded::Failed => break,
                    Forwarded::Gone => return close_deleted(session).await,
                }
            }
            message = next_of(&mut also) => {
                let Some(message) = message else { break };
                match forward(&mut session, &message, &channel, metrics, role).await {
                    Forwarded::Sent => {}
                    Forwarded::Failed => break,
                    Forwarded::Gone => return close_deleted(session).await,
                }
            }
            incoming = stream.recv() => match incoming {
                Some(Ok(AggregatedMessage::Ping(bytes))) => {
                    heard = Instant::now();
                    if session.pong(&bytes).await.is_err() {
                        break;
                    }
                }
                Some(Ok(AggregatedMessage::Pong(_) | AggregatedMessage::Text(_) | AggregatedMessage::Binary(_))) => {
                    heard = Instant::now();
                }
                Some(Err(error)) => {
                    // Tell the client why: a frame too large, or text that
                    // is not UTF-8, each has its close code (RFC 6455 7.4.1).
                    let _ = session.close(Some(close_code(&error).into())).await;
                    return;
                }
                Some(Ok(AggregatedMessage::Close(_))) | None => break,
            },
            _ = closing.wait_for(|closing| *closing) => {
                let _ = session.close(Some(actix_ws::CloseCode::Away.into())).await;
                return;
            }
            refusal = refused(&mut denied) => {
                let _ = session.close(Some(close_reason(refusal))).await;
                return;
            }
            _ = ping.tick() => {
                if heard.elapsed() > IDLE_TIMEOUT {
                    metrics.live_dropped("idle");
                    break;
                }
                if session.ping(b"").await.is_err() {
                    break;
                }
            }
        }
    }
    let _ = session.close(None).await;
}

/// What became of a message for the socket.
enum Forwarded {
    Sent,
    /// The socket could not take it: it is done.
    Failed,
    /// It was sent, and it was the `deleted` message: the socket lets go.
    Gone,
}

/// Sends a stream's newest message (none while a stream is still empty).
async fn forward(
    session: &mut actix_ws::Session,
    message: &str,
    channel: &super::channel::Channel,
    metrics: &Telemetry,
    role: Role,
) -> Forwarded {
    if !message.is_empty() && send(session, message, metrics, role).await.is_err() {
        return Forwarded::Failed;
    }
    if channel.is_gone() {
        Forwarded::Gone
    } else {
        Forwarded::Sent
    }
}

/// How a socket closes when its presentation is deleted.
async fn close_deleted(session: actix_ws::Session) {
    let reason = actix_ws::CloseReason {
        code: actix_ws::CloseCode::Normal,
        description: Some("the presentation was deleted".to_owned()),
    };
    let _ = session.close(Some(reason)).await;
}

/// The close code for a frame the socket refused.
fn close_code(error: &actix_ws::ProtocolError) -> actix_ws::CloseCode {
    use actix_ws::{CloseCode, ProtocolError};
    match error {
        // A frame over MAX_FRAME, or continuations adding up past it.
        ProtocolError::Overflow => CloseCode::Size,
        ProtocolError::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => CloseCode::Invalid,
        ProtocolError::Io(e) if e.to_string().contains("maximum continuation size") => {
            CloseCode::Size
        }
        _ => CloseCode::Protocol,
    }
}

/// The next value of an optional second channel; never resolves without
/// one. `None` when the channel closed.
async fn next_of(rx: &mut Option<watch::Receiver<Arc<str>>>) -> Option<Arc<str>> {
    match rx {
        Some(rx) => match rx.changed().await {
            Ok(()) => Some(rx.borrow_and_update().clone()),
            Err(_) => None,
        },
        None => std::future::pending().await,
    }
}

/// The refusal of the socket's token, once it stops working; never
/// resolves for a socket opened without one (or if the check stopped).
async fn refused(denied: &mut Option<oneshot::Receiver<AccessDenied>>) -> AccessDenied {
    if let Some(rx) = denied {
        if let Ok(refusal) = rx.await {
            return refusal;
        }
        *denied = None;
    }
    std::future::pending().await
}

/// Sends one text frame, giving up on a socket too slow to take it.
async fn send(
    session: &mut actix_ws::Session,
    message: &str,
    metrics: &Telemetry,
    role: Role,
) -> Result<(), ()> {
    match tokio::time::timeout(SEND_TIMEOUT, session.text(message.to_owned())).await {
        Ok(Ok(())) => {
            metrics.live_message_sent(role.label());
            Ok(())
        }
        Ok(Err(_)) => Err(()),
        Err(_) => {
            metrics.live_dropped("slow");
            Err(())
        }
    }
}
