-- trim_deleted_jobs: removes from a service's index of deleted jobs' executions the entries older than
-- the retention cutoff (their hashes expire on their own), and forgets the service in the shard's
-- registry once that index is empty, atomically, so a delete_job in between is not lost.
-- KEYS[1] the service's deleted jobs' executions   KEYS[2] the shard's services with such an index
-- ARGV[1] cutoff (ms, inclusive)   ARGV[2] service
-- Returns how many entries were removed.
local removed = redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[2]) end
return removed
