//! The Lua scripts that keep the mirror (the vote's own, `VOTE`, lives with
//! the intake). Redis runs each atomically.

use redis::Script;
use std::sync::LazyLock;

/// Lua shared by the scripts that count: `apply(counts, choice, sign)`
/// moves the counters of an encoded choice (`kinds::encoding`, which it
/// mirrors) up (`sign` 1) or down (-1), deleting counters that reach zero.
/// Open text (a leading U+001C) moves none.
pub(crate) const APPLY: &str = r"
local function apply(counts, choice, sign)
  if string.byte(choice, 1) == 28 then return end
  for mark in string.gmatch(choice, '[^\30]+') do
    local field, amount = string.match(mark, '^(.*)\29(%d+)$')
    if not field then field = mark; amount = 1 end
    if redis.call('HINCRBY', counts, field, sign * tonumber(amount)) <= 0 then
      redis.call('HDEL', counts, field)
    end
  end
end
";

/// Installs or updates the mirror of a presentation's state, unless the
/// mirror already holds a newer version (a fencing number: a slow or
/// out-of-order update can never roll the screen back).
///
/// KEYS: state, polls, deck, options(poll 1..n). ARGV: version, current
/// poll, deck JSON, key prefix, then per poll: poll id, open (1/0), type,
/// allow change (1/0), deadline (ms since the epoch; 0: none), round,
/// number of keys, keys...
///
/// Each poll's option keys are replaced, not added to: a deck edit may have
/// removed some.
///
/// A poll whose round moved on (a reset) loses its voters and counters: the
/// new round counts from zero. Its earlier round's votes are in the stream
/// under their round, and reach Postgres there.
///
/// Stamps `seen` (Redis time, seconds), as a counted vote does.
///
/// A fresh mirror (none, or one still being filled) gets its current poll
/// as `pending_poll`, not `poll`: votes find it "missing" and wait for the
/// rebuild, until the installer has merged the votes Postgres holds and
/// [`ACTIVATE`]d it. Otherwise a voter who voted before the mirror was lost
/// or retired could be counted again in the window between the two.
///
/// Returns 'fresh' (no usable mirror: merge the votes, then activate),
/// 'updated' or 'stale' (ignored).
pub static INSTALL: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local mirrored = redis.call('HGET', KEYS[1], 'version')
if mirrored and tonumber(mirrored) > tonumber(ARGV[1]) then return 'stale' end
local usable = redis.call('HEXISTS', KEYS[1], 'poll') == 1
local slot = 'pending_poll'
if usable then slot = 'poll' end
redis.call('HSET', KEYS[1], 'version', ARGV[1], slot, ARGV[2], 'seen', redis.call('TIME')[1])
redis.call('SET', KEYS[3], ARGV[3])
local prefix = ARGV[4]
local i = 5
local poll_index = 4
while i <= #ARGV do
  local poll = ARGV[i]
  local n = tonumber(ARGV[i + 6])
  local round = redis.call('HGET', KEYS[1], 'round:' .. poll)
  if round and round ~= ARGV[i + 5] then
    redis.call('DEL', prefix .. ':voters:' .. poll, prefix .. ':counts:' .. poll)
  end
  redis.call('HSET', KEYS[1], 'open:' .. poll, ARGV[i + 1], 'kind:' .. poll, ARGV[i + 2],
    'change:' .. poll, ARGV[i + 3], 'deadline:' .. poll, ARGV[i + 4], 'round:' .. poll, ARGV[i + 5])
  redis.call('SADD', KEYS[2], poll)
  -- The options as they are now: an edit may have removed some.
  redis.call('DEL', KEYS[poll_index])
  for k = 1, n do
    redis.call('SADD', KEYS[poll_index], ARGV[i + 6 + k])
  end
  poll_index = poll_index + 1
  i = i + 7 + n
end
if usable then return 'updated' end
return 'fresh'
",
    )
});

/// Opens a fresh mirror to votes once its votes are merged: its pending
/// poll becomes the current poll (the newest pending one, if installs
/// raced).
///
/// KEYS: state.
pub static ACTIVATE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local pending = redis.call('HGET', KEYS[1], 'pending_poll')
if pending then
  redis.call('HSET', KEYS[1], 'poll', pending)
  redis.call('HDEL', KEYS[1], 'pending_poll')
