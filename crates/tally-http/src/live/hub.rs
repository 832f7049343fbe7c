use super::{messages, RESULTS_EVERY};
use crate::telemetry::Telemetry;
use futures::future::BoxFuture;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tally_domain::ports::Ports;
use tally_domain::usecases::{GetPresentationError, Tally};
use tally_domain::{PollId, Presentation, PresentationId};
use tokio::sync::watch;

/// Called after a local state change, to tell other processes.
pub type ChangeHook = Box<dyn Fn(PresentationId) + Send + Sync>;

/// Where processes pool their audience counts, so a presenter sees the
/// audience of every process (with several processes: Redis). Without one,
/// presenters see this process's audience.
pub trait AudienceBoard: Send + Sync + 'static {
    /// Records this process's audience for each presentation (0 withdraws
    /// it) and returns each presentation's audience across every process,
    /// in the same order.
    ///
    /// # Errors
    /// When the board cannot be reached; the totals are unknown then, and
    /// the caller falls back to its own counts.
    fn report<'a>(
        &'a self,
        counts: &'a [(PresentationId, usize)],
    ) -> BoxFuture<'a, Result<Vec<usize>, String>>;
}

/// Who a live connection is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Role {
    /// A phone on the audience WebSocket.
    Audience,
    /// A phone on the audience event stream (SSE).
    Events,
    /// A presenter screen.
    Presenter,
}

impl Role {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Role::Audience => "audience",
            Role::Events => "events",
            Role::Presenter => "presenter",
        }
    }

    fn counter(self, channel: &Channel) -> &AtomicUsize {
        match self {
            Role::Audience | Role::Events => &channel.audience,
            Role::Presenter => &channel.presenters,
        }
    }
}

/// One live connection, counted in its channel (and the metrics) until it
/// is dropped, however the connection ends.
pub(crate) struct Membership {
    hub: Arc<LiveHub>,
    pub channel: Arc<Channel>,
    pub role: Role,
    pub telemetry: Telemetry,
}

impl Drop for Membership {
    fn drop(&mut self) {
        self.telemetry.live_connection(self.role.label(), -1);
        if self
            .role
            .counter(&self.channel)
            .fetch_sub(1, Ordering::AcqRel)
            == 1
        {
            self.hub.release_if_idle(&self.channel);
        }
    }
}

/// The live channels of this process.
#[derive(Default)]
pub struct LiveHub {
    channels: Mutex<HashMap<PresentationId, Arc<Channel>>>,
    on_change: std::sync::OnceLock<ChangeHook>,
    /// Turns true when the process is stopping: every socket closes cleanly.
    closing: watch::Sender<bool>,
}

impl std::fmt::Debug for LiveHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LiveHub")
    }
}

/// One presentation's channels.
#[derive(Debug)]
pub(crate) struct Channel {
    id: PresentationId,
    pub state: watch::Sender<Arc<str>>,
    pub results: watch::Sender<Arc<str>>,
    /// Results for the audience: only fed while the presenter shows them.
    pub audience_results: watch::Sender<Arc<str>>,
    results_visible: AtomicBool,
    /// Audience sockets (and event streams) on this process.
    pub audience: AtomicUsize,
    /// Audience on the other processes, as the board last said.
    audience_elsewhere: AtomicUsize,
    /// What this process last put on the board.
    audience_reported: AtomicUsize,
    pub presenters: AtomicUsize,
    version: Mutex<u64>,
    current_poll: Mutex<Option<PollId>>,
    ticking: AtomicBool,
}

impl Channel {
    fn new(presentation: &Presentation) -> Self {
        Self {
            id: presentation.id,
            state: watch::Sender::new(messages::state(presentation).into()),
            results: watch::Sender::new(Arc::from("")),
            audience_results: watch::Sender::new(Arc::from("")),
            results_visible: AtomicBool::new(
                presentation
                    .current_poll()
                    .is_some_and(|p| p.results_visible),
            ),
            audience: AtomicUsize::new(0),
            audience_elsewhere: AtomicUsize::new(0),
            audience_reported: AtomicUsize::new(0),
            presenters: AtomicUsize::new(0),
            version: Mutex::new(presentation.slide.version),
            current_poll: Mutex::new(presentation.current_poll().map(|p| p.id)),
            ticking: AtomicBool::new(false),
        }
    }

