//! What the live channels send, as JSON text frames.

use serde::Serialize;
use tally_domain::{PollResults, Presentation};

use crate::dto::{PollBody, ResultsBody};

/// The audience state: sent on connect and on every change.
#[derive(Debug, Serialize)]
struct StateMessage {
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The presentation's state version: a reconnecting client that already
    /// has this version can ignore the message.
    pub version: u64,
    pub presentation_id: uuid::Uuid,
    pub current_poll_index: usize,
    pub poll_count: usize,
    pub voting_open: bool,
    /// Whether the presenter shows this poll's results to the audience;
    /// when true, `results` messages follow on the audience channel.
    pub results_visible: bool,
    pub poll: Option<PollBody>,
}

pub fn state(presentation: &Presentation) -> String {
    let poll = presentation.current_poll();
    serde_json::to_string(&StateMessage {
        kind: "state",
        version: presentation.slide.version,
        presentation_id: *presentation.id.as_uuid(),
        current_poll_index: presentation.slide.index,
        poll_count: presentation.slide.poll_count,
        voting_open: poll.is_some_and(|p| p.voting_open),
        results_visible: poll.is_some_and(|p| p.results_visible),
        poll: poll.map(PollBody::from),
    })
    .unwrap_or_default()
}

/// Sent when the presentation is deleted, just before the server lets the
/// listener go (WebSockets close with 1000 "the presentation was deleted").
pub fn deleted(id: tally_domain::PresentationId) -> String {
    serde_json::json!({"type": "deleted", "presentation_id": id.as_uuid()}).to_string()
}

/// The presenter's live results: the results endpoint's body, plus the
/// message type and the number of phones connected.
#[derive(Debug, Serialize)]
struct ResultsMessage {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    results: ResultsBody,
    /// Audience members connected: sockets and event streams on every
    /// process (the other processes' share is at most about a second old).
    audience: usize,
}

pub fn results(results: PollResults, audience: usize) -> String {
    serde_json::to_string(&ResultsMessage {
        kind: "results",
        results: ResultsBody::from(results),
        audience,
    })
    .unwrap_or_default()
}
