-- create_backfill: records one execution per past schedule instant of a job (a backfill), also when the
-- job is disabled, like a manual run. Each is pending with an already expired lease (scores a millisecond
-- apart, in schedule order), so the dispatchers deliver them now, in that order (reclaim_pending). None
-- joins the job's active set here: reclaim_pending adds each as it delivers it, and while an exclusive
-- job has an execution in progress it makes the next wait (`bw`, its rank, keeps them in order), so an
-- exclusive job gets them one after another.
-- KEYS[1] job hash   KEYS[2] job executions   KEYS[3] pending   then per execution i: its hash
-- ARGV: per execution i, 4 values: id, work member, index member, scheduled_ms
-- Execution fields: docs/redis-keys.md (times in ms after `sc`, defaults left out).
-- Returns { 'missing' } | { 'created', now }
local j = redis.call('HMGET', KEYS[1], 'service', 'job', 'ttl_s')
if not j[1] then return { 'missing' } end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 0, #KEYS - 4 do
  local id, work, ref, sched = ARGV[1 + i * 4], ARGV[2 + i * 4], ARGV[3 + i * 4], ARGV[4 + i * 4]
  redis.call('HSET', KEYS[4 + i], 'sv', j[1], 'jb', j[2], 'tg', 'backfill', 'sc', sched, 'st', 'pending', 'at', 0,
    'tl', j[3], 'bw', i)
  redis.call('ZADD', KEYS[2], sched, ref)
  redis.call('ZADD', KEYS[3], now + i, work)
end
return { 'created', now }
