//! The contest store, in memory: contests, their links, sheets and rounds,
//! and an append-only audit log, behaving as `PgContests` does (the
//! contest contract suite holds both to it).
//!
//! The fake knows no presentations and no polls of its own: a test tells
//! it which exist ([`FakeContests::add_presentation`],
//! [`FakeContests::add_poll`]).
//!
//! Every change is checked whole before anything of it is stored, so a
//! refused change stores nothing and records nothing. The audit log is a
//! list that is only ever appended to: nothing here removes or rewrites an
//! entry.
//!
//! Beyond what the contract pins, it follows `PgContests` where that is
//! observable: the store checks only what Postgres's keys check (a sheet
//! may be any link's, a mark any stored contestant's and criterion's),
//! `sheet` reads by round and judge alone, a round enters or leaves
//! `published` only through `publish`, and a revision bumps every round's
//! version even when it changes nothing. Unlike Postgres, its log numbers
//! entries without gaps.

mod people;
mod revise;
mod sheets;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};
use tally_domain::contest::model::{AuditEntry, Contest, Link, RoundState};
use tally_domain::contest::publication::Publication;
use tally_domain::contest::revision::Revised;
use tally_domain::contest::Mark;
use tally_domain::ports::{
    ContestDefinitions, ContestRecords, ContestStoreError, NewContest, StoreError,
};
use tally_domain::{ContestId, ContestantId, CriterionId, LinkId, PollId, PresentationId, RoundId};

/// The contest store, in memory. Cheap to clone; clones share.
#[derive(Clone, Debug, Default)]
pub struct FakeContests {
    state: Arc<Mutex<State>>,
    failing: Arc<AtomicBool>,
}

#[derive(Debug, Default)]
struct State {
    contests: BTreeMap<ContestId, Stored>,
    /// Every contest's invite links, in the order they were added.
    links: Vec<StoredLink>,
    /// Each judge's excluded contestants (a judge is one contest's link).
    conflicts: BTreeMap<LinkId, BTreeSet<ContestantId>>,
    /// Each contestant's feedback link (the hash of its secret).
    feedback: BTreeMap<ContestantId, [u8; 32]>,
    /// Sheets by round and judge: round ids are unique over contests.
    sheets: BTreeMap<(RoundId, LinkId), Sheet>,
    /// Every contest's audit log, oldest first, one sequence over all.
    log: Vec<(ContestId, AuditEntry)>,
    presentations: BTreeSet<PresentationId>,
    /// Polls that exist: their presentation, and whether they are
    /// single-choice (only those may be a people's-choice poll).
    polls: BTreeMap<PollId, (PresentationId, bool)>,
}

/// A contest and what belongs to it alone.
#[derive(Clone, Debug)]
struct Stored {
    /// Kept current: round states, digests, lineups, the presentation.
    contest: Contest,
    owner: [u8; 32],
    /// Each round's version, bumped by every change that can move its
    /// results (as a publication's `seen` is checked against).
    versions: BTreeMap<RoundId, i64>,
    publications: BTreeMap<RoundId, Publication>,
}

#[derive(Clone, Debug)]
struct StoredLink {
    contest: ContestId,
    link: Link,
    token: [u8; 32],
}

/// A judge's sheet in a round.
#[derive(Clone, Debug, Default)]
struct Sheet {
    submitted: bool,
    marks: BTreeMap<(ContestantId, CriterionId), Mark>,
    comments: BTreeMap<ContestantId, String>,
}

impl State {
    /// The contest `round` belongs to, if it is `id`'s.
    fn round_of(
        &mut self,
        id: ContestId,
        round: RoundId,
    ) -> Result<&mut Stored, ContestStoreError> {
        self.contests
            .get_mut(&id)
            .filter(|s| s.contest.round(round).is_some())
            .ok_or(ContestStoreError::RoundNotFound)
    }

    fn contest_of(&self, id: ContestId, round: RoundId) -> Option<&Stored> {
        self.contests
            .get(&id)
            .filter(|s| s.contest.round(round).is_some())
    }

    fn link(&self, id: ContestId, link: LinkId) -> Option<&StoredLink> {
        self.links
            .iter()
            .find(|l| l.contest == id && l.link.id == link)
    }

    /// Whether `contestant` is any contest's (what a stored mark or comment
    /// may name).
    fn contestant_exists(&self, contestant: ContestantId) -> bool {
        self.contests
            .values()
            .any(|s| s.contest.has_contestant(contestant))
    }

    fn criterion_exists(&self, criterion: CriterionId) -> bool {
        self.contests
            .values()
            .any(|s| s.contest.criterion_index(criterion).is_some())
    }

    /// Appends a change's audit entries to the log, numbering and dating
    /// them. The only way anything enters the log.
    fn record(&mut self, contest: ContestId, entries: Vec<AuditEntry>) {
        for mut entry in entries {
            entry.seq = i64::try_from(self.log.len()).unwrap_or(i64::MAX) + 1;
            entry.at = timestamp(SystemTime::now());
            self.log.push((contest, entry));
        }
    }
}

impl Stored {
    fn state(&self, round: RoundId) -> RoundState {
        self.contest
            .round(round)
            .map_or(RoundState::Draft, |r| r.state)
    }

