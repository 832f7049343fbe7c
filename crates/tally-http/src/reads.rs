//! The audience's reads served from memory: the presentation, the poll on
//! screen and join-code resolution, each serialised once per change.
//!
//! When a slide appears, every phone reads the poll at once; when the join
//! code is shown, every phone resolves it. Answering those from Postgres
//! costs the whole machine for seconds before anyone votes. Here each
//! presentation's answers are kept as ready JSON, per process, and Postgres
//! is read only on a miss (concurrent misses of one key share one read).
//!
//! **Freshness.**
//! - A change made by this process replaces the entry at once, through the
//!   change events ([`ReadEvents`]): the presenter reads their own write.
//! - A change made by another process arrives as its announcement (Redis
//!   pub/sub); the listener reloads it once and tells the same change
//!   events, so it reaches this cache before the live channels, as a local
//!   change does: milliseconds.
//! - While no announcements can arrive ([`ReadCache::set_announced`] false:
//!   pub/sub down, or a deployment without Redis), an entry older than
//!   `verify_after` is served once more and reloaded behind it, so a stale
//!   slide lives at most `verify_after` plus one read.
//! - Even while announcements arrive, an entry older than ten times
//!   `verify_after` is reloaded the same way: a subscription can stall
//!   without an error (a frozen Redis), and this bounds what that costs.
//!
//! **Wrong ids and codes** are answered from bounded negative caches, so a
//! burst of them does not reach Postgres: a deleted or unknown presentation
//! id for `GONE_FOR`, an unknown code for `UNKNOWN_CODE_FOR` (codes are
//! reused by new presentations, so that one is short, and an announced
//! creation clears it at once).
//!
//! **Codes this process does not know yet** are looked up once however
//! many phones ask at the same moment (the first join burst after a
//! restart), and at most `CODE_LOOKUPS_AT_ONCE` of them at a time: a flood
//! of *different* wrong codes gets 429 beyond that instead of reaching
//! Postgres. The bound is per process, not per client: a venue's network
//! puts thousands of phones behind one address, and a per-address limit
//! would refuse the ones that mistyped a code and then typed it right.
//!
//! **Memory** is bounded by weight: each entry weighs the bytes of its
//! answers plus a fixed overhead, entries idle for `idle_after` go first.

use crate::dto::{JoinBody, PollBody, PresentationBody};
use bytes::Bytes;
use moka::future::Cache;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tally_domain::kinds::PollSettings;
use tally_domain::ports::{Ports, PresentationEvents};
use tally_domain::usecases::{DeckSettings, GetPresentationError, JoinError, Tally};
use tally_domain::{JoinCode, PollId, Presentation, PresentationId};

/// How long a deleted or unknown presentation id is answered 404 from
/// memory. Ids are never reused, so this only bounds memory.
const GONE_FOR: Duration = Duration::from_secs(600);
/// How long an unknown join code is answered 404 from memory. A new
/// presentation may take the code; its announcement clears the entry at
/// once, this bounds the wait when announcements are down.
const UNKNOWN_CODE_FOR: Duration = Duration::from_secs(1);
/// While announcements arrive, entries are still checked this many times
/// less often than without them: the backstop for a silent stall.
const ANNOUNCED_VERIFY_FACTOR: u32 = 10;
/// Lookups of codes unknown to this process, at most at a time; more wait
/// up to `CODE_LOOKUP_WAIT`, then get 429.
const CODE_LOOKUPS_AT_ONCE: usize = 16;
const CODE_LOOKUP_WAIT: Duration = Duration::from_millis(500);
/// The retry hint sent with that 429.
pub const CODE_LOOKUP_RETRY_MS: u64 = 1_000;
/// Entries of each negative cache, at most.
const NEGATIVE_ENTRIES: u64 = 100_000;
/// What an entry weighs beyond its answers' bytes (the structs, the map's
/// own bookkeeping, the join-code entry), measured roughly.
const ENTRY_OVERHEAD: usize = 512;
/// Bytes one poll's settings take in a snapshot, about (a few keys, most of
/// them short).
const POLL_SETTINGS_WEIGHT: usize = 256;

/// How the cache is bounded and how long it trusts itself.
#[derive(Clone, Copy, Debug)]
pub struct ReadCacheSettings {
    /// Total weight (bytes of answers plus overhead) of the entries.
    pub max_bytes: u64,
    /// An entry nobody read for this long is dropped.
    pub idle_after: Duration,
    /// Without announcements, an entry older than this is reloaded.
    pub verify_after: Duration,
}

