-- trim_executions: removes old executions of one job from its index and deletes their hashes,
-- skipping any still pending or running (they are removed once they finish and expire).
-- KEYS[1] job executions   KEYS[2..] execution hashes
-- ARGV[1..] their index members, in the order of KEYS[2..]
-- Returns how many were removed.
local removed = 0
for i = 1, #ARGV do
  local status = redis.call('HGET', KEYS[1 + i], 'st')
  if status ~= 'pending' and status ~= 'running' then
    redis.call('ZREM', KEYS[1], ARGV[i])
    redis.call('DEL', KEYS[1 + i])
    removed = removed + 1
  end
end
return removed
