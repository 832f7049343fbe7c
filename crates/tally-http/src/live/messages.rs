//! What the live channels send, as JSON text frames.

use serde::Serialize;
use tally_domain::{PollResults, Presentation};

use crate::dto::{PollBody, ResultsBody, TimerBody};

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
    /// Whether the audience gets this poll's results now: the presenter
    /// shows them and they are not held (`results_held`); when true,
    /// `results` messages follow on the audience channel. Phones and the
    /// big screen draw results only then.
    pub results_visible: bool,
    /// Whether the presenter shows this poll's results (the console's
    /// toggle), held or not.
    pub results_shown: bool,
    /// Shown results are held back until voting closes (the presentation's
    /// `hide_results_until_closed`): they reach the audience when the
    /// presenter closes voting, or when the timer (`deadline_ms`) runs out.
    pub results_held: bool,
    /// The presentation's settings revision: pages refetch
    /// `GET /presentations/{id}/settings` when it changes.
    pub settings_rev: u64,
    /// The deck's revision: it grows on every stored edit. The poll on
    /// screen comes in `poll` already edited; pages that show other
    /// slides (the console's next slide) read the deck again.
    pub deck_rev: u64,
    pub poll: Option<PollBody>,
    /// The poll's round: it grows when the presenter resets the poll, and
    /// the audience may vote again.
    pub round: Option<u32>,
    /// The poll's timer: when voting closes, in milliseconds since the Unix
    /// epoch by the server's clock, and how many were left when this state
    /// was sent (`server_time_ms`). Absent without a timer.
    #[serde(flatten)]
    pub timer: Option<TimerBody>,
}

pub fn state(presentation: &Presentation) -> String {
    let poll = presentation.current_poll();
    let gate = presentation.results_gate();
    let now = std::time::SystemTime::now();
    serde_json::to_string(&StateMessage {
        kind: "state",
        version: presentation.slide.version,
        presentation_id: *presentation.id.as_uuid(),
        current_poll_index: presentation.slide.index,
        poll_count: presentation.slide.poll_count,
        voting_open: poll.is_some_and(|p| p.voting_open),
        results_visible: gate.open_at(now),
        results_shown: gate.shown,
        results_held: gate.held_at(now),
        settings_rev: presentation.live.revision,
        deck_rev: presentation.deck_rev.0,
        poll: poll.map(PollBody::from),
        round: poll.map(|p| p.round),
        timer: poll.and_then(TimerBody::of),
    })
    .unwrap_or_default()
}

/// Sent when the presentation is deleted, just before the server lets the
/// listener go (WebSockets close with 1000 "the presentation was deleted").
pub fn deleted(id: tally_domain::PresentationId) -> String {
    serde_json::json!({"type": "deleted", "presentation_id": id.as_uuid()}).to_string()
}

/// The presenter's live results: the results endpoint's body, plus the
/// message type (`results`) and the number of phones connected: audience
/// members connected, sockets and event streams on every process (the
/// other processes' share is at most about a second old). The body's own
/// `type` (the poll's) is sent as `poll_type`, since `type` names the
/// message on the live channels.
pub fn results(results: PollResults, audience: usize) -> String {
    let mut body = serde_json::to_value(ResultsBody::from(results)).unwrap_or_default();
    if let Some(fields) = body.as_object_mut() {
        if let Some(kind) = fields.remove("type") {
            fields.insert("poll_type".to_owned(), kind);
        }
        fields.insert("type".to_owned(), "results".into());
        fields.insert("audience".to_owned(), audience.into());
    }
    body.to_string()
}
