//! The state mirror: what the vote script checks, copied from Postgres.

use crate::deck::Deck;
use crate::keys::{Keys, ACTIVE, ACTIVE_ADDED, GROUP};
use crate::scripts::{ACTIVATE, INSTALL, MERGE, PRUNE_CONSUMERS, RETIRE};
use crate::Redis;
use anyhow::Context as _;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tally_domain::ports::{PresentationStore, VoteLedger};
use tally_domain::{Presentation, PresentationId, VoteRecord};

/// How long an id unknown to Postgres is remembered as absent.
const ABSENT_SECONDS: u64 = 5;
/// Votes per MERGE call, to keep each script short.
const MERGE_CHUNK: usize = 1_000;

/// What one [`RedisMirror::sweep`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Mirrors retired (or found gone).
    pub retired: u64,
    /// Mirrors kept: in use, or with votes still to flush.
    pub kept: u64,
    /// Idle flusher consumers deleted.
    pub consumers_deleted: u64,
}

/// Mirrors retired per pipelined round trip.
const SWEEP_CHUNK: usize = 500;

/// Writes the mirror.
#[derive(Clone, Debug)]
pub struct RedisMirror {
    redis: Redis,
}

/// What [`RedisMirror::install`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Installed {
    /// There was no mirror; votes must be merged in too.
    Fresh,
    Updated,
    /// The mirror already had a newer version; nothing changed.
    Stale,
}

impl RedisMirror {
    pub fn new(redis: Redis) -> Self {
        Self { redis }
    }

    /// Mirrors the presentation's state (slide, voting state per poll, polls,
    /// option keys, deck), unless the mirror is newer. Also makes sure the
    /// vote stream and its consumer group exist, before any vote can be
    /// appended, so flushers never miss an entry, and tells the flushers
    /// of a stream new to their set ([`ACTIVE_ADDED`]).
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn install(&self, presentation: &Presentation) -> anyhow::Result<Installed> {
        let keys = Keys::new(presentation.id);
        let mut conn = self.redis.conn()?;
        let created: redis::RedisResult<()> = redis::cmd("XGROUP")
            .arg("CREATE")
            .arg(keys.stream())
            .arg(GROUP)
            .arg("0")
            .arg("MKSTREAM")
            .query_async(&mut conn)
            .await;
        if let Err(e) = created {
            if e.code() != Some("BUSYGROUP") {
                return Err(e).context("creating the vote stream");
            }
        }
        let deck = serde_json::to_string(&Deck::of(presentation))?;
        let mut invocation = INSTALL.prepare_invoke();
        invocation
            .key(keys.state())
            .key(keys.polls())
            .key(keys.deck());
        invocation
            .arg(presentation.slide.version)
            .arg(
                presentation
                    .current_poll()
                    .map(|p| p.id.to_string())
                    .unwrap_or_default(),
            )
            .arg(deck)
            .arg(keys.prefix());
        for poll in &presentation.polls {
            invocation.key(keys.options(poll.id));
            invocation
                .arg(poll.id.to_string())
                .arg(if poll.voting_open { "1" } else { "0" })
                .arg(poll.settings.kind.as_str())
                .arg(if poll.settings.allow_change { "1" } else { "0" })
                .arg(poll.deadline.map_or(0, epoch_ms))
                .arg(poll.round)
                .arg(poll.options.len());
            for option in &poll.options {
                invocation.arg(option.key.as_str());
            }
        }
        let outcome: String = invocation
            .invoke_async(&mut conn)
            .await
            .context("installing the mirror")?;
        let added: u64 = redis::cmd("SADD")
            .arg(ACTIVE)
            .arg(presentation.id.to_string())
            .query_async(&mut conn)
            .await?;
        if added > 0 {
            // After the SADD: a flusher that sees the new count finds the
            // stream in the set.
            let _: u64 = redis::cmd("INCR")
                .arg(ACTIVE_ADDED)
                .query_async(&mut conn)
                .await?;
        }
        Ok(match outcome.as_str() {
            "fresh" => Installed::Fresh,
            "stale" => Installed::Stale,
            _ => Installed::Updated,
        })
    }

    /// Opens a fresh mirror to votes (after its votes are merged).
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn activate(&self, presentation: PresentationId) -> anyhow::Result<()> {
        let mut conn = self.redis.conn()?;
        let _: i64 = ACTIVATE
            .key(Keys::new(presentation).state())
            .invoke_async(&mut conn)
            .await
            .context("activating the mirror")?;
        Ok(())
    }