    /// Publishes a state unless a newer one was published already.
    fn publish(&self, presentation: &Presentation) {
        let mut version = self
            .version
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if presentation.slide.version < *version {
            return;
        }
        *version = presentation.slide.version;
        *self
            .current_poll
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            presentation.current_poll().map(|p| p.id);
        self.results_visible.store(
            presentation
                .current_poll()
                .is_some_and(|p| p.results_visible),
            Ordering::Release,
        );
        self.state
            .send_replace(messages::state(presentation).into());
    }

    pub(crate) fn results_visible(&self) -> bool {
        self.results_visible.load(Ordering::Acquire)
    }

    /// Whether anyone needs results: a presenter, or phones while the
    /// results are shown.
    pub(crate) fn wants_results(&self) -> bool {
        self.presenters.load(Ordering::Acquire) > 0
            || (self.results_visible() && self.audience.load(Ordering::Acquire) > 0)
    }

    /// The audience across every process: this process's, counted now,
    /// plus the others' as the board last said.
    fn audience_everywhere(&self) -> usize {
        self.audience.load(Ordering::Acquire) + self.audience_elsewhere.load(Ordering::Acquire)
    }

    /// Someone listens here, or the board still holds this process's count.
    /// Such a channel is reported to the board (a presenter here wants the
    /// total; a count put there must be withdrawn); any other can go, and a
    /// later listener loads a fresh one.
    fn in_use(&self) -> bool {
        self.audience.load(Ordering::Acquire) > 0
            || self.presenters.load(Ordering::Acquire) > 0
            || self.audience_reported.load(Ordering::Acquire) > 0
    }

