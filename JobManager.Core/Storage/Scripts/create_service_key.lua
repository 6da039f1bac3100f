-- create_service_key: stores a new service API key (its SHA-256, never the key) and indexes it under
-- its service, unless the service already has the most keys allowed or the id is taken.
-- KEYS[1] key hash (jm:{auth}:key:{id})   KEYS[2] service key index (jm:{auth}:svc:{service}:keys)
-- ARGV[1] service   ARGV[2] sha256 (hex)   ARGV[3] created_at (ISO-8601)   ARGV[4] created ms
-- ARGV[5] the most keys a service may have   ARGV[6] key id
-- Returns 'ok' | 'limit' | 'taken'
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then return 'limit' end
if redis.call('EXISTS', KEYS[1]) == 1 then return 'taken' end
redis.call('HSET', KEYS[1], 'service', ARGV[1], 'sha256', ARGV[2], 'created_at', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[6])
return 'ok'
