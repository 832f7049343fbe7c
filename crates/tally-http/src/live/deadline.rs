//! Timers that run out with nobody asking: at a poll's deadline, this
//! process closes its voting through the use case, whose change event then
//! sends every live page a state with `voting_open: false`.
//!
//! Every process that hears of a running timer (its own change, or another
//! process's announced one) watches it, so the close does not depend on
//! one process staying up; the store closes once and the other attempts
//! find nothing to do.

use super::hub::LiveHub;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};
use tally_domain::{PollId, Presentation, PresentationId};

/// When to try after the deadline: at once, then twice more in case the
/// store's clock runs a little behind this process's (a close before the
/// deadline by the store's clock changes nothing). All well within the
/// 1.5 s the pages are promised.
const ATTEMPTS_AFTER: [Duration; 3] = [
    Duration::from_millis(20),
    Duration::from_millis(250),
    Duration::from_millis(1_000),
];

/// The timers this process watches: one per presentation, the newest.
pub(crate) type Watched = Arc<Mutex<HashMap<PresentationId, (PollId, SystemTime)>>>;

impl LiveHub {
    /// Watches the timer of the poll on screen, if one runs and it is not
    /// watched already. A timer extended or stopped leaves the old watch to
    /// find nothing to close.
    pub(crate) fn watch_deadline(&self, presentation: &Presentation) {
        let Some(source) = self.results.get().cloned() else {
            return;
        };
        let Some(timer) = presentation.deadline_to_close() else {
            return;
        };
        let id = presentation.id;
        let watched = self.deadlines.clone();
        {
            let mut watching = watched.lock().unwrap_or_else(PoisonError::into_inner);
            if watching.get(&id) == Some(&timer) {
                return;
            }
            watching.insert(id, timer);
        }
        let (poll, deadline) = timer;
        tokio::spawn(async move {
            for after in ATTEMPTS_AFTER {
                let due = deadline + after;
                let wait = due.duration_since(SystemTime::now()).unwrap_or_default();
                tokio::time::sleep(wait).await;
                // Nothing to close (another process did, the timer moved,
                // or the store's clock is not there yet) costs one read.
                match source.close_expired(id, poll, deadline).await {
                    Ok(true) => break,
                    Ok(false) => {}
                    Err(e) => {
                        tracing::warn!(presentation = %id, error = %e, "closing at the deadline failed");
                    }
                }
            }
            let mut watching = watched.lock().unwrap_or_else(PoisonError::into_inner);
            if watching.get(&id) == Some(&timer) {
                watching.remove(&id);
            }
        });
    }
}
