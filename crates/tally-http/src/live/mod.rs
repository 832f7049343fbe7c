//! Live channels: WebSockets that follow a presentation.
//!
//! Each presentation has two `watch` channels in this process: the audience
//! state (poll on screen, open or closed) and the presenter's results. A
//! `watch` keeps only the newest value, which is what makes fan-out cheap
//! and safe:
//! - a message is serialised once per change, not once per socket;
//! - a socket that is slow to drain simply skips to the newest value when it
//!   is ready, so it never stalls the others and nothing queues up for it;
//! - results are refreshed by one ticker per presentation, at most
//!   [`RESULTS_EVERY`] apart and only sent when they changed, so a vote never
//!   causes one message per listener.

mod board;
mod channel;
mod deadline;
#[cfg(test)]
mod events_contract;
mod hub;
mod messages;
mod recheck;
mod socket;
mod sse;
mod ticker;

pub use board::AudienceBoard;
pub use hub::{LiveEvents, LiveHub};
pub use socket::{audience_socket, presenter_socket};
pub use sse::audience_events;
pub use ticker::LiveResults;

use std::time::Duration;

/// Results reach presenters at most this often (about 10 per second).
pub const RESULTS_EVERY: Duration = Duration::from_millis(100);
