//! In-memory fakes of every domain port, over one shared state: a
//! [`FakeWorld`]. The store, both intakes, the ledger, the queue and the
//! archive all read and write the same presentations and votes, as the real
//! adapters do through Postgres and Redis, so a use case or a handler can be
//! tested with no server at all. Each fake passes the same contract suite
//! as the real adapters (see `tests/fakes.rs`).
//!
//! The world can be made to fail ([`FakeWorld::fail`]): every data port then
//! answers with its "unavailable" error, to test the paths that handle one.

mod board;
mod clock;
mod contests;
mod links;
mod observers;
mod store;
mod votes;

pub use board::FakeBoard;
pub use clock::FakeClock;
pub use contests::FakeContests;
pub use observers::{FakeEvents, FakeMetrics, FakePermit, FakeSwitch, Told};
pub use store::FakeStore;
pub use votes::{FakeArchive, FakeIntake, FakeLedger, FakeQueue};

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tally_domain::ports::{Ports, QueuedVote};
use tally_domain::usecases::{Adapters, Tally};
use tally_domain::{ParticipantId, PollId, Presentation, PresentationId, PresenterAccess};
use tokio::sync::Notify;

/// A stored presentation and who may drive it.
#[derive(Clone, Debug)]
struct Stored {
    presentation: Presentation,
    access: PresenterAccess,
    /// The presentation's own links, oldest first, with their hashes.
    links: Vec<(tally_domain::PresentationLink, tally_domain::TokenHash)>,
    /// The presenter's notes, by poll, kept apart from the polls as the
    /// store's contract asks.
    notes: Vec<(PollId, tally_domain::PresenterNotes)>,
    settings: tally_domain::settings::PresentationSettings,
    logo: Option<tally_domain::settings::StoredLogo>,
    /// Every stored deck edit, oldest first, with the revision it made.
    edits: Vec<(tally_domain::deck::DeckRev, tally_domain::deck::DeckEdit)>,
}

/// A vote in the queue, and to whom it was handed and when.
#[derive(Clone, Debug)]
struct Entry {
    vote: QueuedVote,
    delivered: Option<(String, u64)>,
}

/// Each poll's votes: participant to encoded choice.
type Votes = HashMap<PollId, BTreeMap<ParticipantId, String>>;

/// Each poll's rows in the source of truth, per round: participant to its
/// latest action.
type Rows = HashMap<(PollId, u32), BTreeMap<ParticipantId, Row>>;

/// A participant's latest action on a poll in a round.
#[derive(Clone, Debug)]
struct Row {
    /// The encoded choice, or `None` once retracted.
    choice: Option<String>,
    /// The version of the action that wrote it.
    version: i64,
    /// When it was acknowledged, in milliseconds since the epoch.
    accepted_at_ms: u64,
}

#[derive(Debug, Default)]
struct State {
    presenters: HashMap<[u8; 32], tally_domain::PresenterId>,
    presentations: BTreeMap<PresentationId, Stored>,
    /// Votes an intake acknowledged: what the ledger reads.
    accepted: Votes,
    /// Votes in the source of truth: written by the direct intake and the
    /// archive.
    stored: Rows,
    /// Display names, per presentation and participant.
    names: HashMap<(PresentationId, ParticipantId), tally_domain::kinds::DisplayName>,
    /// Q&A questions, by id.
    questions: BTreeMap<tally_domain::QuestionId, board::Question>,
    /// The presenter's decisions on entries, per poll.
    decisions: HashMap<PollId, BTreeMap<String, tally_domain::kinds::Decision>>,
    /// A poll's definition in a round a deck edit closed (what the round's
    /// votes were cast against), by poll and round.
    round_definitions: HashMap<(PollId, u32), tally_domain::Poll>,
    /// Stored images by id, and which presentations uploaded each, when
    /// they last did.
    images: HashMap<
        tally_domain::deck::image::ImageId,
        (
            tally_domain::deck::image::StoredImage,
            std::collections::BTreeMap<PresentationId, std::time::SystemTime>,
        ),
    >,
    /// The queue between the fast intake and the archive, in order.
    queue: BTreeMap<u64, Entry>,
    next_entry: u64,
}

impl State {
    fn poll(&self, id: PollId) -> Option<(&Stored, usize)> {
        self.presentations.values().find_map(|stored| {
            let index = stored.presentation.polls.iter().position(|p| p.id == id)?;
            Some((stored, index))
        })
    }
}

/// The shared state behind every fake. Cheap to clone; clones share.
#[derive(Clone, Debug, Default)]
pub struct FakeWorld {
    state: Arc<Mutex<State>>,
    failing: Arc<AtomicBool>,
    /// Creations still to refuse with "join code taken".
    refused_codes: Arc<AtomicUsize>,
    /// Woken when a vote is queued, for a queue read that waits.
    queued: Arc<Notify>,
    clock: FakeClock,
    code_lookups: Arc<CodeLookups>,
    /// Judged contests: a store of their own (they share no state with the
    /// presentations but the poll ids a test tells them of).
    contests: FakeContests,
}

/// What the store saw of join-code lookups, and how long each takes.
#[derive(Debug, Default)]
struct CodeLookups {
    started: AtomicUsize,
    in_flight: AtomicUsize,
    peak: AtomicUsize,
    delay_ms: AtomicU64,
}

/// Join-code lookups the store answered: how many, and the most at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LookupCount {
    pub total: usize,
    pub peak: usize,
}

impl FakeWorld {
    pub fn new() -> Self {
        Self::default()
    }

