-- create_manual_run: records a manual run of a job ("run now"), also when the job is disabled.
-- An exclusive job with a pending or running execution gets the run recorded as failed with
-- exclusive_conflict, as a scheduled instant would. Otherwise the run is pending with an already
-- expired lease, so the next dispatcher to look takes it (reclaim_pending) and sends its webhook.
-- A conflict becomes the job's health (job_health.lua's record_health).
-- KEYS[1] job hash   KEYS[2] job executions   KEYS[3] job active set   KEYS[4] new execution hash
-- KEYS[5] pending
-- ARGV[1] execution id   ARGV[2] work member   ARGV[3] retention_ms   ARGV[4] its index member
-- Execution fields: docs/redis-keys.md (times in ms after `sc`, defaults left out).
-- Returns { 'missing' } | { status, scheduled_ms }
local j = redis.call('HMGET', KEYS[1], 'service', 'job', 'exclusive', 'ttl_s')
if not j[1] then return { 'missing' } end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
-- Manual runs are scheduled at the whole second they were asked for, like scheduled instants.
local instant = now - now % 1000
redis.call('HSET', KEYS[4], 'sv', j[1], 'jb', j[2], 'tg', 'manual', 'sc', instant)
redis.call('ZADD', KEYS[2], instant, ARGV[4])
if j[3] == '1' and redis.call('SCARD', KEYS[3]) > 0 then
  redis.call('HSET', KEYS[4], 'st', 'failure', 'rs', 'exclusive_conflict', 'at', 0, 'fn', now - instant)
  redis.call('PEXPIRE', KEYS[4], ARGV[3])
  record_health(KEYS[1], ARGV[1], 'failure', 'exclusive_conflict', instant, now)
  return { 'failure', instant }
end
redis.call('HSET', KEYS[4], 'st', 'pending', 'at', 0, 'tl', j[4])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[5], now, ARGV[2])
return { 'pending', instant }
