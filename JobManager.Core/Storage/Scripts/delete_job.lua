-- delete_job: removes one job from its hash, both indexes and the time wheel, atomically.
-- Its execution index moves to the service's index of deleted jobs' executions: they stay readable
-- by id and in the service's listing until retention removes them, and running ones still finish by
-- callback or timeout.
-- KEYS[1] job hash   KEYS[2] shard job index   KEYS[3] service job index   KEYS[4] due (time wheel)
-- KEYS[5] job executions   KEYS[6] the service's deleted jobs' executions
-- KEYS[7] the shard's services with such an index (for the retention sweep)
-- ARGV[1] wheel member (service/job)   ARGV[2] index member (service job)   ARGV[3] job name
-- ARGV[4] service
-- Returns 1 when the job existed, else 0.
local unpack = unpack or table.unpack
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[3])
redis.call('ZREM', KEYS[4], ARGV[1])
-- ZADD in slices: a job keeps up to Retention:PerJob executions, more than one call's arguments.
local execs = redis.call('ZRANGE', KEYS[5], 0, -1, 'WITHSCORES')
if #execs > 0 then redis.call('SADD', KEYS[7], ARGV[4]) end
for first = 1, #execs, 1000 do
  local args = {}
  for i = first, math.min(first + 999, #execs), 2 do
    args[#args + 1] = execs[i + 1]
    args[#args + 1] = execs[i]
  end
  redis.call('ZADD', KEYS[6], unpack(args))
end
redis.call('DEL', KEYS[5])
return 1