    /// The clock the queue stamps deliveries with, and timers run on.
    pub fn clock(&self) -> &FakeClock {
        &self.clock
    }

    /// The contest store the world's application runs on.
    pub fn contests(&self) -> FakeContests {
        self.contests.clone()
    }

    /// The world's time, as the store and the intakes see it.
    pub(crate) fn now(&self) -> std::time::SystemTime {
        use tally_domain::ports::Clock as _;
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(self.clock.now_ms())
    }

    /// While `true`, every data port answers "unavailable" and changes
    /// nothing.
    pub fn fail(&self, failing: bool) {
        self.failing.store(failing, Ordering::SeqCst);
    }

    /// The next `n` creations find their join code taken.
    pub fn refuse_join_codes(&self, n: usize) {
        self.refused_codes.store(n, Ordering::SeqCst);
    }

    /// Each join-code lookup takes this long from now on (tokio's timer;
    /// pause time in the test to make it instant). Without it, a lookup
    /// still yields once, as a real one waits on the network.
    pub fn slow_join_code_lookups(&self, each: std::time::Duration) {
        let ms = u64::try_from(each.as_millis()).unwrap_or(u64::MAX);
        self.code_lookups.delay_ms.store(ms, Ordering::SeqCst);
    }

    /// The join-code lookups the store has answered so far.
    pub fn join_code_lookups(&self) -> LookupCount {
        LookupCount {
            total: self.code_lookups.started.load(Ordering::SeqCst),
            peak: self.code_lookups.peak.load(Ordering::SeqCst),
        }
    }

    /// Runs `lookup` as one join-code lookup: counted, and as slow as set.
    async fn code_lookup<T>(&self, lookup: impl FnOnce() -> T) -> T {
        let counts = &self.code_lookups;
        counts.started.fetch_add(1, Ordering::SeqCst);
        let now = counts.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        counts.peak.fetch_max(now, Ordering::SeqCst);
        match counts.delay_ms.load(Ordering::SeqCst) {
            0 => tokio::task::yield_now().await,
            ms => tokio::time::sleep(std::time::Duration::from_millis(ms)).await,
        }
        counts.in_flight.fetch_sub(1, Ordering::SeqCst);
        lookup()
    }

    fn refuses_join_code(&self) -> bool {
        self.refused_codes
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
    }

    fn failing(&self) -> bool {
        self.failing.load(Ordering::SeqCst)
    }

    /// `Ok` unless the world is failing; then the "unavailable" error `E`
    /// wraps (each port has its own error type).
    fn available<E>(&self, error: impl FnOnce(anyhow::Error) -> E) -> Result<(), E> {
        if self.failing() {
            return Err(error(unavailable()));
        }
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn store(&self) -> FakeStore {
        FakeStore::new(self.clone())
    }

    /// An intake that stores votes in the source of truth at once (as the
    /// Postgres intake does).
    pub fn direct_intake(&self) -> FakeIntake {
        FakeIntake::direct(self.clone())
    }

    /// An intake that acknowledges votes and queues them for the archive
    /// (as the Redis intake does).
    pub fn queued_intake(&self) -> FakeIntake {
        FakeIntake::queued(self.clone())
    }

    pub fn board(&self) -> FakeBoard {
        FakeBoard::new(self.clone())
    }

    pub fn ledger(&self) -> FakeLedger {
        FakeLedger::new(self.clone())
    }

    pub fn queue(&self, consumer: &str) -> FakeQueue {
        FakeQueue::new(self.clone(), consumer)
    }

    pub fn archive(&self) -> FakeArchive {
        FakeArchive::new(self.clone())
    }

    /// Rows in the source of truth, over every poll.
    pub fn stored_votes(&self) -> usize {
        self.lock()
            .stored
            .values()
            .flat_map(BTreeMap::values)
            .filter(|row| row.choice.is_some())
            .count()
    }

    /// The source of truth's vote on `poll` by `participant`, in the poll's
    /// latest round.
    pub fn stored_vote(&self, poll: PollId, participant: ParticipantId) -> Option<String> {
        let state = self.lock();
        let (_, rows) = state
            .stored
            .iter()
            .filter(|((id, _), _)| *id == poll)
            .max_by_key(|((_, round), _)| *round)?;
        rows.get(&participant)?.choice.clone()
    }

    /// Votes queued and not yet acknowledged.
    pub fn queued_votes(&self) -> usize {
        self.lock().queue.len()
    }

    /// The application on fakes: direct intake, recorded events and
    /// metrics, as the HTTP layer's and the use cases' unit tests want it.
    pub fn tally(&self, open_mode: bool) -> (Tally<FakePorts>, FakeEvents, FakeMetrics) {
        let (events, metrics) = (FakeEvents::default(), FakeMetrics::default());
        let tally = Tally::new(
            Adapters {
                store: self.store(),
                intake: self.direct_intake(),
                ledger: self.ledger(),
                metrics: metrics.clone(),
                events: events.clone(),
                board: self.board(),
                contests: self.contests(),
            },
            open_mode,
        );
        (tally, events, metrics)
    }
}

/// Every port on the fakes.
#[derive(Debug)]
pub struct FakePorts;

impl Ports for FakePorts {
    type Store = FakeStore;
    type Intake = FakeIntake;
    type Ledger = FakeLedger;
    type Metrics = FakeMetrics;
    type Events = FakeEvents;
    type Board = FakeBoard;
    type Contests = FakeContests;
}

/// The error the fakes answer with while the world fails.
fn unavailable() -> anyhow::Error {
    anyhow::anyhow!("the fake world is failing on purpose")
}