    /// Adds votes the mirror lacks; returns how many were new to it.
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn merge(
        &self,
        presentation: PresentationId,
        poll: tally_domain::PollId,
        votes: &[VoteRecord],
    ) -> anyhow::Result<u64> {
        let keys = Keys::new(presentation);
        let mut conn = self.redis.conn()?;
        let mut added = 0;
        for chunk in votes.chunks(MERGE_CHUNK) {
            let mut invocation = MERGE.prepare_invoke();
            invocation.key(keys.voters(poll)).key(keys.counts(poll));
            for vote in chunk {
                invocation
                    .arg(vote.participant.to_string())
                    .arg(vote.choice.as_str());
            }
            let n: u64 = invocation.invoke_async(&mut conn).await?;
            added += n;
        }
        Ok(added)
    }

    /// Forgets a deleted presentation, its counters and its stream. Its
    /// polls are the ones the mirror lists: polls are fixed at creation,
    /// and a deletion may be heard of where its last state is unknown.
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn remove(&self, presentation: PresentationId) -> anyhow::Result<()> {
        let keys = Keys::new(presentation);
        let mut conn = self.redis.conn()?;
        let polls: Vec<String> = redis::cmd("SMEMBERS")
            .arg(keys.polls())
            .query_async(&mut conn)
            .await?;
        let mut pipe = redis::pipe();
        pipe.del(keys.state())
            .del(keys.polls())
            .del(keys.deck())
            .del(keys.stream());
        for poll in polls.iter().filter_map(|p| p.parse().ok()) {
            pipe.del(keys.options(poll))
                .del(keys.voters(poll))
                .del(keys.counts(poll));
        }
        pipe.srem(ACTIVE, presentation.to_string());
        let _: () = pipe.query_async(&mut conn).await?;
        Ok(())
    }

    /// Drops whatever mirror an id Postgres does not know has (a deleted
    /// presentation whose removal did not reach Redis), and remembers for a
    /// few seconds that the id is absent, so votes for it stop at Redis.
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn forget(&self, presentation: PresentationId) -> anyhow::Result<()> {
        let keys = Keys::new(presentation);
        let mut conn = self.redis.conn()?;
        let _: () = redis::pipe()
            .del(keys.state())
            .del(keys.polls())
            .del(keys.deck())
            .del(keys.stream())
            .srem(ACTIVE, presentation.to_string())
            .cmd("SET")
            .arg(keys.absent())
            .arg(1)
            .arg("EX")
            .arg(ABSENT_SECONDS)
            .query_async(&mut conn)
            .await?;
        Ok(())
    }

    /// Retires every mirror idle for at least `idle` whose votes are all
    /// flushed, and deletes the flushers' consumers idle for at least
    /// `consumer_idle` with nothing pending, so that the set of streams the
    /// flushers read holds only presentations in use. Each retirement is one
    /// atomic script (see `RETIRE`); a retired mirror is rebuilt from
    /// Postgres by the next vote or change.
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn sweep(&self, idle: Duration, consumer_idle: Duration) -> anyhow::Result<Swept> {
        let mut swept = Swept::default();
        let mut conn = self.redis.conn()?;
        for chunk in self.active().await?.chunks(SWEEP_CHUNK) {
            // A pipeline sends EVALSHA only: load the script first, in case
            // this Redis has not seen it (restarted, or never used).
            let mut pipe = redis::pipe();
            pipe.load_script(&RETIRE).ignore();
            for id in chunk {
                let keys = Keys::new(*id);
                pipe.invoke_script(
                    RETIRE
                        .key(keys.state())
                        .key(keys.polls())
                        .key(keys.deck())
                        .key(keys.stream())
                        .key(ACTIVE)
                        .arg(id.to_string())
                        .arg(idle.as_secs())
                        .arg(keys.prefix()),
                );
            }
            let outcomes: Vec<String> = pipe
                .query_async(&mut conn)
                .await
                .context("retiring idle mirrors")?;
            let mut prune = redis::pipe();
            prune.load_script(&PRUNE_CONSUMERS).ignore();
            for (id, outcome) in chunk.iter().zip(&outcomes) {
                match outcome.as_str() {
                    "retired" | "gone" => swept.retired += 1,
                    _ => {
                        swept.kept += 1;
                        prune.invoke_script(
                            PRUNE_CONSUMERS
                                .key(Keys::new(*id).stream())
                                .arg(GROUP)
                                .arg(u64::try_from(consumer_idle.as_millis()).unwrap_or(u64::MAX)),
                        );
                    }
                }
            }
            let pruned: Vec<u64> = prune
                .query_async(&mut conn)
                .await
                .context("pruning idle consumers")?;
            swept.consumers_deleted += pruned.iter().sum::<u64>();
        }
        Ok(swept)
    }