    fn current_poll(&self) -> Option<PollId> {
        *self
            .current_poll
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl LiveHub {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PresentationId, Arc<Channel>>> {
        self.channels
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn existing(&self, id: PresentationId) -> Option<Arc<Channel>> {
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
    fn release_if_idle(&self, channel: &Arc<Channel>) {
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

    /// Installs what tells other processes about a change made here (with
    /// several processes: a Redis publish). Set once, at start.
    pub fn on_change(&self, hook: ChangeHook) {
        let _ = self.on_change.set(hook);
    }

    /// After a slide or voting change made through this process: sends the
    /// presentation as the change left it to this process's sockets (no
    /// reload) and tells the other processes.
    pub fn publish<P: Ports>(&self, tally: &Tally<P>, presentation: &Presentation) {
        if let Some(channel) = self.existing(presentation.id) {
            self.publish_to(tally, channel, presentation);
        }
        if let Some(hook) = self.on_change.get() {
            hook(presentation.id);
        }
    }

    fn publish_to<P: Ports>(
        &self,
        tally: &Tally<P>,
        channel: Arc<Channel>,
        presentation: &Presentation,
    ) {
        channel.publish(presentation);
        self.ensure_ticker(tally.clone(), presentation.id, channel);
    }

    /// After another process announced a change: loads the presentation and
    /// sends it to this process's sockets. Cheap when nobody here listens.
    pub async fn refresh_local<P: Ports>(&self, tally: &Tally<P>, id: PresentationId) {
        let Some(channel) = self.existing(id) else {
            return;
        };
        match tally.presentation(id).await {
            Ok(presentation) => self.publish_to(tally, channel, &presentation),
            Err(e) => {
                tracing::warn!(presentation = %id, error = %e, "could not refresh a live channel")
            }
        }
    }

    /// Shares this process's audience counts on `board` every `every`, so
    /// presenters see the audience of all processes (at most `every` old
    /// for the others; this process's own count is always current). On
    /// `shutdown`, withdraws this process's counts.
    pub async fn share_audience(
        self: Arc<Self>,
        board: Arc<dyn AudienceBoard>,
        every: Duration,
        mut shutdown: watch::Receiver<bool>,
    ) {
        let mut failing = false;
        loop {
            tokio::select! {
                () = tokio::time::sleep(every) => {}
                _ = shutdown.changed() => break,
            }
            match self.report_audience(&*board, false).await {
                Ok(()) if failing => {
                    failing = false;
                    tracing::info!("audience board reachable again");
                }
                Err(e) if !failing => {
                    failing = true;
                    tracing::warn!(error = %e, "audience board unreachable; presenters see this process's audience only");
                }
                _ => {}
            }
        }
        // Bounded: a board that is down must not hold up the shutdown (its
        // entries expire by themselves).
        let withdraw = self.report_audience(&*board, true);
        if let Ok(Err(e)) = tokio::time::timeout(Duration::from_secs(1), withdraw).await {
            tracing::warn!(error = %e, "could not withdraw the audience counts");
        }
    }

    async fn report_audience(
        &self,
        board: &dyn AudienceBoard,
        withdraw: bool,
    ) -> Result<(), String> {
        let channels: Vec<(PresentationId, Arc<Channel>)> = self
            .lock()
            .iter()
            .filter(|(_, channel)| channel.in_use())
            .map(|(id, channel)| (*id, channel.clone()))
            .collect();
        if channels.is_empty() {
            return Ok(());
        }
        let counts: Vec<(PresentationId, usize)> = channels
            .iter()
            .map(|(id, channel)| {
                let here = if withdraw {
                    0
                } else {
                    channel.audience.load(Ordering::Acquire)
                };
                (*id, here)
            })
            .collect();
        match board.report(&counts).await {
            Ok(totals) => {
                for ((_, channel), ((_, here), total)) in
                    channels.iter().zip(counts.iter().zip(totals))
                {
                    channel.audience_reported.store(*here, Ordering::Release);
                    channel
                        .audience_elsewhere
                        .store(total.saturating_sub(*here), Ordering::Release);
                    if *here == 0 {
                        self.release_if_idle(channel);
                    }
                }
                Ok(())
            }
            Err(e) => {
                // Unknown totals: show what this process knows rather than
                // a figure that may be long stale.
                for (_, channel) in &channels {
                    channel.audience_elsewhere.store(0, Ordering::Release);
                }
                Err(e)
            }
        }
    }

    /// Refreshes every channel of this process from the store: after
    /// listening for other processes' changes was interrupted (a Redis
    /// outage), changes made meanwhile were never announced here.
    pub async fn refresh_all_local<P: Ports>(&self, tally: &Tally<P>) {
        let ids: Vec<PresentationId> = self.lock().keys().copied().collect();
        for id in ids {
            self.refresh_local(tally, id).await;
        }
    }

    /// Starts the results ticker of a channel if anyone wants results and
    /// it is not running already. It stops by itself when nobody does.
    pub(crate) fn ensure_ticker<P: Ports>(
        &self,
        tally: Tally<P>,
        id: PresentationId,
        channel: Arc<Channel>,
    ) {
        if !channel.wants_results() || channel.ticking.swap(true, Ordering::AcqRel) {
            return;
        }
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(RESULTS_EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            while channel.wants_results() {
                tick.tick().await;
                let Some(poll) = channel.current_poll() else {
                    continue;
                };
                match tally.live_results(id, poll).await {
                    Ok(results) => {
                        let audience = channel.audience_everywhere();
                        let message: Arc<str> = messages::results(results, audience).into();
                        // Only changes are sent: serialised once, compared once.
                        let update = |current: &mut Arc<str>| {
                            if *current == message {
                                false
                            } else {
                                *current = message.clone();
                                true
                            }
                        };
                        channel.results.send_if_modified(update);
                        if channel.results_visible() {
                            channel.audience_results.send_if_modified(update);
                        }
                    }
                    Err(e) => {
                        tracing::warn!(presentation = %id, error = %e, "live results unavailable")
                    }
                }
            }
            channel.ticking.store(false, Ordering::Release);
        });
    }
}
