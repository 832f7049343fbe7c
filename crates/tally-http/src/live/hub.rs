//! The registry of this process's live channels: joining and releasing
//! them, and publishing changes to them.

use super::channel::{Channel, Membership, Role};
use super::ticker::LiveResults;
use crate::telemetry::Telemetry;
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use tally_domain::ports::{Ports, PresentationEvents};
use tally_domain::usecases::{GetPresentationError, Tally};
use tally_domain::{Presentation, PresentationId};
use tokio::sync::watch;

/// The live channels of this process.
#[derive(Default)]
pub struct LiveHub {
    channels: Mutex<HashMap<PresentationId, Arc<Channel>>>,
    /// Where tickers get results (the use cases), installed at start.
    pub(super) results: std::sync::OnceLock<Arc<dyn LiveResults>>,
    /// Turns true when the process is stopping: every socket closes cleanly.
    closing: watch::Sender<bool>,
    /// The timers this process closes voting at (see `deadline`).
    pub(super) deadlines: super::deadline::Watched,
    /// Bumped when a link is revoked on this process: every socket opened
    /// with a token checks it again at once (see `socket::Recheck`).
    recheck: watch::Sender<u64>,
}

impl std::fmt::Debug for LiveHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LiveHub")
    }
}

impl LiveHub {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    pub(super) fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PresentationId, Arc<Channel>>> {
        self.channels
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn existing(&self, id: PresentationId) -> Option<Arc<Channel>> {
        self.lock().get(&id).cloned()
    }

    /// Counts a listener in on the presentation's channel, loading its state
    /// on first use, until the returned membership is dropped.
    ///
    /// The count is taken under the same lock that releases idle channels,
    /// so a listener can never join a channel that is being released.
    pub(crate) async fn join<P: Ports>(
        self: &Arc<Self>,
        tally: &Tally<P>,
        id: PresentationId,
        role: Role,
        telemetry: Telemetry,
    ) -> Result<Membership, GetPresentationError> {
        loop {
            let loaded = match self.existing(id) {
                Some(_) => None,
                None => Some(tally.presentation(id).await?),
            };
            let mut channels = self.lock();
            let channel = match (channels.get(&id), loaded) {
                (Some(channel), _) => channel.clone(),
                (None, Some(presentation)) => channels
                    .entry(id)
                    .or_insert_with(|| Arc::new(Channel::new(&presentation)))
                    .clone(),
                // Released since we looked: load it afresh.
                (None, None) => continue,
            };
            role.counter(&channel).fetch_add(1, Ordering::AcqRel);
            drop(channels);
            telemetry.live_connection(role.label(), 1);
            return Ok(Membership {
                hub: self.clone(),
                channel,
                role,
                telemetry,
            });
        }
    }

    /// Forgets a channel nobody uses any more, so a long-running process
    /// does not keep every presentation it ever served.
    pub(super) fn release_if_idle(&self, channel: &Arc<Channel>) {
        let mut channels = self.lock();
        if !channel.in_use()
            && channels
                .get(&channel.id)
                .is_some_and(|current| Arc::ptr_eq(current, channel))
        {
            channels.remove(&channel.id);
        }
    }

    /// How many presentations this process holds live channels for.
    pub fn channels(&self) -> usize {
        self.lock().len()
    }

    /// Closes every live socket of this process with "going away" (on
    /// shutdown; clients reconnect to another process).
    pub fn close_all(&self) {
        self.closing.send_replace(true);
    }

    pub(crate) fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// A link was revoked here: every socket of this process opened with a
    /// token checks it again now, and the revoked link's close. Revocations
    /// are rare, so checking them all beats tracking which link each one
    /// holds; other processes catch up by their periodic check.
    pub fn recheck_access(&self) {
        self.recheck.send_modify(|generation| *generation += 1);
    }

    pub(crate) fn rechecks(&self) -> watch::Receiver<u64> {
        self.recheck.subscribe()
    }

    /// Installs where results tickers read results. Set once, at start.
    pub fn serve_results(&self, source: Arc<dyn LiveResults>) {
        let _ = self.results.set(source);
    }

    /// This hub as a subscriber of the domain's change events.
    pub fn events(self: &Arc<Self>) -> LiveEvents {
        LiveEvents(self.clone())
    }

    /// Sends the presentation as a change left it to this process's
    /// listeners (no reload), and starts the results ticker if it is now
    /// wanted.
    pub fn publish(&self, presentation: &Presentation) {
        // Whether or not anyone listens here: the close is a change every
        // process's listeners (and every read) must see.
        self.watch_deadline(presentation);
        if let Some(channel) = self.existing(presentation.id) {
            channel.publish(presentation);
            self.ensure_ticker(presentation.id, channel);
        }
    }

    /// The presentation was deleted: its listeners are told and let go.
    pub fn retire(&self, id: PresentationId) {
        if let Some(channel) = self.lock().remove(&id) {
            channel.retire();
        }
    }

    /// The presentations this process holds live channels for: after
    /// listening for other processes' changes was interrupted (a Redis
    /// outage), the ones whose changes it may have missed.
    pub fn presentations(&self) -> Vec<PresentationId> {
        self.lock().keys().copied().collect()
    }
}

/// The live hub as a subscriber of the domain's change events: a change
/// reaches this process's listeners at once, a deletion lets them go.
#[derive(Clone, Debug)]
pub struct LiveEvents(Arc<LiveHub>);

impl PresentationEvents for LiveEvents {
    async fn changed(&self, presentation: &Presentation) {
        self.0.publish(presentation);
    }

    async fn deleted(&self, id: PresentationId) {
        self.0.retire(id);
    }
}
