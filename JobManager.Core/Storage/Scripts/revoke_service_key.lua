-- revoke_service_key: deletes a service API key and its index entry, if it belongs to the service.
-- After this returns, the key authenticates nothing: the Api reads the key hash on every request.
-- KEYS[1] key hash   KEYS[2] service key index
-- ARGV[1] service   ARGV[2] key id
-- Returns 1 when the key existed and was the service's, else 0.
if redis.call('HGET', KEYS[1], 'service') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
return 1