impl Default for ReadCacheSettings {
    fn default() -> Self {
        Self {
            max_bytes: 256 * 1024 * 1024,
            idle_after: Duration::from_secs(3600),
            verify_after: Duration::from_millis(100),
        }
    }
}

/// One presentation's answers, as they were at `version`.
#[derive(Debug)]
pub struct Snapshot {
    pub id: PresentationId,
    pub version: u64,
    join_code: String,
    loaded_at: Instant,
    /// A reload behind a served stale copy is under way.
    reloading: AtomicBool,
    /// `GET /presentations/{id}` (v4).
    pub presentation: Bytes,
    /// `GET /presentations/{id}/polls/current` (v4); `None`: no poll on
    /// screen (v4's 409).
    pub current_poll: Option<Bytes>,
    /// `GET /join/{code}`; `None` as above.
    pub join: Option<Bytes>,
    /// Each poll's type and settings, to check votes against.
    polls: Vec<(PollId, PollSettings, u32)>,
}

impl Snapshot {
    fn of(presentation: &Presentation) -> Self {
        let current = presentation.current_poll();
        Self {
            id: presentation.id,
            version: presentation.slide.version,
            join_code: presentation.join_code.as_str().to_owned(),
            loaded_at: Instant::now(),
            reloading: AtomicBool::new(false),
            presentation: json(&PresentationBody::from(presentation)),
            current_poll: current.map(|poll| json(&PollBody::from(poll))),
            polls: presentation
                .polls
                .iter()
                .map(|p| (p.id, p.settings.clone(), p.round))
                .collect(),
            join: current.map(|poll| {
                json(&JoinBody {
                    presentation_id: *presentation.id.as_uuid(),
                    join_code: presentation.join_code.as_str().to_owned(),
                    current_poll_index: presentation.slide.index,
                    poll_count: presentation.slide.poll_count,
                    state_version: presentation.slide.version,
                    voting_open: poll.voting_open,
                    poll: PollBody::from(poll),
                })
            }),
        }
    }

    /// Bytes held for this entry, as the bound counts them.
    pub fn weight(&self) -> usize {
        ENTRY_OVERHEAD
            + self.polls.len() * POLL_SETTINGS_WEIGHT
            + self.presentation.len()
            + self.current_poll.as_ref().map_or(0, Bytes::len)
            + self.join.as_ref().map_or(0, Bytes::len)
    }
}

/// What the ballot check reads: borrowed from the snapshot, so a vote
/// copies nothing.
impl DeckSettings for Snapshot {
    fn poll_settings(&self, poll: PollId) -> Option<(&PollSettings, u32)> {
        self.polls
            .iter()
            .find(|(p, _, _)| *p == poll)
            .map(|(_, s, round)| (s, *round))
    }
}

/// A body serialised once. The bodies are plain structs of strings and
/// numbers, which always serialise.
fn json<T: serde::Serialize>(body: &T) -> Bytes {
    Bytes::from(serde_json::to_vec(body).unwrap_or_default())
}

/// A bounded, short-lived cache: keys known to have no answer (`V = ()`),
/// or lookups under way, for `ttl`.
fn short_lived<K, V>(ttl: Duration) -> Cache<K, V>
where
    K: std::hash::Hash + Eq + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    Cache::builder()
        .max_capacity(NEGATIVE_ENTRIES)
        .time_to_live(ttl)
        .build()
}

/// The per-process cache of audience reads. See the module's text. Clones
/// share everything (moka's caches are handles).
#[derive(Clone, Debug)]
pub struct ReadCache {
    settings: ReadCacheSettings,
    presentations: Cache<PresentationId, Arc<Snapshot>>,
    codes: Cache<String, PresentationId>,
    unknown_codes: Cache<String, ()>,
    /// Codes being looked up in the store now, so that concurrent misses
    /// of one code share one lookup; kept for a moment only.
    resolving: Cache<String, PresentationId>,
    lookups: Arc<tokio::sync::Semaphore>,
    gone: Cache<PresentationId, ()>,
    announced: Arc<AtomicBool>,
}

/// Why a join code did not resolve.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("no presentation has this join code")]
    NotFound,
    /// Too many codes unknown here are being looked up at once (a burst of
    /// wrong codes): refused before reaching the store.
    #[error("too many join codes are being looked up at once")]
    Busy,
    #[error("the store is unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