end
return 1
",
    )
});

/// Adds votes Postgres holds and the mirror lacks (cast through the direct
/// path, or lost with Redis data), counting each participant once.
///
/// KEYS: voters(poll), counts(poll). ARGV: participant, encoded choice,
/// participant, encoded choice, ... Returns how many were added.
pub static MERGE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{APPLY}{}",
        r"
local added = 0
for i = 1, #ARGV, 2 do
  if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then
    apply(KEYS[2], ARGV[i + 1], 1)
    added = added + 1
  end
end
return added
",
    ))
});

/// Records one process's live audience for a presentation and returns the
/// audience across every process whose entry has not expired. Expiry uses
/// Redis's clock, so the processes' clocks need not agree; expired entries
/// (a process that died without withdrawing) are removed as they are seen.
///
/// KEYS: audience. ARGV: instance, audience (0 withdraws), time to live ms.
/// Returns the total.
pub static AUDIENCE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[3])
if tonumber(ARGV[2]) > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], string.format('%d:%d', tonumber(ARGV[2]), now + ttl))
else
  redis.call('HDEL', KEYS[1], ARGV[1])
end
local total = 0
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local count, expires = string.match(entries[i + 1], '^(%d+):(%d+)$')
  if count and tonumber(expires) >= now then
    total = total + tonumber(count)
  else
    redis.call('HDEL', KEYS[1], entries[i])
  end
end
if total > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return total
",
    )
});

/// Retires an idle mirror: deletes its keys and takes it off the set the
/// flushers read, but only if nothing of it is left to flush (its stream is
/// empty: the flusher deletes entries once stored) and it has been idle
/// (`seen`) for at least the given time. A vote that comes afterwards finds
/// no mirror and rebuilds it from Postgres, which then holds every vote.
/// One atomic step, so no vote can land between the check and the delete.
/// With no state hash it deletes nothing (a rebuild may be under way) and
/// only drops the id from the set.
///
/// KEYS: state, polls, deck, stream, active set. ARGV: presentation id,
/// idle seconds, key prefix (`tally:{<id>}`).
///
/// Returns 'retired', 'active', 'backlog' or 'gone'.
pub static RETIRE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SREM', KEYS[5], ARGV[1])
  return 'gone'
end
local seen = tonumber(redis.call('HGET', KEYS[1], 'seen') or '0')
local now = tonumber(redis.call('TIME')[1])
if now - seen < tonumber(ARGV[2]) then return 'active' end
if redis.call('XLEN', KEYS[4]) > 0 then return 'backlog' end
for _, poll in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  redis.call('DEL', ARGV[3] .. ':opts:' .. poll, ARGV[3] .. ':voters:' .. poll, ARGV[3] .. ':counts:' .. poll)
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
redis.call('SREM', KEYS[5], ARGV[1])
return 'retired'
",
    )
});

/// Deletes the stream's consumers that hold no pending entry and have been
/// idle for at least the given time: flushers of processes that stopped
/// (their entries were reclaimed by the living). One atomic step, so a
/// consumer cannot take an entry between the check and its deletion (a
/// living one deleted while idle is recreated by its next read).
///
/// KEYS: stream. ARGV: group, idle ms. Returns how many were deleted.
pub static PRUNE_CONSUMERS: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local deleted = 0
for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
  local fields = {}
  for i = 1, #consumer, 2 do fields[consumer[i]] = consumer[i + 1] end
  if tonumber(fields['pending']) == 0 and tonumber(fields['idle']) >= tonumber(ARGV[2]) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], fields['name'])
    deleted = deleted + 1
  end
end
return deleted
",
    )
});

/// The metric label of a script, from its SHA1 (as EVALSHA sends it).
pub(crate) fn label_of(sha: &[u8]) -> &'static str {
    [
        (&*crate::intake::VOTE, "script:vote"),
        (&*INSTALL, "script:install"),
        (&*ACTIVATE, "script:activate"),
        (&*MERGE, "script:merge"),
        (&*AUDIENCE, "script:audience"),
        (&*RETIRE, "script:retire"),
        (&*PRUNE_CONSUMERS, "script:prune_consumers"),
    ]
    .into_iter()
    .find(|(script, _)| script.get_hash().as_bytes().eq_ignore_ascii_case(sha))
    .map_or("evalsha", |(_, label)| label)
}
