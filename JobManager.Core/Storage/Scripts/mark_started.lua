-- mark_started: records that the service accepted the webhook (2xx). A pending execution becomes
-- running with its deadline = now + ttl. Refused when the caller's attempt is stale (another
-- dispatcher took the execution over). A callback may have arrived before this (fast services):
-- then the execution is already running or final and only the invocation facts are added.
-- KEYS[1] execution hash   KEYS[2] pending   KEYS[3] deadlines
-- ARGV[1] attempt   ARGV[2] work member (id/service/job)   ARGV[3] invoked_ms   ARGV[4] http status
-- ARGV[5] the dispatch span's W3C traceparent ('' when not traced): the Api links callbacks to it
-- Returns { 'running', deadline_ms } | { 'stale' } | { 'missing' } | { status } when a callback won.
local e = redis.call('HMGET', KEYS[1], 'status', 'attempt', 'ttl_s', 'sched_ms', 'invoked_ms')
if not e[1] then return { 'missing' } end
if e[2] ~= ARGV[1] then return { 'stale' } end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[5] and ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'traceparent', ARGV[5]) end
redis.call('ZREM', KEYS[2], ARGV[2])
if not e[5] then
  redis.call('HSET', KEYS[1], 'invoked_ms', ARGV[3], 'latency_ms', tonumber(ARGV[3]) - tonumber(e[4]))
end
redis.call('HSET', KEYS[1], 'http_status', ARGV[4])
if e[1] ~= 'pending' then return { e[1] } end
local deadline = now + tonumber(e[3]) * 1000
redis.call('HSET', KEYS[1], 'status', 'running', 'deadline_ms', deadline)
redis.call('ZADD', KEYS[3], deadline, ARGV[2])
return { 'running', deadline }
