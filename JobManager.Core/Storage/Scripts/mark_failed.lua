-- mark_failed: ends a pending execution whose webhook was not accepted (non-2xx, connection error,
-- timeout) as failure/invocation_failed with the error. Refused when the caller's attempt is stale.
-- If a callback already moved the execution on, the callback wins and nothing is overwritten.
-- KEYS[1] execution hash   KEYS[2] pending   KEYS[3] job active set
-- ARGV[1] attempt   ARGV[2] work member   ARGV[3] invoked_ms ('' when never sent)
-- ARGV[4] error   ARGV[5] http status ('' when none)   ARGV[6] retention_ms
-- ARGV[7] this dispatcher's delivery attempts (lines 'at_ms|status|error'), appended to the record
-- Returns { 'failure' } | { 'stale' } | { 'missing' } | { 'callback', status } when a callback won.
-- The callback case is tagged: a reported failure or a heartbeat's 'running' must not read as
-- this script's own { 'failure' }.
local e = redis.call('HMGET', KEYS[1], 'status', 'attempt', 'id', 'sched_ms', 'claimed_ms')
if not e[1] then return { 'missing' } end
if e[2] ~= ARGV[1] then return { 'stale' } end
local previous = redis.call('HGET', KEYS[1], 'deliveries')
redis.call('HSET', KEYS[1], 'deliveries', previous and (previous .. '\n' .. ARGV[7]) or ARGV[7])
if e[1] ~= 'pending' then
  redis.call('ZREM', KEYS[2], ARGV[2])
  return { 'callback', e[1] }
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('HSET', KEYS[1], 'status', 'failure', 'reason', 'invocation_failed', 'error', ARGV[4],
  'finished_ms', now)
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[1], 'invoked_ms', ARGV[3], 'latency_ms', tonumber(e[5] or ARGV[3]) - tonumber(e[4]))
end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'http_status', ARGV[5]) end
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('SREM', KEYS[3], e[3])
return { 'failure' }
