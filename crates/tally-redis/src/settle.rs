//! The wait before a read from Postgres, so that it includes every vote
//! acknowledged before it started (the ledger port's rule; README, "Reads
//! include every acknowledged vote").
//!
//! On the spike path a vote is acknowledged once the vote script has
//! counted it and appended it to its presentation's stream, and a flusher
//! (of any process) deletes an entry only once Postgres holds it: the
//! stream holds exactly the votes acknowledged and not yet durable. So a
//! read served from Postgres (an earlier round, the quiz answers) first
//! takes the stream's last entry as its mark, then waits until no entry up
//! to the mark is left. Each vote acknowledged before the read started has
//! its entry up to the mark, or no entry any more: either way Postgres
//! holds it once the wait ends, whichever process took it or flushed it.
//! Votes that come during the wait are after the mark and do not hold the
//! read up.
//!
//! The wait is the flush lag: milliseconds (a flusher blocks on its streams
//! for `flush_wait_ms`, and learns of a new stream at once through
//! `ACTIVE_ADDED`). It is bounded: past the deadline the read fails as
//! [`LedgerError::unsettled`] (503, retry) rather than answer without the
//! votes. Entries held by a flusher that died wait for another to reclaim
//! them (`flush_reclaim_idle_ms`); reads that need them fail until then.

use crate::keys::Keys;
use crate::Redis;
use anyhow::Context as _;
use redis::streams::StreamRangeReply;
use redis::AsyncCommands as _;
use std::time::{Duration, Instant};
use tally_domain::ports::LedgerError;
use tally_domain::PresentationId;

/// How long a read waits for the votes before it, at most: many flushes of
/// a full batch, so a burst's backlog drains within it; beyond it a
/// presenter is better served by a 503 and a retry than by a request that
/// hangs on a stalled flush.
pub const SETTLE_WITHIN: Duration = Duration::from_secs(3);
/// The first pause between looks, doubling up to the last: most waits are
/// one flush, a few milliseconds.
const FIRST_PAUSE: Duration = Duration::from_millis(2);
const LAST_PAUSE: Duration = Duration::from_millis(50);

/// Waits until every vote acknowledged on the presentation so far is in
/// Postgres, for at most `within`.
///
/// # Errors
/// [`LedgerError::unsettled`] past `within`; [`LedgerError::Unavailable`]
/// when Redis fails.
pub async fn settle(
    redis: &Redis,
    presentation: PresentationId,
    within: Duration,
) -> Result<(), LedgerError> {
    let started = Instant::now();
    let stream = Keys::new(presentation).stream();
    let mut conn = redis.conn()?;
    // Both ends in one round trip: an empty stream (the usual case outside
    // a burst) needs no wait at all.
    let (last, first): (StreamRangeReply, StreamRangeReply) = redis::pipe()
        .xrevrange_count(&stream, "+", "-", 1)
        .xrange_count(&stream, "-", "+", 1)
        .query_async(&mut conn)
        .await
        .context("reading the vote stream's ends")?;
    let (Some(mark), Some(_)) = (last.ids.first(), first.ids.first()) else {
        return Ok(());
    };
    let mark = mark.id.clone();
    let mut pause = FIRST_PAUSE;
    loop {
        let left = within.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(LedgerError::unsettled(started.elapsed()));
        }
        tokio::time::sleep(pause.min(left)).await;
        pause = (pause * 2).min(LAST_PAUSE);
        let oldest: StreamRangeReply = conn
            .xrange_count(&stream, "-", &mark, 1)
            .await
            .context("reading the vote stream")?;
        if oldest.ids.is_empty() {
            return Ok(());
        }
    }
}
