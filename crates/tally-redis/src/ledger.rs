use crate::deck::Deck;
use crate::keys::Keys;
use crate::mirror::Rebuilder;
use crate::Redis;
use anyhow::Context as _;
use std::collections::HashMap;
use tally_domain::ports::{LedgerError, PresentationStore, VoteLedger};
use tally_domain::{
    OptionKey, OptionTally, OptionValue, ParticipantId, PollId, PollResults, PresentationId,
    Question, VoteRecord,
};

/// Live results and the listing, read from the counters the vote script
/// keeps: they include votes not yet flushed to Postgres.
#[derive(Clone, Debug)]
pub struct RedisLedger<S: PresentationStore, L: VoteLedger> {
    redis: Redis,
    rebuilder: Rebuilder<S, L>,
}

impl<S: PresentationStore, L: VoteLedger> RedisLedger<S, L> {
    pub fn new(redis: Redis, rebuilder: Rebuilder<S, L>) -> Self {
        Self { redis, rebuilder }
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
        let mut records = voters
            .into_iter()
            .map(|(participant, key)| {
                Ok(VoteRecord {
                    participant: participant.parse::<ParticipantId>()?,
                    key: OptionKey::parse(key)?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        // Hash order is arbitrary; a stable order makes listings comparable.
        records.sort_by_key(|r| r.participant);
        Ok(records)
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
        let options = deck_poll
            .options
            .iter()
            .map(|(key, value)| {
                Ok(OptionTally {
                    votes: counts.get(key).copied().unwrap_or(0),
                    key: OptionKey::parse(key.as_str())?,
                    value: OptionValue::parse(value.as_str())?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(PollResults {
            poll_id: poll,
            question: Question::parse(deck_poll.question.as_str()).context("mirrored question")?,
            total_votes: options.iter().map(|o| o.votes).sum(),
            participants,
            voting_open: open.as_deref() == Some("1"),
            options,
        })
    }
}
