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
-- Execution fields: docs/redis-keys.md (times in ms after `sc`; the invocation's latency is `cl`).
local unpack = unpack or table.unpack
local e = redis.call('HMGET', KEYS[1], 'st', 'at', 'tl', 'sc', 'iv', 'dv')
if not e[1] then return { 'missing' } end
if e[2] ~= ARGV[1] then return { 'stale' } end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local sched = tonumber(e[4])
-- One HSET for everything written to the execution: its hash is a listpack, each write scans it.
local fields = { 'hs', ARGV[4], 'dv', e[6] and (e[6] .. '\n' .. ARGV[5]) or ARGV[5] }
if ARGV[6] and ARGV[6] ~= '' then fields[#fields + 1] = 'tp'; fields[#fields + 1] = ARGV[6] end
if not e[5] then fields[#fields + 1] = 'iv'; fields[#fields + 1] = ARGV[3] - sched end
local deadline
if e[1] == 'pending' then
  deadline = now + tonumber(e[3]) * 1000
  for _, v in ipairs({ 'st', 'running', 'dl', deadline - sched }) do fields[#fields + 1] = v end
end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('ZREM', KEYS[2], ARGV[2])
-- The last success the claim saw only served redeliveries, and the webhook is now answered.
redis.call('HDEL', KEYS[1], 'ok')
if e[1] ~= 'pending' then
  -- A success that beat this answer became the job's last success before its invocation time was
  -- known; fill it in so the next webhook's last_successful_execution is complete.
  local id = string.sub(ARGV[2], 1, string.find(ARGV[2], '/', 1, true) - 1)
  if e[1] == 'success' and not e[5] and redis.call('HGET', KEYS[4], 'last_ok_id') == id then
    redis.call('HSET', KEYS[4], 'last_ok_invoked_ms', ARGV[3])
  end
  return { 'callback', e[1] }
end
redis.call('ZADD', KEYS[3], deadline, ARGV[2])
return { 'running', deadline }