    /// The live counters of a poll (key -> votes), as results show them.
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn counts(
        &self,
        presentation: PresentationId,
        poll: tally_domain::PollId,
    ) -> anyhow::Result<HashMap<String, u64>> {
        let mut conn = self.redis.conn()?;
        Ok(redis::cmd("HGETALL")
            .arg(Keys::new(presentation).counts(poll))
            .query_async(&mut conn)
            .await?)
    }

    /// The presentations whose mirrors exist (their streams are read).
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn active(&self) -> anyhow::Result<Vec<PresentationId>> {
        let mut conn = self.redis.conn()?;
        let ids: Vec<String> = redis::cmd("SMEMBERS")
            .arg(ACTIVE)
            .query_async(&mut conn)
            .await?;
        Ok(ids.iter().filter_map(|s| s.parse().ok()).collect())
    }

    /// The mirrored state version of each presentation (None: no mirror).
    ///
    /// # Errors
    /// When Redis fails.
    pub async fn versions(&self, ids: &[PresentationId]) -> anyhow::Result<Vec<Option<u64>>> {
        let mut conn = self.redis.conn()?;
        let mut pipe = redis::pipe();
        for id in ids {
            pipe.hget(Keys::new(*id).state(), "version");
        }
        Ok(pipe.query_async(&mut conn).await?)
    }
}

/// Rebuilds mirrors from the source of truth, through the domain's ports.
/// One rebuild per presentation at a time in this process: when 30,000 votes
/// find the mirror missing, Postgres is asked once, not 30,000 times.
#[derive(Clone, Debug)]
pub struct Rebuilder<S: PresentationStore, L: VoteLedger> {
    mirror: RedisMirror,
    store: S,
    ledger: L,
    locks: Arc<Mutex<HashMap<PresentationId, Arc<tokio::sync::Mutex<()>>>>>,
}

impl<S: PresentationStore, L: VoteLedger> Rebuilder<S, L> {
    /// The ledger of the source of truth the mirror is rebuilt from.
    pub fn ledger(&self) -> &L {
        &self.ledger
    }

    pub fn new(mirror: RedisMirror, store: S, ledger: L) -> Self {
        Self {
            mirror,
            store,
            ledger,
            locks: Arc::default(),
        }
    }

    pub fn mirror(&self) -> &RedisMirror {
        &self.mirror
    }

    /// Serialises rebuilds of one presentation in this process.
    pub async fn lock(&self, id: PresentationId) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut locks = self
                .locks
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            locks.entry(id).or_default().clone()
        };
        lock.lock_owned().await
    }

    /// Re-mirrors the presentation from Postgres. With `merge_votes`, or when
    /// the mirror was missing, also adds the votes Postgres holds that the
    /// mirror lacks. Returns `false` when Postgres does not know the id.
    ///
    /// # Errors
    /// When Postgres or Redis fails.
    pub async fn rebuild(&self, id: PresentationId, merge_votes: bool) -> anyhow::Result<bool> {
        let Some(presentation) = self.store.get(id).await? else {
            self.mirror.forget(id).await?;
            return Ok(false);
        };
        self.refresh(&presentation, merge_votes).await?;
        Ok(true)
    }

    /// Mirrors a committed state. A fresh mirror (none, lost, or retired)
    /// first gets the votes Postgres holds, and only then opens to votes
    /// (see `INSTALL`); with `merge_votes` an existing one is merged too.
    ///
    /// # Errors
    /// When Postgres or Redis fails; a fresh mirror then stays closed to
    /// votes, and the next vote or change rebuilds it.
    pub async fn refresh(
        &self,
        presentation: &Presentation,
        merge_votes: bool,
    ) -> anyhow::Result<()> {
        let id = presentation.id;
        let installed = self.mirror.install(presentation).await?;
        if merge_votes || installed == Installed::Fresh {
            for poll in &presentation.polls {
                let votes = self
                    .ledger
                    .votes(id, poll.id)
                    .await
                    .map_err(|e| anyhow::anyhow!("reading votes to merge: {e}"))?;
                let added = self.mirror.merge(id, poll.id, &votes).await?;
                if added > 0 {
                    tracing::info!(presentation = %id, poll = %poll.id, added, "merged votes into the mirror");
                }
            }
        }
        if installed == Installed::Fresh {
            self.mirror.activate(id).await?;
        }
        Ok(())
    }
}

/// Milliseconds since the Unix epoch, as the vote script compares them with
/// Redis's clock.
fn epoch_ms(t: std::time::SystemTime) -> u64 {
    t.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
