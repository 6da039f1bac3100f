-- mark_started: records that the service accepted the webhook (2xx). A pending execution becomes
-- running with its deadline = now + ttl. Refused when the caller's attempt is stale (another
-- dispatcher took the execution over). A callback may have arrived before this (fast services):
-- then the execution is already running or final and only the invocation facts are added.
-- KEYS[1] execution hash   KEYS[2] pending   KEYS[3] deadlines   KEYS[4] job hash
-- ARGV[1] attempt   ARGV[2] work member (id/service/job)   ARGV[3] invoked_ms   ARGV[4] http status
-- ARGV[5] this dispatcher's delivery attempts (lines 'at_ms|status|error'), appended to the record
-- ARGV[6] the dispatch span's W3C traceparent ('' when not traced): the Api links callbacks to it
-- Returns { 'running', deadline_ms } | { 'stale' } | { 'missing' } | { 'callback', status } when a callback won.
-- The callback case is tagged: its status may itself be 'running' (a heartbeat came first), which
-- must not read as this script's own { 'running', deadline_ms }.
local e = redis.call('HMGET', KEYS[1], 'status', 'attempt', 'ttl_s', 'sched_ms', 'invoked_ms', 'claimed_ms', 'id')
if not e[1] then return { 'missing' } end
if e[2] ~= ARGV[1] then return { 'stale' } end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[6] and ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'traceparent', ARGV[6]) end
redis.call('ZREM', KEYS[2], ARGV[2])
if not e[5] then
  -- The latency the webhook reported: from the instant to the first claim, the same on every redelivery.
  redis.call('HSET', KEYS[1], 'invoked_ms', ARGV[3], 'latency_ms', tonumber(e[6] or ARGV[3]) - tonumber(e[4]))
end
redis.call('HSET', KEYS[1], 'http_status', ARGV[4])
local previous = redis.call('HGET', KEYS[1], 'deliveries')
redis.call('HSET', KEYS[1], 'deliveries', previous and (previous .. '\n' .. ARGV[5]) or ARGV[5])
if e[1] ~= 'pending' then
  -- A success that beat this answer became the job's last success before its invocation time was
  -- known; fill it in so the next webhook's last_successful_execution is complete.
  if e[1] == 'success' and not e[5] and redis.call('HGET', KEYS[4], 'last_ok_id') == e[7] then
    redis.call('HSET', KEYS[4], 'last_ok_invoked_ms', ARGV[3])
  end
  return { 'callback', e[1] }
end
local deadline = now + tonumber(e[3]) * 1000
redis.call('HSET', KEYS[1], 'status', 'running', 'deadline_ms', deadline)
redis.call('ZADD', KEYS[3], deadline, ARGV[2])
return { 'running', deadline }
