//! One presentation's live channels, and the listeners counted in them.

use super::hub::LiveHub;
use super::messages;
use crate::telemetry::Telemetry;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tally_domain::{PollId, Presentation, PresentationId, ResultsGate};
use tokio::sync::watch;

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

    pub(super) fn counter(self, channel: &Channel) -> &AtomicUsize {
        match self {
            Role::Audience | Role::Events => &channel.audience,
            Role::Presenter => &channel.presenters,
        }
    }
}

/// One live connection, counted in its channel (and the metrics) until it
/// is dropped, however the connection ends.
pub(crate) struct Membership {
    pub(super) hub: Arc<LiveHub>,
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

/// One presentation's channels.
#[derive(Debug)]
pub(crate) struct Channel {
    pub(super) id: PresentationId,
    pub state: watch::Sender<Arc<str>>,
    pub results: watch::Sender<Arc<str>>,
    /// Results for the audience: only fed while the presenter shows them
    /// and they are not held until voting closes.
    pub audience_results: watch::Sender<Arc<str>>,
    /// When the audience gets results, as of the last state published.
    pub(super) results_gate: Mutex<ResultsGate>,
    /// Audience sockets (and event streams) on this process.
    pub audience: AtomicUsize,
    /// Audience on the other processes, as the board last said.
    pub(super) audience_elsewhere: AtomicUsize,
    /// What this process last put on the board.
    pub(super) audience_reported: AtomicUsize,
    pub presenters: AtomicUsize,
    pub(super) version: Mutex<u64>,
    pub(super) current_poll: Mutex<Option<PollId>>,
    pub(super) ticking: AtomicBool,
    /// Set when the presentation is deleted: every listener is told (the
    /// `deleted` message on each stream) and let go.
    gone: AtomicBool,
}

impl Channel {
    pub(super) fn new(presentation: &Presentation) -> Self {
        Self {
            id: presentation.id,
            state: watch::Sender::new(messages::state(presentation).into()),
            results: watch::Sender::new(Arc::from("")),
            audience_results: watch::Sender::new(Arc::from("")),
            results_gate: Mutex::new(presentation.results_gate()),
            audience: AtomicUsize::new(0),
            audience_elsewhere: AtomicUsize::new(0),
            audience_reported: AtomicUsize::new(0),
            presenters: AtomicUsize::new(0),
            version: Mutex::new(presentation.slide.version),
            current_poll: Mutex::new(presentation.current_poll().map(|p| p.id)),
            ticking: AtomicBool::new(false),
            gone: AtomicBool::new(false),
        }
    }

    /// The presentation was deleted: every stream's newest message becomes
    /// `deleted`, and each listener, having sent it, lets go (sockets close
    /// normally, event streams end); the ticker stops. Through the streams
    /// listeners already read, so a socket waits on nothing more.
    pub(super) fn retire(&self) {
        // First the flag: a ticker update racing this sees it and stands
        // down, so `deleted` stays the newest message.
        self.gone.store(true, Ordering::Release);
        let deleted: Arc<str> = messages::deleted(self.id).into();
        for stream in [&self.state, &self.results, &self.audience_results] {
            stream.send_replace(deleted.clone());
        }
    }

    /// Whether the presentation was deleted.
    pub(crate) fn is_gone(&self) -> bool {
        self.gone.load(Ordering::Acquire)
    }

    /// Publishes a state unless this one or a newer one was published
    /// already. Every state change bumps the version, so an equal version is
    /// the same state: re-sending it (a process hearing its own
    /// announcement after a phone connected) sent phones a duplicate frame.
    pub(super) fn publish(&self, presentation: &Presentation) {
        let mut version = self
            .version
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if presentation.slide.version <= *version {
            return;
        }
        *version = presentation.slide.version;
        *self
            .current_poll
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            presentation.current_poll().map(|p| p.id);
        *self
            .results_gate
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = presentation.results_gate();
        self.state
            .send_replace(messages::state(presentation).into());
    }

    /// Whether the audience gets results now. Asked on every tick, not
    /// only when a state arrives: a timer closes voting (and releases held
    /// results) without one.
    pub(crate) fn results_visible(&self) -> bool {
        self.results_gate
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .open_at(std::time::SystemTime::now())
    }

    /// Whether anyone needs results: a presenter, or phones while the
    /// results are shown.
    pub(crate) fn wants_results(&self) -> bool {
        !self.is_gone()
            && (self.presenters.load(Ordering::Acquire) > 0
                || (self.results_visible() && self.audience.load(Ordering::Acquire) > 0))
    }

    /// The audience across every process: this process's, counted now,
    /// plus the others' as the board last said.
    pub(super) fn audience_everywhere(&self) -> usize {
        self.audience.load(Ordering::Acquire) + self.audience_elsewhere.load(Ordering::Acquire)
    }

    /// Someone listens here, or the board still holds this process's count.
    /// Such a channel is reported to the board (a presenter here wants the
    /// total; a count put there must be withdrawn); any other can go, and a
    /// later listener loads a fresh one.
    pub(super) fn in_use(&self) -> bool {
        self.audience.load(Ordering::Acquire) > 0
            || self.presenters.load(Ordering::Acquire) > 0
            || self.audience_reported.load(Ordering::Acquire) > 0
    }

    pub(super) fn current_poll(&self) -> Option<PollId> {
        *self
            .current_poll
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
