-- create_manual_run: records a manual run of a job ("run now"), also when the job is disabled.
-- An exclusive job with a pending or running execution gets the run recorded as failed with
-- exclusive_conflict, as a scheduled instant would. Otherwise the run is pending with an already
-- expired lease, so the next dispatcher to look takes it (reclaim_pending) and sends its webhook.
-- KEYS[1] job hash   KEYS[2] job executions   KEYS[3] service executions   KEYS[4] job active set
-- KEYS[5] new execution hash   KEYS[6] pending
-- ARGV[1] execution id   ARGV[2] work member   ARGV[3] retention_ms
-- Returns { 'missing' } | { status, scheduled_ms }
local j = redis.call('HMGET', KEYS[1], 'service', 'job', 'exclusive', 'ttl_s')
if not j[1] then return { 'missing' } end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
-- Manual runs are scheduled at the whole second they were asked for, like scheduled instants.
local instant = now - now % 1000
redis.call('HSET', KEYS[5], 'id', ARGV[1], 'service', j[1], 'job', j[2], 'trigger', 'manual',
  'sched_ms', instant, 'ttl_s', j[4], 'missed', 0, 'heartbeats', 0)
redis.call('ZADD', KEYS[2], instant, ARGV[1])
redis.call('ZADD', KEYS[3], instant, ARGV[1])
if j[3] == '1' and redis.call('SCARD', KEYS[4]) > 0 then
  redis.call('HSET', KEYS[5], 'status', 'failure', 'reason', 'exclusive_conflict', 'attempt', 0,
    'finished_ms', now)
  redis.call('PEXPIRE', KEYS[5], ARGV[3])
  return { 'failure', instant }
end
redis.call('HSET', KEYS[5], 'status', 'pending', 'attempt', 0)
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('ZADD', KEYS[6], now, ARGV[2])
return { 'pending', instant }
