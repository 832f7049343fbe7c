//! The Lua scripts. Redis runs each atomically, so a vote's checks, its
//! de-duplication, its count and its stream entry happen at one instant.

use redis::Script;
use std::sync::LazyLock;

/// One vote.
///
/// KEYS: state, polls, options(poll), voters(poll), counts(poll), stream,
/// absent. ARGV: poll id, participant, key.
///
/// Returns one of: counted, repeat, different, closed, not_current,
/// poll_not_found, unknown_option, absent, missing (no mirror: rebuild it
/// from Postgres and retry).
pub static VOTE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local current = redis.call('HGET', KEYS[1], 'poll')
if not current then
  if redis.call('EXISTS', KEYS[7]) == 1 then return 'absent' end
  return 'missing'
end
if current ~= ARGV[1] then
  if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 'not_current' end
  return 'poll_not_found'
end
if redis.call('HGET', KEYS[1], 'open:' .. ARGV[1]) ~= '1' then return 'closed' end
if redis.call('SISMEMBER', KEYS[3], ARGV[3]) == 0 then return 'unknown_option' end
local earlier = redis.call('HGET', KEYS[4], ARGV[2])
if earlier then
  if earlier == ARGV[3] then return 'repeat' end
  return 'different'
end
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3])
redis.call('HINCRBY', KEYS[5], ARGV[3], 1)
redis.call('XADD', KEYS[6], '*', 'p', ARGV[1], 'c', ARGV[2], 'k', ARGV[3])
return 'counted'
",
    )
});

/// Installs or updates the mirror of a presentation's state, unless the
/// mirror already holds a newer version (a fencing number: a slow or
/// out-of-order update can never roll the screen back).
///
/// KEYS: state, polls, deck, options(poll 1..n). ARGV: version, current
/// poll, deck JSON, then per poll: poll id, open (1/0), number of keys,
/// keys...
///
/// Returns 'fresh' (there was no mirror), 'updated' or 'stale' (ignored).
pub static INSTALL: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local mirrored = redis.call('HGET', KEYS[1], 'version')
if mirrored and tonumber(mirrored) > tonumber(ARGV[1]) then return 'stale' end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'poll', ARGV[2])
redis.call('SET', KEYS[3], ARGV[3])
local i = 4
local poll_index = 4
while i <= #ARGV do
  local poll = ARGV[i]
  local open = ARGV[i + 1]
  local n = tonumber(ARGV[i + 2])
  redis.call('HSET', KEYS[1], 'open:' .. poll, open)
  redis.call('SADD', KEYS[2], poll)
  for k = 1, n do
    redis.call('SADD', KEYS[poll_index], ARGV[i + 2 + k])
  end
  poll_index = poll_index + 1
  i = i + 3 + n
end
if mirrored then return 'updated' end
return 'fresh'
",
    )
});

/// Adds votes Postgres holds and the mirror lacks (cast through the direct
/// path, or lost with Redis data), counting each participant once.
///
/// KEYS: voters(poll), counts(poll). ARGV: participant, key, participant,
/// key, ... Returns how many were added.
pub static MERGE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local added = 0
for i = 1, #ARGV, 2 do
  if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then
    redis.call('HINCRBY', KEYS[2], ARGV[i + 1], 1)
    added = added + 1
  end
end
return added
",
    )
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

/// The metric label of a script, from its SHA1 (as EVALSHA sends it).
pub(crate) fn label_of(sha: &[u8]) -> &'static str {
    [
        (&*VOTE, "script:vote"),
        (&*INSTALL, "script:install"),
        (&*MERGE, "script:merge"),
        (&*AUDIENCE, "script:audience"),
    ]
    .into_iter()
    .find(|(script, _)| script.get_hash().as_bytes().eq_ignore_ascii_case(sha))
    .map_or("evalsha", |(_, label)| label)
}
