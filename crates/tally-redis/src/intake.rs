//! The vote intake on Redis: the `VOTE` script, which decides each vote
//! atomically (checks, de-duplication, count, stream entry at one instant),
//! and the per-thread batcher that group-commits votes into it.

use crate::errors::intake_error;
use crate::keys::Keys;
use crate::mirror::Rebuilder;
use crate::Redis;
use redis::Script;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::LazyLock;
use tally_domain::kinds::PollType;
use tally_domain::ports::{IntakeError, PresentationStore, VoteIntake, VoteLedger};
use tally_domain::{Ballot, PresentationId, VoteReceipt};
use tokio::sync::{mpsc, oneshot, Semaphore};

/// A batch of votes on one presentation: the group commit. Every vote that
/// gathered while the previous batch was in flight goes in one call, so
/// Redis parses, runs and (with `appendfsync always`) syncs them together.
/// Each vote is decided exactly as if it came alone, in the batch's order.
///
/// KEYS: state, polls, stream, absent, then per vote: options(poll),
/// voters(poll), counts(poll). ARGV: per vote: poll id, participant, type
/// ('' for a retraction, which fits every type), encoded choice ('' to
/// retract), the round the choice was checked in ('' when it was not:
/// the script checks a single-choice key itself).
///
/// The voters hash holds each participant's encoded choice; a change takes
/// the old choice's marks off the counters and adds the new one's, a
/// retraction takes them off. Each appends one stream entry (`k` absent for
/// a retraction; `r` the poll's round), whose id orders it for the flusher.
///
/// Returns one outcome per vote: counted, changed, retracted, repeat,
/// different, locked (retraction without `allow_change`), closed,
/// not_current, poll_not_found, wrong_type, round_changed, unknown_option,
/// absent, missing
/// (no mirror: rebuild it from Postgres and retry). Stamps the state's
/// `seen` field (Redis time, seconds) when a vote is counted: the janitor
/// retires mirrors idle for long.
pub(crate) static VOTE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{}{}",
        crate::scripts::APPLY,
        r"
local n = #ARGV / 5
local out = {}
local current = redis.call('HGET', KEYS[1], 'poll')
if not current then
  local r = 'missing'
  if redis.call('EXISTS', KEYS[4]) == 1 then r = 'absent' end
  for i = 1, n do out[i] = r end
  return out
end
local open = redis.call('HGET', KEYS[1], 'open:' .. current) == '1'
local deadline = tonumber(redis.call('HGET', KEYS[1], 'deadline:' .. current) or '0')
if open and deadline > 0 then
  -- The timer, by Redis's clock: every process's votes meet one clock.
  local t = redis.call('TIME')
  open = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) < deadline
end
local own = redis.call('HGET', KEYS[1], 'kind:' .. current) or 'single'
local change = redis.call('HGET', KEYS[1], 'change:' .. current) == '1'
local round = redis.call('HGET', KEYS[1], 'round:' .. current) or '1'
local counted = 0
for i = 1, n do
  local poll, participant, kind, choice, checked = ARGV[5 * i - 4], ARGV[5 * i - 3], ARGV[5 * i - 2], ARGV[5 * i - 1], ARGV[5 * i]
  local base = 4 + 3 * (i - 1)
  local r
  if current ~= poll then
    if redis.call('SISMEMBER', KEYS[2], poll) == 1 then r = 'not_current' else r = 'poll_not_found' end
  elseif not open then
    r = 'closed'
  elseif kind ~= '' and kind ~= own then
    r = 'wrong_type'
  elseif checked ~= '' and checked ~= round then
    r = 'round_changed'
  elseif choice ~= '' and own == 'single' and redis.call('SISMEMBER', KEYS[base + 1], choice) == 0 then
    r = 'unknown_option'
  else
    local earlier = redis.call('HGET', KEYS[base + 2], participant)
    if choice == '' then
      if not change then
        r = 'locked'
      elseif not earlier then
        r = 'repeat'
      else
        apply(KEYS[base + 3], earlier, -1)
        redis.call('HDEL', KEYS[base + 2], participant)
        redis.call('XADD', KEYS[3], '*', 'p', poll, 'c', participant, 'r', round)
        r = 'retracted'
      end
    elseif earlier == choice then
      r = 'repeat'
    elseif earlier and not change then
      r = 'different'
    else
      if earlier then apply(KEYS[base + 3], earlier, -1) end
      apply(KEYS[base + 3], choice, 1)
      redis.call('HSET', KEYS[base + 2], participant, choice)
      redis.call('XADD', KEYS[3], '*', 'p', poll, 'c', participant, 'r', round, 'k', choice)
      if earlier then r = 'changed' else r = 'counted' end
    end
  end
  if r == 'counted' or r == 'changed' or r == 'retracted' then counted = counted + 1 end
  out[i] = r
