use crate::deck::Deck;
use crate::keys::Keys;
use crate::mirror::Rebuilder;
use crate::settle::{settle, SETTLE_WITHIN};
use crate::Redis;
use anyhow::Context as _;
use std::collections::HashMap;
use std::time::Duration;
use tally_domain::kinds::PollType;
use tally_domain::ports::{LedgerError, PresentationStore, QuizAnswer, VoteLedger};
use tally_domain::{ParticipantId, PollId, PollResults, PresentationId, TextEntry, VoteRecord};

/// Live results and the listing, read from the counters the vote script
/// keeps: they include votes not yet flushed to Postgres. Earlier rounds
/// and quiz answers are read from Postgres once the votes acknowledged
/// before the read are there ([`settle`]).
#[derive(Clone, Debug)]
pub struct RedisLedger<S: PresentationStore, L: VoteLedger> {
    redis: Redis,
    rebuilder: Rebuilder<S, L>,
    settle_within: Duration,
}

impl<S: PresentationStore, L: VoteLedger> RedisLedger<S, L> {
    pub fn new(redis: Redis, rebuilder: Rebuilder<S, L>) -> Self {
        Self {
            redis,
            rebuilder,
            settle_within: SETTLE_WITHIN,
        }
    }

    /// The same ledger, waiting at most `within` for acknowledged votes to
    /// reach Postgres before a read from it (default [`SETTLE_WITHIN`]).
    #[must_use]
    pub fn settling_within(mut self, within: Duration) -> Self {
        self.settle_within = within;
        self
    }

    /// Postgres's ledger, once it holds every vote acknowledged on the
    /// presentation so far.
    async fn settled(&self, presentation: PresentationId) -> Result<&L, LedgerError> {
        settle(&self.redis, presentation, self.settle_within).await?;
        Ok(self.rebuilder.ledger())
    }

    /// The deck, rebuilding the mirror once if it is missing. `None` when
    /// the presentation does not exist.
    async fn deck(&self, presentation: PresentationId) -> Result<Option<Deck>, LedgerError> {
        let keys = Keys::new(presentation);
        for attempt in 0..2 {
            let mut conn = self.redis.conn()?;
            let raw: Option<String> = redis::cmd("GET")
                .arg(keys.deck())
                .query_async(&mut conn)
                .await
                .context("reading the deck")?;
            if let Some(raw) = raw {
                return Ok(Some(serde_json::from_str(&raw).context("mirrored deck")?));
            }
            if attempt == 0 {
                let _guard = self.rebuilder.lock(presentation).await;
                if !self.rebuilder.rebuild(presentation, false).await? {
                    return Ok(None);
                }
            }
        }
        Ok(None)
    }
}

impl<S: PresentationStore, L: VoteLedger> VoteLedger for RedisLedger<S, L> {
    async fn votes(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Vec<VoteRecord>, LedgerError> {
        let deck = self.deck(presentation).await?;
        if deck.as_ref().and_then(|d| d.poll(poll)).is_none() {
            return Err(LedgerError::PollNotFound);
        }
        let mut conn = self.redis.conn()?;
        let voters: HashMap<String, String> = redis::cmd("HGETALL")
            .arg(Keys::new(presentation).voters(poll))
            .query_async(&mut conn)
            .await
            .context("reading voters")?;
        Ok(records(voters)?)
    }

    async fn results(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<PollResults, LedgerError> {
        let deck = self.deck(presentation).await?;
        let Some(deck_poll) = deck.as_ref().and_then(|d| d.poll(poll)) else {
            return Err(LedgerError::PollNotFound);
        };
        let keys = Keys::new(presentation);
        let mut conn = self.redis.conn()?;
        let (counts, participants, open): (HashMap<String, u64>, u64, Option<String>) =
            redis::pipe()
                .hgetall(keys.counts(poll))
                .hlen(keys.voters(poll))
                .hget(keys.state(), format!("open:{poll}"))
                .query_async(&mut conn)
                .await
                .context("reading counters")?;
        let poll = deck_poll.to_poll(open.as_deref() == Some("1"))?;
        // Open text is its votes: the entries are the voters' choices.
        let entries = if poll.settings.kind == PollType::Open {
            let voters: HashMap<String, String> = redis::cmd("HGETALL")
                .arg(keys.voters(poll.id))
                .query_async(&mut conn)
                .await
                .context("reading entries")?;
            records(voters)?
                .iter()
                .filter_map(|r| TextEntry::of(poll.id, r.participant, &r.choice))
                .collect()
        } else {
            Vec::new()
        };
        Ok(PollResults::from_counters(
            &poll,
            counts.iter().map(|(field, n)| (field.as_str(), *n)),
            participants,
            entries,
        ))
    }

    async fn round_results(
        &self,
        presentation: PresentationId,
        poll: PollId,
        round: u32,
    ) -> Result<PollResults, LedgerError> {
        match self.current_round(presentation, poll).await? {
            None => Err(LedgerError::PollNotFound),
            // The live counters hold the current round only.
            Some(current) if current == round => self.results(presentation, poll).await,
            // Earlier rounds are in Postgres, once flushed.
            Some(_) => {
                self.settled(presentation)
                    .await?
                    .round_results(presentation, poll, round)
                    .await
            }
        }
    }

    /// From Postgres: answers are scored by when they were given, which
    /// the flushed rows keep (the live counters do not).
    async fn quiz_answers(
        &self,
        presentation: PresentationId,
    ) -> Result<Vec<QuizAnswer>, LedgerError> {
        self.settled(presentation)
            .await?
            .quiz_answers(presentation)
            .await
    }
}

impl<S: PresentationStore, L: VoteLedger> RedisLedger<S, L> {
    /// The round the mirror counts for the poll; `None` when the
    /// presentation has no such poll.
    async fn current_round(
        &self,
        presentation: PresentationId,
        poll: PollId,
    ) -> Result<Option<u32>, LedgerError> {
        let deck = self.deck(presentation).await?;
        Ok(deck.as_ref().and_then(|d| d.poll(poll)).map(|p| p.round))
    }
}

/// The voters hash as records, in participant order (hash order is
/// arbitrary; a stable order makes listings comparable).
fn records(voters: HashMap<String, String>) -> anyhow::Result<Vec<VoteRecord>> {
    let mut records = voters
        .into_iter()
        .map(|(participant, choice)| {
            Ok(VoteRecord {
                participant: participant.parse::<ParticipantId>()?,
                choice,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    records.sort_by_key(|r| r.participant);
    Ok(records)
}
