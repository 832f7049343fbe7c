//! Timers that run out: voting closes by itself at the deadline, and
//! every page is told so without asking.

use super::Tally;
use crate::ids::{PollId, PresentationId};
use crate::ports::{Ports, PresentationEvents as _, PresentationStore as _};
use std::time::SystemTime;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CloseExpiredError {
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

impl<P: Ports> Tally<P> {
    /// Closes voting on `poll` now that its `deadline` has passed, and
    /// tells the subscribers (the live channels, the mirror, the other
    /// processes), unless the timer changed meanwhile or voting is already
    /// closed. Safe to call from several processes at the deadline: one
    /// closes, the others find nothing to do. Returns whether this call
    /// closed it.
    pub async fn close_expired_voting(
        &self,
        id: PresentationId,
        poll: PollId,
        deadline: SystemTime,
    ) -> Result<bool, CloseExpiredError> {
        let closed = self
            .store
            .close_expired(id, poll, deadline)
            .await
            .map_err(|e| CloseExpiredError::Unavailable(e.0))?;
        let Some(presentation) = closed else {
            return Ok(false);
        };
        self.events.changed(&presentation).await;
        Ok(true)
    }
}
