-- mark_failed: ends a pending execution whose webhook was not accepted (non-2xx, connection error,
-- timeout) as failure/invocation_failed with the error. Refused when the caller's attempt is stale.
-- If a callback already moved the execution on, the callback wins and nothing is overwritten.
-- The failure becomes its job's health (job_health.lua's record_health).
-- KEYS[1] execution hash   KEYS[2] pending   KEYS[3] job active set   KEYS[4] job hash
-- ARGV[1] attempt   ARGV[2] work member   ARGV[3] invoked_ms ('' when never sent)
-- ARGV[4] error   ARGV[5] http status ('' when none)   ARGV[6] retention_ms
-- ARGV[7] this dispatcher's delivery attempts (lines 'at_ms|status|error'), appended to the record
-- Returns { 'failure' } | { 'stale' } | { 'missing' } | { 'callback', status } when a callback won.
-- The callback case is tagged: a reported failure or a heartbeat's 'running' must not read as
-- this script's own { 'failure' }.
-- Execution fields: docs/redis-keys.md (times in ms after `sc`; the invocation's latency is `cl`).
local e = redis.call('HMGET', KEYS[1], 'st', 'at', 'sc')
if not e[1] then return { 'missing' } end
if e[2] ~= ARGV[1] then return { 'stale' } end
local sched = tonumber(e[3])
local previous = redis.call('HGET', KEYS[1], 'dv')
redis.call('HSET', KEYS[1], 'dv', previous and (previous .. '\n' .. ARGV[7]) or ARGV[7])
-- The last success the claim saw only served redeliveries, and this delivery is over.
redis.call('HDEL', KEYS[1], 'ok')
if e[1] ~= 'pending' then
  redis.call('ZREM', KEYS[2], ARGV[2])
  return { 'callback', e[1] }
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('HSET', KEYS[1], 'st', 'failure', 'rs', 'invocation_failed', 'er', ARGV[4], 'fn', now - sched)
redis.call('HDEL', KEYS[1], 'tl')
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'iv', ARGV[3] - sched) end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'hs', ARGV[5]) end
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('ZREM', KEYS[2], ARGV[2])
local id = string.sub(ARGV[2], 1, string.find(ARGV[2], '/', 1, true) - 1)
redis.call('SREM', KEYS[3], id)
-- 410 Gone: the target is gone for good (docs/executions.md), so the job is paused rather than run again.
record_health(KEYS[4], id, 'failure', 'invocation_failed', sched, now, ARGV[5] == '410' and 'target answered 410 Gone' or nil)
return { 'failure' }
