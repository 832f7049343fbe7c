//! Server-Sent Events: the audience stream for clients without WebSocket.

use super::channel::{Membership, Role};
use super::hub::LiveHub;
use crate::problem::Problem;
use crate::telemetry::Telemetry;
use actix_web::{web, HttpResponse};
use bytes::Bytes;
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use tally_domain::PresentationId;
use uuid::Uuid;

/// A comment line this often keeps proxies from closing a quiet stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

fn event(json: &str, listening: &Membership) -> Bytes {
    listening.telemetry.live_message_sent("events");
    Bytes::from(format!("event: state\ndata: {json}\n\n"))
}

/// `GET /presentations/{id}/events`: the same state messages as the
/// audience WebSocket, as `event: state` entries.
pub async fn audience_events<P: Ports>(
    tally: web::Data<Tally<P>>,
    hub: web::Data<Arc<LiveHub>>,
    telemetry: Telemetry,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Problem> {
    // Counts the stream as an audience member while it lives.
    let listening = hub
        .join(
            &tally,
            PresentationId::from_uuid(*id),
            Role::Events,
            telemetry,
        )
        .await
        .map_err(Problem::from)?;
    let rx = listening.channel.state.subscribe();
    // After the `deleted` message (the presentation is gone) the stream ends.
    let stream = futures::stream::unfold(
        (rx, listening, true),
        |(mut rx, listening, first)| async move {
            if !first && listening.channel.is_gone() {
                return None;
            }
            if first {
                let current = rx.borrow_and_update().clone();
                return Some((
                    Ok::<_, actix_web::Error>(event(&current, &listening)),
                    (rx, listening, false),
                ));
            }
            match tokio::time::timeout(KEEP_ALIVE, rx.changed()).await {
                Ok(Ok(())) => {
                    let current = rx.borrow_and_update().clone();
                    Some((Ok(event(&current, &listening)), (rx, listening, false)))
                }
                Ok(Err(_)) => None,
                Err(_) => Some((
                    Ok(Bytes::from_static(b": keep-alive\n\n")),
                    (rx, listening, false),
                )),
            }
        },
    );
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header(("cache-control", "no-cache"))
        .streaming(stream))
}
