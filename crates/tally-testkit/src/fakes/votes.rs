//! The vote ports in memory: two intakes (direct and queued), the ledger,
//! the queue and the archive, over the world's votes.

use super::{Entry, FakeWorld, Row, State};
use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};
use tally_domain::kinds::encoding::marks;
use tally_domain::kinds::PollType;
use tally_domain::ports::{
    ArchiveError, ArchivedBatch, Clock as _, IntakeError, LedgerError, QueueError, QueuedVote,
    QuizAnswer, VoteArchive, VoteIntake, VoteLedger, VoteQueue,
};
use tally_domain::{
    transition, Ballot, ParticipantId, Poll, PollId, PollResults, PresentationId, TextEntry,
    VoteReceipt, VoteRecord,
};

#[derive(Clone, Debug)]
pub struct FakeIntake {
    world: FakeWorld,
    /// Queues votes for the archive (the Redis intake's way) instead of
    /// storing them at once (the Postgres intake's).
    queued: bool,
}

impl FakeIntake {
    pub(super) fn direct(world: FakeWorld) -> Self {
        Self {
            world,
            queued: false,
        }
    }

    pub(super) fn queued(world: FakeWorld) -> Self {
        Self {
            world,
            queued: true,
        }
    }
}

/// The checks every intake makes, in the port's order, and what the ballot
/// does to the participant's vote.
fn admit(state: &State, ballot: &Ballot, now: SystemTime) -> Result<VoteReceipt, IntakeError> {
    let stored = state
        .presentations
        .get(&ballot.presentation_id)
        .ok_or(IntakeError::PresentationNotFound)?;
    let presentation = &stored.presentation;
    let poll = presentation
        .polls
        .iter()
        .find(|p| p.id == ballot.poll_id)
        .ok_or(IntakeError::PollNotFound)?;
    if presentation.current_poll().map(|p| p.id) != Some(poll.id) {
        return Err(IntakeError::PollNotCurrent);
    }
    if !poll.accepts_votes_at(now) {
        return Err(IntakeError::VotingClosed);
    }
    if ballot.kind.is_some_and(|k| k != poll.settings.kind) {
        return Err(IntakeError::WrongType);
    }
    if ballot.round.is_some_and(|r| r != poll.round) {
        return Err(IntakeError::RoundChanged);
    }
    if let (Some(key), PollType::Single) = (&ballot.choice, poll.settings.kind) {
        if poll.option(key).is_none() {
            return Err(IntakeError::UnknownOption(key.clone()));
        }
    }
    let earlier = state
        .accepted
        .get(&poll.id)
        .and_then(|votes| votes.get(&ballot.participant));
    transition(
        earlier.map(String::as_str),
        ballot.choice.as_deref(),
        poll.settings.allow_change,
    )
}

impl VoteIntake for FakeIntake {
    async fn cast(&self, ballot: Ballot) -> Result<VoteReceipt, IntakeError> {
        self.world.available(IntakeError::Unavailable)?;
        let now = self.world.clock.now_ms();
        let at = self.world.now();
        let mut state = self.world.lock();
        let receipt = admit(&state, &ballot, at)?;
        if receipt == VoteReceipt::AlreadyCounted {
            return Ok(receipt);
        }
        let accepted = state.accepted.entry(ballot.poll_id).or_default();
        match &ballot.choice {
            Some(choice) => accepted.insert(ballot.participant, choice.clone()),
            None => accepted.remove(&ballot.participant),
        };
        let id = state.next_entry;
        state.next_entry += 1;
        let version = i64::try_from(id).unwrap_or(i64::MAX);
        let round = state
            .poll(ballot.poll_id)
            .map_or(1, |(s, i)| s.presentation.polls[i].round);
        if self.queued {
            let vote = QueuedVote {
                entry: id.to_string(),
                presentation_id: ballot.presentation_id,
                poll_id: ballot.poll_id,
                participant: ballot.participant,
                round,
                choice: ballot.choice,
                accepted_at_ms: now,
                version,
            };
            state.queue.insert(
                id,
                Entry {
                    vote,
                    delivered: None,
                },
            );
            drop(state);
            self.world.queued.notify_waiters();
        } else {
            state
                .stored
                .entry((ballot.poll_id, round))
                .or_default()
                .insert(
                    ballot.participant,
                    Row {
                        choice: ballot.choice,
                        version,
                        accepted_at_ms: now,
                    },
                );
        }
        Ok(receipt)
    }
}

