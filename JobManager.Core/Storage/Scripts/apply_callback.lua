-- apply_callback: applies a service's callback to an execution, atomically with the timeout
-- watcher and the webhook sender, so exactly one final status wins.
--   heartbeat: deadline = now + ttl (a pending execution becomes running: the service has it).
--   success | failure: final; stores state, summary, correlation id and finish time. A success
--   becomes the job's last successful execution unless a later-scheduled success is already there.
-- KEYS[1] execution hash   KEYS[2] pending   KEYS[3] deadlines   KEYS[4] job active set   KEYS[5] job hash
-- ARGV[1] 'success'|'failure'|'heartbeat'   ARGV[2] work member   ARGV[3] retention_ms
-- ARGV[4] has state '1'|'0'  ARGV[5] state  ARGV[6] has summary  ARGV[7] summary
-- ARGV[8] has correlation id  ARGV[9] correlation id
-- Returns { 'missing' } | { 'conflict', status } | { 'ok', status, deadline_ms|finished_ms }
local e = redis.call('HMGET', KEYS[1], 'status', 'ttl_s', 'sched_ms', 'invoked_ms', 'id')
if not e[1] then return { 'missing' } end
if e[1] == 'success' or e[1] == 'failure' then return { 'conflict', e[1] } end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

if ARGV[1] == 'heartbeat' then
  local deadline = now + tonumber(e[2]) * 1000
  redis.call('HSET', KEYS[1], 'status', 'running', 'deadline_ms', deadline)
  redis.call('HINCRBY', KEYS[1], 'heartbeats', 1)
  redis.call('ZREM', KEYS[2], ARGV[2])
  redis.call('ZADD', KEYS[3], deadline, ARGV[2])
  return { 'ok', 'running', deadline }
end

redis.call('HSET', KEYS[1], 'status', ARGV[1], 'finished_ms', now)
if ARGV[1] == 'failure' then redis.call('HSET', KEYS[1], 'reason', 'reported') end
if ARGV[4] == '1' then redis.call('HSET', KEYS[1], 'state', ARGV[5]) end
if ARGV[6] == '1' then redis.call('HSET', KEYS[1], 'summary', ARGV[7]) end
if ARGV[8] == '1' then redis.call('HSET', KEYS[1], 'corr', ARGV[9]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
redis.call('SREM', KEYS[4], e[5])

if ARGV[1] == 'success' and redis.call('EXISTS', KEYS[5]) == 1 then
  local current = redis.call('HGET', KEYS[5], 'last_ok_sched_ms')
  if not current or tonumber(current) <= tonumber(e[3]) then
    redis.call('HSET', KEYS[5], 'last_ok_id', e[5], 'last_ok_sched_ms', e[3])
    redis.call('HDEL', KEYS[5], 'last_ok_invoked_ms', 'last_ok_state', 'last_ok_summary')
    if e[4] then redis.call('HSET', KEYS[5], 'last_ok_invoked_ms', e[4]) end
    if ARGV[4] == '1' then redis.call('HSET', KEYS[5], 'last_ok_state', ARGV[5]) end
    if ARGV[6] == '1' then redis.call('HSET', KEYS[5], 'last_ok_summary', ARGV[7]) end
  end
end
return { 'ok', ARGV[1], now }
