use crate::keys::{presentation_of_stream, Keys, ACTIVE, ACTIVE_ADDED, GROUP};
use crate::Redis;
use anyhow::Context as _;
use redis::streams::{
    StreamAutoClaimOptions, StreamAutoClaimReply, StreamId, StreamReadOptions, StreamReadReply,
};
use redis::AsyncCommands as _;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tally_domain::ports::{QueueError, QueuedVote, VoteQueue};
use tally_domain::PresentationId;

/// How often the list of streams to read is refreshed at the latest. A
/// stream that joins the set is noticed sooner, through `ACTIVE_ADDED`.
const REFRESH_EVERY: Duration = Duration::from_secs(1);
/// How often abandoned entries are looked for.
const RECLAIM_EVERY: Duration = Duration::from_secs(1);

/// The vote queue over every active presentation's stream, as one consumer
/// of the flushers' group. Needs a connection of its own: its blocking reads
/// would hold up any other command sharing the connection.
#[derive(Debug)]
pub struct RedisVoteQueue {
    redis: Redis,
    consumer: String,
    streams: Vec<String>,
    refreshed: Option<Instant>,
    /// `ACTIVE_ADDED` as read just before the set was last read: when it
    /// moves, a presentation joined the set since.
    added: Option<u64>,
    reclaimed: Option<Instant>,
}

impl RedisVoteQueue {
    /// `consumer` names this reader in the group; it must be unique among
    /// live flushers (a crashed one's entries are reclaimed by the others).
    pub fn new(redis: Redis, consumer: String) -> Self {
        Self {
            redis,
            consumer,
            streams: Vec::new(),
            refreshed: None,
            added: None,
            reclaimed: None,
        }
    }

    async fn refresh(&mut self, force: bool) -> anyhow::Result<()> {
        if !force && self.refreshed.is_some_and(|t| t.elapsed() < REFRESH_EVERY) {
            return Ok(());
        }
        let mut conn = self.redis.conn()?;
        // The count first: a presentation added after this read raises it
        // again, and is noticed then.
        let (added, ids): (Option<u64>, Vec<String>) = redis::pipe()
            .get(ACTIVE_ADDED)
            .smembers(ACTIVE)
            .query_async(&mut conn)
            .await?;
        self.added = Some(added.unwrap_or(0));
        self.streams = ids
            .iter()
            .filter_map(|id| id.parse::<PresentationId>().ok())
            .map(|id| Keys::new(id).stream())
            .collect();
        self.refreshed = Some(Instant::now());
        Ok(())
    }

    /// Makes the next read refresh the list if a presentation joined the
    /// set since it was read (`added`: `ACTIVE_ADDED` now).
    fn notice(&mut self, added: Option<u64>) {
        if self.added != Some(added.unwrap_or(0)) {
            self.refreshed = None;
        }
    }
}

/// Bits of a version below the stream entry's milliseconds: its sequence
/// within that millisecond.
const SEQUENCE_BITS: u32 = 20;

fn parse(stream: &str, entry: &StreamId) -> Option<QueuedVote> {
    let field = |name: &str| entry.get::<String>(name);
    let (ms, seq) = entry.id.split_once('-')?;
    let accepted_at_ms: u64 = ms.parse().ok()?;
    let seq: u64 = seq.parse().ok()?;
    // Entry ids increase along the stream, so this orders a participant's
    // actions as the vote script took them.
    let version =
        i64::try_from((accepted_at_ms << SEQUENCE_BITS) | seq.min((1 << SEQUENCE_BITS) - 1))
            .ok()?;
    Some(QueuedVote {
        entry: format!("{stream} {}", entry.id),
        presentation_id: presentation_of_stream(stream)?,
        poll_id: field("p")?.parse().ok()?,
        participant: field("c")?.parse().ok()?,
        // Entries from before rounds existed count in the first.
        round: field("r").map_or(Some(1), |r| r.parse().ok())?,
        // A retraction carries no choice.
        choice: field("k"),
        accepted_at_ms,
        version,
    })
}

fn parse_all(stream: &str, entries: &[StreamId]) -> Vec<QueuedVote> {
    entries
        .iter()
        .filter_map(|e| {
            let vote = parse(stream, e);
            if vote.is_none() {
                tracing::error!(stream, id = %e.id, "unreadable stream entry; acknowledging it would lose it, so it stays");
            }
            vote
        })
        .collect()
}

/// Whether a read failed because a stream has no group (its presentation
/// was deleted). In a pipeline the code is on the failed command.
fn no_group(e: &redis::RedisError) -> bool {
    e.code() == Some("NOGROUP")
        || e.clone()
            .into_server_errors()
            .is_some_and(|errors| errors.iter().any(|(_, e)| e.code() == "NOGROUP"))
}