end
if counted > 0 then
  redis.call('HSET', KEYS[1], 'seen', redis.call('TIME')[1])
end
return out
",
    ))
});

/// Most votes per script call unless told otherwise.
pub const DEFAULT_BATCH: usize = 256;
/// Batches one thread keeps in flight to Redis: while one runs, the next is
/// on the wire and the one after gathers.
const BATCHES_IN_FLIGHT: usize = 2;

/// Votes into Redis: one atomic script checks the mirrored state,
/// de-duplicates, counts and appends to the stream. Acknowledged votes reach
/// Postgres through the flusher.
///
/// Votes are group-committed: each thread has one batcher, and the votes
/// that arrive while its batches are in flight go together in the next
/// script call (one per presentation). Under a spike a call carries up to
/// `batch` votes; when idle, a vote goes alone at once.
#[derive(Clone, Debug)]
pub struct RedisIntake<S: PresentationStore, L: VoteLedger> {
    redis: Redis,
    rebuilder: Rebuilder<S, L>,
    batch: usize,
}

/// A vote waiting for its batch, and where its outcome goes.
struct Pending {
    ballot: Ballot,
    reply: oneshot::Sender<Result<String, IntakeError>>,
}

thread_local! {
    /// Each thread's batcher, per `Redis` value (as its connections are).
    static BATCHERS: RefCell<HashMap<u64, mpsc::UnboundedSender<Pending>>> = RefCell::default();
}

impl<S: PresentationStore, L: VoteLedger> RedisIntake<S, L> {
    pub fn new(redis: Redis, rebuilder: Rebuilder<S, L>) -> Self {
        Self {
            redis,
            rebuilder,
            batch: DEFAULT_BATCH,
        }
    }

    /// At most `batch` votes per script call (at least 1).
    #[must_use]
    pub fn with_batch(mut self, batch: usize) -> Self {
        self.batch = batch.max(1);
        self
    }

    /// This thread's batcher, started on this thread's runtime on first use
    /// (and again if that runtime has gone).
    fn batcher(&self) -> mpsc::UnboundedSender<Pending> {
        BATCHERS.with(|batchers| {
            let mut batchers = batchers.borrow_mut();
            if let Some(tx) = batchers.get(&self.redis.id).filter(|tx| !tx.is_closed()) {
                return tx.clone();
            }
            let (tx, rx) = mpsc::unbounded_channel();
            tokio::spawn(run_batcher(self.redis.clone(), self.batch, rx));
            batchers.insert(self.redis.id, tx.clone());
            tx
        })
    }

    /// The script's outcome for one ballot, decided in a batch.
    async fn decide(&self, ballot: &Ballot) -> Result<String, IntakeError> {
        let (reply, outcome) = oneshot::channel();
        let pending = Pending {
            ballot: ballot.clone(),
            reply,
        };
        if let Err(mpsc::error::SendError(pending)) = self.batcher().send(pending) {
            // The batcher's runtime stopped between the check and the send:
            // decide this one alone.
            run_batch(&self.redis, vec![pending]).await;
        }
        outcome
            .await
            .map_err(|_| IntakeError::OutcomeUnknown(anyhow::anyhow!("the vote batcher stopped")))?
    }
}