impl ReadCache {
    pub fn new(settings: ReadCacheSettings) -> Arc<Self> {
        Arc::new(Self {
            settings,
            presentations: Cache::builder()
                .max_capacity(settings.max_bytes)
                .weigher(|_, snapshot: &Arc<Snapshot>| {
                    u32::try_from(snapshot.weight()).unwrap_or(u32::MAX)
                })
                .time_to_idle(settings.idle_after)
                .build(),
            codes: Cache::builder()
                .max_capacity(settings.max_bytes / ENTRY_OVERHEAD as u64)
                .time_to_idle(settings.idle_after)
                .build(),
            unknown_codes: short_lived(UNKNOWN_CODE_FOR),
            resolving: short_lived(UNKNOWN_CODE_FOR),
            lookups: Arc::new(tokio::sync::Semaphore::new(CODE_LOOKUPS_AT_ONCE)),
            gone: short_lived(GONE_FOR),
            announced: Arc::new(AtomicBool::new(false)),
        })
    }

    /// Whether other processes' changes reach this process now. While they
    /// do not, entries are reloaded once older than `verify_after`.
    pub fn set_announced(&self, announced: bool) {
        self.announced.store(announced, Ordering::Release);
    }

    /// The change subscriber that keeps this cache right.
    pub fn events(self: &Arc<Self>) -> ReadEvents {
        ReadEvents(self.clone())
    }

    /// The presentation's answers, from memory when possible.
    ///
    /// # Errors
    /// As [`Tally::presentation`].
    pub async fn presentation<P: Ports>(
        &self,
        tally: &Tally<P>,
        id: PresentationId,
    ) -> Result<Arc<Snapshot>, GetPresentationError> {
        if self.gone.contains_key(&id) {
            return Err(GetPresentationError::NotFound);
        }
        if let Some(snapshot) = self.presentations.get(&id).await {
            self.verify(tally, &snapshot);
            return Ok(snapshot);
        }
        let loaded = self
            .presentations
            .try_get_with(id, async {
                tally
                    .presentation(id)
                    .await
                    .map(|p| Arc::new(Snapshot::of(&p)))
            })
            .await;
        match loaded {
            Ok(snapshot) => {
                self.codes
                    .insert(snapshot.join_code.clone(), snapshot.id)
                    .await;
                Ok(snapshot)
            }
            Err(e) => match &*e {
                GetPresentationError::NotFound => {
                    self.gone.insert(id, ()).await;
                    Err(GetPresentationError::NotFound)
                }
                GetPresentationError::Unavailable(cause) => Err(GetPresentationError::Unavailable(
                    anyhow::anyhow!("{cause:#}"),
                )),
            },
        }
    }

    /// What a join code resolves to, from memory when possible.
    ///
    /// # Errors
    /// [`ResolveError`].
    pub async fn join<P: Ports>(
        &self,
        tally: &Tally<P>,
        code: &str,
    ) -> Result<Arc<Snapshot>, ResolveError> {
        // Malformed codes match nothing and are not worth remembering.
        let Ok(code) = JoinCode::parse(code) else {
            return Err(ResolveError::NotFound);
        };
        let code = code.as_str();
        if self.unknown_codes.contains_key(code) {
            return Err(ResolveError::NotFound);
        }
        let id = match self.codes.get(code).await {
            Some(id) => id,
            None => self.look_up(tally, code).await?,
        };
        if let Some(answer) = self.held_by(tally, id, code).await {
            return answer;
        }
        // The code was freed, and perhaps taken by another presentation:
        // looked up afresh, once.
        self.codes.invalidate(code).await;
        self.resolving.invalidate(code).await;
        let id = self.look_up(tally, code).await?;
        self.held_by(tally, id, code)
            .await
            .unwrap_or(Err(ResolveError::NotFound))
    }

    /// Presentation `id`'s answers if it still holds `code`; `None` if it
    /// holds another code now or is gone.
    async fn held_by<P: Ports>(
        &self,
        tally: &Tally<P>,
        id: PresentationId,
        code: &str,
    ) -> Option<Result<Arc<Snapshot>, ResolveError>> {
        match self.presentation(tally, id).await {
            Ok(snapshot) if snapshot.join_code == code => Some(Ok(snapshot)),
            Ok(_) | Err(GetPresentationError::NotFound) => None,
            Err(GetPresentationError::Unavailable(e)) => Some(Err(ResolveError::Unavailable(e))),
        }
    }

    /// Looks a code up in the store: once for all concurrent callers, and
    /// within the bound on lookups at once.
    async fn look_up<P: Ports>(
        &self,
        tally: &Tally<P>,
        code: &str,
    ) -> Result<PresentationId, ResolveError> {
        let found = self
            .resolving
            .try_get_with(code.to_owned(), async {
                let _permit = tokio::time::timeout(CODE_LOOKUP_WAIT, self.lookups.acquire())
                    .await
                    .map_err(|_| ResolveError::Busy)?;
                match tally.join(code).await {
                    Ok(presentation) => Ok(self.remember(&presentation).await.id),
                    Err(JoinError::NotFound) => {
                        self.unknown_codes.insert(code.to_owned(), ()).await;
                        Err(ResolveError::NotFound)
                    }
                    Err(JoinError::Unavailable(e)) => Err(ResolveError::Unavailable(e)),
                }
            })
            .await;
        found.map_err(|e| match &*e {
            ResolveError::NotFound => ResolveError::NotFound,
            ResolveError::Busy => ResolveError::Busy,
            ResolveError::Unavailable(cause) => {
                ResolveError::Unavailable(anyhow::anyhow!("{cause:#}"))
            }
        })
    }