impl VoteQueue for RedisVoteQueue {
    async fn next_batch(
        &mut self,
        max: usize,
        wait: Duration,
    ) -> Result<Vec<QueuedVote>, QueueError> {
        self.refresh(false).await?;
        if self.streams.is_empty() {
            tokio::time::sleep(wait).await;
            let mut conn = self.redis.conn()?;
            let added: Option<u64> = conn.get(ACTIVE_ADDED).await.context("reading votes")?;
            self.notice(added);
            return Ok(Vec::new());
        }
        let ids: Vec<&str> = self.streams.iter().map(|_| ">").collect();
        let options = StreamReadOptions::default()
            .group(GROUP, &self.consumer)
            .count(max)
            .block(
                usize::try_from(wait.as_millis())
                    .unwrap_or(usize::MAX)
                    .max(1),
            );
        let mut conn = self.redis.conn()?;
        // The count rides along with the read: no round trip of its own.
        let reply: redis::RedisResult<(Option<u64>, Option<StreamReadReply>)> = redis::pipe()
            .get(ACTIVE_ADDED)
            .xread_options(&self.streams, &ids, &options)
            .query_async(&mut conn)
            .await;
        let reply = match reply {
            Ok((added, reply)) => {
                self.notice(added);
                reply
            }
            Err(e) if no_group(&e) => {
                // A presentation was deleted since the last refresh.
                self.refresh(true).await?;
                return Ok(Vec::new());
            }
            Err(e) => return Err(QueueError(anyhow::Error::new(e).context("reading votes"))),
        };
        Ok(reply
            .map(|r| {
                r.keys
                    .iter()
                    .flat_map(|k| parse_all(&k.key, &k.ids))
                    .collect()
            })
            .unwrap_or_default())
    }

    async fn reclaim(
        &mut self,
        min_idle: Duration,
        max: usize,
    ) -> Result<Vec<QueuedVote>, QueueError> {
        if self.reclaimed.is_some_and(|t| t.elapsed() < RECLAIM_EVERY) {
            return Ok(Vec::new());
        }
        self.reclaimed = Some(Instant::now());
        self.refresh(false).await?;
        let mut conn = self.redis.conn()?;
        let idle = u64::try_from(min_idle.as_millis()).unwrap_or(u64::MAX);
        let mut claimed = Vec::new();
        for stream in &self.streams {
            let reply: redis::RedisResult<StreamAutoClaimReply> = conn
                .xautoclaim_options(
                    stream,
                    GROUP,
                    &self.consumer,
                    idle,
                    "0-0",
                    StreamAutoClaimOptions::default().count(max),
                )
                .await;
            match reply {
                Ok(reply) => claimed.extend(parse_all(stream, &reply.claimed)),
                Err(e) if e.code() == Some("NOGROUP") => continue,
                Err(e) => {
                    return Err(QueueError(
                        anyhow::Error::new(e).context("reclaiming votes"),
                    ))
                }
            }
            if claimed.len() >= max {
                break;
            }
        }
        if !claimed.is_empty() {
            tracing::warn!(
                count = claimed.len(),
                "reclaimed votes abandoned by a stopped flusher"
            );
        }
        Ok(claimed)
    }

    async fn acknowledge(&mut self, entries: &[QueuedVote]) -> Result<(), QueueError> {
        let mut by_stream: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for vote in entries {
            if let Some((stream, id)) = vote.entry.split_once(' ') {
                by_stream.entry(stream).or_default().push(id);
            }
        }
        let mut pipe = redis::pipe();
        for (stream, ids) in &by_stream {
            // Acknowledge, then delete: the stream only holds what is not
            // yet durable, so its length is the backlog.
            pipe.xack(*stream, GROUP, ids).ignore();
            pipe.xdel(*stream, ids).ignore();
        }
        let mut conn = self.redis.conn()?;
        let _: () = pipe
            .query_async(&mut conn)
            .await
            .context("acknowledging votes")?;
        Ok(())
    }

    async fn backlog(&mut self) -> Result<u64, QueueError> {
        self.refresh(false).await?;
        let mut pipe = redis::pipe();
        for stream in &self.streams {
            pipe.xlen(stream);
        }
        let mut conn = self.redis.conn()?;
        let lengths: Vec<u64> = pipe
            .query_async(&mut conn)
            .await
            .context("reading the backlog")?;
        Ok(lengths.iter().sum())
    }
}