/// Gathers votes into batches and keeps up to [`BATCHES_IN_FLIGHT`] of them
/// running; ends when every sender is gone.
async fn run_batcher(redis: Redis, max: usize, mut rx: mpsc::UnboundedReceiver<Pending>) {
    let slots = Arc::new(Semaphore::new(BATCHES_IN_FLIGHT));
    while let Some(first) = rx.recv().await {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        // Everything that arrived while waiting for the slot goes too.
        let mut batch = vec![first];
        while batch.len() < max {
            match rx.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let redis = redis.clone();
        tokio::spawn(async move {
            run_batch(&redis, batch).await;
            drop(slot);
        });
    }
}

/// One script call per presentation in the batch, sent together (the
/// connection pipelines them); each vote's outcome goes to its sender.
async fn run_batch(redis: &Redis, batch: Vec<Pending>) {
    let mut by_presentation: BTreeMap<PresentationId, Vec<Pending>> = BTreeMap::new();
    for pending in batch {
        by_presentation
            .entry(pending.ballot.presentation_id)
            .or_default()
            .push(pending);
    }
    futures_util::future::join_all(
        by_presentation
            .into_iter()
            .map(|(id, votes)| run_script(redis, id, votes)),
    )
    .await;
}

async fn run_script(redis: &Redis, id: PresentationId, votes: Vec<Pending>) {
    let keys = Keys::new(id);
    let mut invocation = VOTE.prepare_invoke();
    invocation
        .key(keys.state())
        .key(keys.polls())
        .key(keys.stream())
        .key(keys.absent());
    for Pending { ballot, .. } in &votes {
        invocation
            .key(keys.options(ballot.poll_id))
            .key(keys.voters(ballot.poll_id))
            .key(keys.counts(ballot.poll_id))
            .arg(ballot.poll_id.to_string())
            .arg(ballot.participant.to_string())
            .arg(ballot.kind.map_or("", PollType::as_str))
            .arg(ballot.choice.as_deref().unwrap_or(""))
            .arg(ballot.round.map(|r| r.to_string()).unwrap_or_default());
    }
    let outcomes: Result<Vec<String>, IntakeError> = match redis.conn() {
        Ok(mut conn) => invocation
            .invoke_async(&mut conn)
            .await
            .map_err(|e| intake_error(&e, "running the vote script")),
        Err(e) => Err(IntakeError::Unavailable(e)),
    };
    let outcomes = outcomes.and_then(|outcomes: Vec<String>| {
        if outcomes.len() == votes.len() {
            Ok(outcomes)
        } else {
            Err(IntakeError::OutcomeUnknown(anyhow::anyhow!(
                "the vote script answered {} outcomes for {} votes",
                outcomes.len(),
                votes.len()
            )))
        }
    });
    match outcomes {
        Ok(outcomes) => {
            for (pending, outcome) in votes.into_iter().zip(outcomes) {
                let _ = pending.reply.send(Ok(outcome));
            }
        }
        Err(error) => {
            // One error, many votes: each gets its own copy of the same kind.
            let (why, unreachable) = (
                format!("{error:#}"),
                matches!(error, IntakeError::Unavailable(_)),
            );
            for pending in votes {
                let cause = anyhow::anyhow!("{why}");
                let _ = pending.reply.send(Err(if unreachable {
                    IntakeError::Unavailable(cause)
                } else {
                    IntakeError::OutcomeUnknown(cause)
                }));
            }
        }
    }
}

/// A failed rebuild, for the vote that needed it. The rebuild reads Postgres
/// and writes Redis; only a lost Redis connection is evidence that Redis is
/// down and may switch the intake. A slow or failing Postgres is not (the
/// rebuild of a mirror the sweep retired is routine, and a spike can meet
/// it). Nothing of this vote was stored (the script found no mirror), so it
/// is refused like an overload: the phone sends it again after the hint.
fn rebuild_error(error: anyhow::Error) -> IntakeError {
    match error
        .chain()
        .find_map(|cause| cause.downcast_ref::<redis::RedisError>())
    {
        Some(redis) => intake_error(redis, "rebuilding the mirror"),
        None => {
            tracing::warn!(error = %format!("{error:#}"), "could not rebuild a mirror from Postgres; the vote is refused for a retry");
            IntakeError::Overloaded
        }
    }
}

impl<S: PresentationStore, L: VoteLedger> VoteIntake for RedisIntake<S, L> {
    async fn cast(&self, ballot: Ballot) -> Result<VoteReceipt, IntakeError> {
        let mut outcome = self.decide(&ballot).await?;
        if outcome == "missing" {
            // No mirror (first vote since Redis lost its data, since the
            // presentation was created while Redis was away, or since the
            // janitor retired an idle mirror): rebuild it from Postgres
            // once, then decide.
            let _guard = self.rebuilder.lock(ballot.presentation_id).await;
            outcome = self.decide(&ballot).await?;
            if outcome == "missing" {
                self.rebuilder
                    .rebuild(ballot.presentation_id, false)
                    .await
                    .map_err(rebuild_error)?;
                outcome = self.decide(&ballot).await?;
            }
        }
        match outcome.as_str() {
            "counted" => Ok(VoteReceipt::Counted),
            "changed" => Ok(VoteReceipt::Changed),
            "retracted" => Ok(VoteReceipt::Retracted),
            "repeat" => Ok(VoteReceipt::AlreadyCounted),
            "different" => Err(IntakeError::AlreadyVotedDifferently),
            "locked" => Err(IntakeError::ChangeNotAllowed),
            "wrong_type" => Err(IntakeError::WrongType),
            "round_changed" => Err(IntakeError::RoundChanged),
            "closed" => Err(IntakeError::VotingClosed),
            "not_current" => Err(IntakeError::PollNotCurrent),
            "poll_not_found" => Err(IntakeError::PollNotFound),
            "unknown_option" => Err(IntakeError::UnknownOption(ballot.key().to_owned())),
            "absent" | "missing" => Err(IntakeError::PresentationNotFound),
            other => Err(IntakeError::OutcomeUnknown(anyhow::anyhow!(
                "vote script answered {other:?}"
            ))),
        }
    }
}