    /// After a read of `id` that failed for another reason than "not
    /// found" (an announced change could not be loaded): drops the entry,
    /// so the next read loads it.
    pub async fn invalidate(&self, id: PresentationId) {
        self.presentations.invalidate(&id).await;
    }

    /// The presentation read afresh from the store (and cached): for a
    /// caller that found the cached copy stale.
    pub async fn reloaded<P: Ports>(
        &self,
        tally: &Tally<P>,
        id: PresentationId,
    ) -> Result<Arc<Snapshot>, GetPresentationError> {
        self.invalidate(id).await;
        self.presentation(tally, id).await
    }

    /// Caches `presentation` unless a newer state is cached already: after
    /// this process's change, or another's announced one (which also stops
    /// a new presentation's code being "unknown" here).
    pub async fn remember(&self, presentation: &Presentation) -> Arc<Snapshot> {
        use moka::ops::compute::Op;
        let fresh = Arc::new(Snapshot::of(presentation));
        let code = fresh.join_code.clone();
        let entry = self
            .presentations
            .entry(presentation.id)
            .and_compute_with(|cached| {
                let op = match cached {
                    Some(cached) if cached.value().version > fresh.version => Op::Nop,
                    _ => Op::Put(fresh.clone()),
                };
                std::future::ready(op)
            })
            .await;
        self.gone.invalidate(&presentation.id).await;
        self.unknown_codes.invalidate(&code).await;
        self.codes.insert(code, presentation.id).await;
        entry.into_entry().map_or(fresh, |e| e.into_value())
    }

    /// The presentation was deleted (here or, announced, elsewhere).
    pub async fn forget(&self, id: PresentationId) {
        if let Some(snapshot) = self.presentations.remove(&id).await {
            self.codes.invalidate(&snapshot.join_code).await;
        }
        self.gone.insert(id, ()).await;
    }

    /// Starts one reload of an entry older than its maximum age; the caller
    /// serves the copy it has meanwhile.
    fn verify<P: Ports>(&self, tally: &Tally<P>, snapshot: &Arc<Snapshot>) {
        // A subscription can stall without an error (a frozen Redis), so
        // even announced entries are checked, less often.
        let max_age = if self.announced.load(Ordering::Acquire) {
            self.settings.verify_after * ANNOUNCED_VERIFY_FACTOR
        } else {
            self.settings.verify_after
        };
        if snapshot.loaded_at.elapsed() < max_age || snapshot.reloading.swap(true, Ordering::AcqRel)
        {
            return;
        }
        let (cache, tally, id) = (self.clone(), tally.clone(), snapshot.id);
        tokio::spawn(async move {
            match tally.presentation(id).await {
                // Version-guarded: a change told meanwhile is not undone.
                Ok(presentation) => {
                    cache.remember(&presentation).await;
                }
                Err(GetPresentationError::NotFound) => cache.forget(id).await,
                // The next read loads it afresh.
                Err(GetPresentationError::Unavailable(_)) => cache.invalidate(id).await,
            }
        });
    }

    /// Drops every entry: announcements may have been missed (this process
    /// was not listening). Reads then reload, one per presentation.
    pub fn reload_all(&self) {
        self.presentations.invalidate_all();
    }

    /// Entries held now, and their weight in bytes (after pending
    /// evictions have run).
    pub async fn usage(&self) -> (u64, u64) {
        self.presentations.run_pending_tasks().await;
        (
            self.presentations.entry_count(),
            self.presentations.weighted_size(),
        )
    }
}

/// Keeps the cache right after every change: this process's own, and
/// (through the domain's `Announcements`) those other processes announce.
#[derive(Clone, Debug)]
pub struct ReadEvents(Arc<ReadCache>);

impl PresentationEvents for ReadEvents {
    async fn changed(&self, presentation: &Presentation) {
        self.0.remember(presentation).await;
    }

    async fn deleted(&self, id: PresentationId) {
        self.0.forget(id).await;
    }
}

#[cfg(test)]
mod events_contract;

#[cfg(test)]
mod tests;