/// Reads the votes the intakes acknowledged.
#[derive(Clone, Debug)]
pub struct FakeLedger {
    world: FakeWorld,
}

impl FakeLedger {
    pub(super) fn new(world: FakeWorld) -> Self {
        Self { world }
    }

    /// The poll, if it belongs to the presentation, and its votes.
    fn read<T>(
        &self,
        presentation: PresentationId,
        poll: PollId,
        read: impl FnOnce(&Poll, Vec<(&tally_domain::ParticipantId, &String)>) -> T,
    ) -> Result<T, LedgerError> {
        self.world.available(LedgerError::Unavailable)?;
        let state = self.world.lock();
        let poll = state
            .presentations
            .get(&presentation)
            .and_then(|s| s.presentation.polls.iter().find(|p| p.id == poll))
            .ok_or(LedgerError::PollNotFound)?;
        let votes = state
            .accepted
            .get(&poll.id)
            .map(|votes| votes.iter().collect())
            .unwrap_or_default();
        Ok(read(poll, votes))
    }
}

impl VoteLedger for FakeLedger {
    async fn votes(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Vec<VoteRecord>, LedgerError> {
        self.read(presentation, poll, |_, votes| {
            votes
                .into_iter()
                .map(|(participant, choice)| VoteRecord {
                    participant: *participant,
                    choice: choice.clone(),
                })
                .collect()
        })
    }

    async fn results(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<PollResults, LedgerError> {
        self.read(presentation, poll, |poll, votes| {
            let votes: Vec<(ParticipantId, &str)> =
                votes.into_iter().map(|(p, c)| (*p, c.as_str())).collect();
            results_of(poll, &votes)
        })
    }

    async fn round_results(
        &self,
        presentation: PresentationId,
        poll: PollId,
        round: u32,
    ) -> Result<PollResults, LedgerError> {
        let current = self.read(presentation, poll, |poll, _| poll.round)?;
        if round == current {
            return self.results(presentation, poll).await;
        }
        if round == 0 || round > current {
            return Err(LedgerError::RoundNotFound);
        }
        // An earlier round: its votes as acknowledged, queued or stored.
        let state = self.world.lock();
        let (stored, index) = state.poll(poll).ok_or(LedgerError::PollNotFound)?;
        // The definition the round's votes were cast against, when a deck
        // edit changed it since.
        let mut poll = state
            .round_definitions
            .get(&(poll, round))
            .unwrap_or(&stored.presentation.polls[index])
            .clone();
        poll.round = round;
        let rows = acknowledged_rows(&state, poll.id, round);
        let votes: Vec<(ParticipantId, &str)> = rows
            .iter()
            .filter_map(|(p, row)| Some((*p, row.choice.as_deref()?)))
            .collect();
        Ok(results_of(&poll, &votes))
    }

    async fn quiz_answers(
        &self,
        presentation: PresentationId,
    ) -> Result<Vec<QuizAnswer>, LedgerError> {
        self.world.available(LedgerError::Unavailable)?;
        let state = self.world.lock();
        let Some(stored) = state.presentations.get(&presentation) else {
            return Ok(Vec::new());
        };
        let mut answers = Vec::new();
        for poll in &stored.presentation.polls {
            if poll.settings.kind != PollType::Quiz {
                continue;
            }
            for (participant, row) in acknowledged_rows(&state, poll.id, poll.round) {
                if let Some(choice) = row.choice {
                    answers.push(QuizAnswer {
                        poll: poll.id,
                        participant,
                        choice,
                        answered_at: SystemTime::UNIX_EPOCH
                            + Duration::from_millis(row.accepted_at_ms),
                    });
                }
            }
        }
        Ok(answers)
    }
}

/// The rows of `poll`'s `round` as acknowledged: the source of truth's,
/// with the queued actions not yet stored applied over them as the archive
/// will apply them (a later version wins). This is what the ledger port
/// promises every read: every acknowledged vote, flushed or not.
fn acknowledged_rows(state: &State, poll: PollId, round: u32) -> BTreeMap<ParticipantId, Row> {
    let mut rows = state
        .stored
        .get(&(poll, round))
        .cloned()
        .unwrap_or_default();
    for Entry { vote, .. } in state.queue.values() {
        if vote.poll_id == poll && vote.round == round {
            apply(&mut rows, vote);
        }
    }
    rows
}

/// Applies `vote` to its poll's rows as the archive stores it: an action
/// applies only over an older one, so a redelivered entry changes nothing.
/// Whether it applied.
fn apply(rows: &mut BTreeMap<ParticipantId, Row>, vote: &QueuedVote) -> bool {
    if rows
        .get(&vote.participant)
        .is_some_and(|row| row.version >= vote.version)
    {
        return false;
    }
    rows.insert(
        vote.participant,
        Row {
            choice: vote.choice.clone(),
            version: vote.version,
            accepted_at_ms: vote.accepted_at_ms,
        },
    );
    true
}

/// A poll's results from its votes. The counters are recomputed: what the
/// real ledgers keep moving must always equal this.
fn results_of(poll: &Poll, votes: &[(ParticipantId, &str)]) -> PollResults {
    let mut counters: BTreeMap<&str, u64> = BTreeMap::new();
    for (_, choice) in votes {
        for (field, amount) in marks(choice) {
            *counters.entry(field).or_default() += amount;
        }
    }
    let entries = votes
        .iter()
        .filter_map(|(participant, choice)| TextEntry::of(poll.id, *participant, choice))
        .collect();
    PollResults::from_counters(poll, counters, votes.len() as u64, entries)
}

/// One consumer of the world's queue.
#[derive(Debug)]
pub struct FakeQueue {
    world: FakeWorld,
    consumer: String,
}

impl FakeQueue {
    pub(super) fn new(world: FakeWorld, consumer: &str) -> Self {
        Self {
            world,
            consumer: consumer.to_owned(),
        }
    }

    fn check(&self) -> Result<(), QueueError> {
        self.world.available(QueueError)
    }

    /// Hands out up to `max` entries that `pick` selects, stamping them as
    /// delivered to this consumer now.
    fn hand_out(&self, max: usize, pick: impl Fn(&Entry, u64) -> bool) -> Vec<QueuedVote> {
        let now = self.world.clock.now_ms();
        let mut state = self.world.lock();
        state
            .queue
            .values_mut()
            .filter(|entry| pick(entry, now))
            .take(max)
            .map(|entry| {
                entry.delivered = Some((self.consumer.clone(), now));
                entry.vote.clone()
            })
            .collect()
    }
}

impl VoteQueue for FakeQueue {
    async fn next_batch(
        &mut self,
        max: usize,
        wait: Duration,
    ) -> Result<Vec<QueuedVote>, QueueError> {
        self.check()?;
        let fresh = |entry: &Entry, _| entry.delivered.is_none();
        let notified = self.world.queued.notified();
        let batch = self.hand_out(max, fresh);
        if !batch.is_empty() {
            return Ok(batch);
        }
        // Real time: a reader waits for a writer on another task.
        let _ = tokio::time::timeout(wait, notified).await;
        Ok(self.hand_out(max, fresh))
    }

    async fn reclaim(
        &mut self,
        min_idle: Duration,
        max: usize,
    ) -> Result<Vec<QueuedVote>, QueueError> {
        self.check()?;
        let idle = u64::try_from(min_idle.as_millis()).unwrap_or(u64::MAX);
        Ok(self.hand_out(max, |entry, now| {
            entry
                .delivered
                .as_ref()
                .is_some_and(|(_, at)| now.saturating_sub(*at) >= idle)
        }))
    }

    async fn acknowledge(&mut self, entries: &[QueuedVote]) -> Result<(), QueueError> {
        self.check()?;
        let mut state = self.world.lock();
        for vote in entries {
            if let Ok(id) = vote.entry.parse::<u64>() {
                state.queue.remove(&id);
            }
        }
        Ok(())
    }

    async fn backlog(&mut self) -> Result<u64, QueueError> {
        self.check()?;
        Ok(self.world.lock().queue.len() as u64)
    }
}

/// Stores queued votes in the world's source of truth.
#[derive(Clone, Debug)]
pub struct FakeArchive {
    world: FakeWorld,
}

impl FakeArchive {
    pub(super) fn new(world: FakeWorld) -> Self {
        Self { world }
    }
}

impl VoteArchive for FakeArchive {
    async fn store(&self, batch: &[QueuedVote]) -> Result<ArchivedBatch, ArchiveError> {
        self.world.available(ArchiveError)?;
        let mut state = self.world.lock();
        let mut inserted = 0;
        for vote in batch {
            if state.poll(vote.poll_id).is_none() {
                continue;
            }
            let rows = state.stored.entry((vote.poll_id, vote.round)).or_default();
            if apply(rows, vote) {
                inserted += 1;
            }
        }
        Ok(ArchivedBatch {
            inserted,
            skipped: batch.len() as u64 - inserted,
        })
    }
}
