-- renew_leases: extends the leases of executions a live dispatcher is still delivering, so a slow
-- service or a retry never gets the execution taken over from under it. Only a lease still held at
-- the same attempt is renewed: once another dispatcher took over (higher attempt), the old holder's
-- renewals do nothing, and once it is no longer pending there is nothing to renew.
-- KEYS[1] pending   then per execution i: its execution hash
-- ARGV[1] lease_ms   then per execution i, 2 values: pending member, attempt
-- Returns how many leases were renewed.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local renewed = 0
for i = 1, #KEYS - 1 do
  local member, attempt = ARGV[i * 2], ARGV[i * 2 + 1]
  local e = redis.call('HMGET', KEYS[1 + i], 'st', 'at')
  if e[1] == 'pending' and e[2] == attempt and redis.call('ZSCORE', KEYS[1], member) then
    redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), member)
    renewed = renewed + 1
  end
end
return renewed
