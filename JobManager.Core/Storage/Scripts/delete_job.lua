-- delete_job: removes one job from its hash, both indexes and the time wheel, atomically.
-- Its execution index goes with it; the executions stay reachable by id and in the service listing
-- until retention removes them, and running ones still finish by callback or timeout.
-- KEYS[1] job hash   KEYS[2] shard job index   KEYS[3] service job index   KEYS[4] due (time wheel)
-- KEYS[5] job executions
-- ARGV[1] wheel member (service/job)   ARGV[2] index member (service job)   ARGV[3] job name
-- Returns 1 when the job existed, else 0.
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[3])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('DEL', KEYS[5])
return 1
