//! The presenter's hold on the poll on screen: moving to a slide, opening
//! and closing voting, timers, showing results, resetting a round.

use serde::{Deserialize, Serialize};
use std::time::SystemTime;
use tally_domain::Poll;
use utoipa::ToSchema;
use uuid::Uuid;

/// PUT /presentations/{id}/polls/current/index body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoToBody {
    /// Zero-based index of the poll to show.
    pub index: usize,
}

/// Voting state of the poll on screen. `voting_open` is the presenter's
/// switch; with a timer, voting also closes at `deadline_ms`.
#[derive(Debug, Serialize, ToSchema)]
pub struct VotingStateBody {
    pub poll_id: Uuid,
    pub voting_open: bool,
    #[serde(flatten)]
    pub timer: Option<TimerBody>,
}

impl From<&Poll> for VotingStateBody {
    fn from(poll: &Poll) -> Self {
        Self {
            poll_id: *poll.id.as_uuid(),
            voting_open: poll.voting_open,
            timer: TimerBody::of(poll),
        }
    }
}

/// A running timer, by the server's clock.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimerBody {
    /// When voting closes, in milliseconds since the Unix epoch.
    pub deadline_ms: u64,
    /// Milliseconds left at `server_time_ms` (0 once passed).
    pub ms_left: u64,
    /// The server's time when this body was made, in milliseconds since the
    /// Unix epoch: a client counts down from here with its own clock.
    pub server_time_ms: u64,
}

impl TimerBody {
    pub fn of(poll: &Poll) -> Option<Self> {
        let deadline = poll.deadline?;
        let ms = |t: SystemTime| {
            t.duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        };
        let now = SystemTime::now();
        Some(Self {
            deadline_ms: ms(deadline),
            ms_left: ms(deadline).saturating_sub(ms(now)),
            server_time_ms: ms(now),
        })
    }
}

/// `POST …/polls/current/timer` body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TimerRequestBody {
    /// Seconds to add to the running timer (or to start one with); 0 stops
    /// it. At most 86400.
    #[schema(example = 20, maximum = 86400)]
    pub seconds: u64,
}

/// Whether the audience sees the results of the poll on screen.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsVisibilityBody {
    pub poll_id: Uuid,
    pub results_visible: bool,
}

/// A poll's round after a reset.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundBody {
    pub poll_id: Uuid,
    /// The round now counting (the first is 1).
    pub round: u32,
    pub voting_open: bool,
}