    fn round_mut(&mut self, round: RoundId) -> Option<&mut tally_domain::contest::model::Round> {
        self.contest.rounds.iter_mut().find(|r| r.id == round)
    }

    fn bump(&mut self, round: RoundId) {
        *self.versions.entry(round).or_insert(0) += 1;
    }
}

/// An audit entry of `action` by `actor` that names nothing yet.
fn entry(actor: &str, action: &str) -> AuditEntry {
    AuditEntry {
        seq: 0,
        round: None,
        at: String::new(),
        actor: actor.to_owned(),
        action: action.to_owned(),
        judge: None,
        contestant: None,
        criterion: None,
        before: None,
        after: None,
    }
}

/// What the store answers where Postgres would fail a constraint.
fn failed(why: &str) -> ContestStoreError {
    ContestStoreError::Store(StoreError(anyhow::anyhow!("{why}")))
}

/// Ids as the audit log lists them: comma-separated, in order.
fn listed(ids: &BTreeSet<ContestantId>) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// RFC 3339 in UTC with microseconds, as Postgres writes the log's times.
fn timestamp(at: SystemTime) -> String {
    let since = at.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let (days, rem) = (i64::try_from(secs / 86_400).unwrap_or(0), secs % 86_400);
    // Days since the epoch to a civil date (H. Hinnant's algorithm).
    let z = days + 719_468;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:06}Z",
        rem / 3_600,
        rem / 60 % 60,
        rem % 60,
        since.subsec_micros()
    )
}

impl FakeContests {
    pub fn new() -> Self {
        Self::default()
    }

    /// While `true`, every method answers with a store error and changes
    /// nothing.
    pub fn fail(&self, failing: bool) {
        self.failing.store(failing, Ordering::SeqCst);
    }

    /// A presentation that exists: `set_presentation` ties a contest only
    /// to one of these (Postgres checks its presentations table).
    pub fn add_presentation(&self, id: PresentationId) {
        self.lock().presentations.insert(id);
    }

    /// Deletes a presentation: contests tied to it are untied, and nothing
    /// is recorded (as Postgres's `ON DELETE SET NULL`).
    pub fn delete_presentation(&self, id: PresentationId) {
        let mut state = self.lock();
        state.presentations.remove(&id);
        for stored in state.contests.values_mut() {
            if stored.contest.presentation == Some(id) {
                stored.contest.presentation = None;
            }
        }
    }

    /// A poll of `presentation` that exists; `create` takes only a
    /// single-choice one as a people's-choice poll.
    pub fn add_poll(&self, presentation: PresentationId, poll: PollId, single_choice: bool) {
        self.lock()
            .polls
            .insert(poll, (presentation, single_choice));
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.failing.load(Ordering::SeqCst) {
            return Err(StoreError(anyhow::anyhow!(
                "the fake contest store is failing on purpose"
            )));
        }
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl ContestDefinitions for FakeContests {
    async fn create(&self, new: NewContest) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let mut contest = new.contest;
        if let Some(a) = &contest.audience {
            if !state.polls.get(&a.poll).is_some_and(|(_, single)| *single) {
                return Err(ContestStoreError::AudiencePoll);
            }
        }
        let owner = *new.owner.as_bytes();
        if state.contests.contains_key(&contest.id) {
            return Err(failed("the contest id is taken"));
        }
        if state.contests.values().any(|s| s.owner == owner) {
            return Err(failed("the owner secret is taken"));
        }
        // Stored as Postgres stores it: every round a draft, untied.
        for round in &mut contest.rounds {
            round.state = RoundState::Draft;
            round.digest = None;
        }
        contest.presentation = None;
        let created = AuditEntry {
            after: Some(contest.title.clone()),
            ..entry("owner", "create")
        };
        let id = contest.id;
        let stored = Stored {
            versions: contest.rounds.iter().map(|r| (r.id, 0)).collect(),
            contest,
            owner,
            publications: BTreeMap::new(),
        };
        state.contests.insert(id, stored);
        state.record(id, vec![created]);
        Ok(())
    }

    async fn get(&self, id: ContestId) -> Result<Option<Contest>, StoreError> {
        self.check()?;
        Ok(self.lock().contests.get(&id).map(|s| s.contest.clone()))
    }

    async fn revise(
        &self,
        id: ContestId,
        revised: &Revised,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.store_revision(id, revised, actor).await
    }
}

impl ContestRecords for FakeContests {
    async fn audit(
        &self,
        id: ContestId,
        after: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        self.check()?;
        Ok(self
            .lock()
            .log
            .iter()
            .filter(|(contest, e)| *contest == id && e.seq > after)
            .take(limit)
            .map(|(_, e)| e.clone())
            .collect())
    }

    async fn presentation_of_poll(
        &self,
        poll: PollId,
    ) -> Result<Option<PresentationId>, StoreError> {
        self.check()?;
        Ok(self.lock().polls.get(&poll).map(|(p, _)| *p))
    }
}

#[cfg(test)]
mod tests {
    use super::timestamp;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn timestamps_are_rfc3339_utc_with_microseconds() {
        let at = UNIX_EPOCH + Duration::from_micros(1_709_251_199_123_456);
        assert_eq!(timestamp(at), "2024-02-29T23:59:59.123456Z");
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00.000000Z");
    }
}
