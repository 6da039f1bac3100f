-- expire_deadlines: ends running executions whose deadline has passed as failure/timeout. Checks the
-- execution itself, not only the deadline set, so a heartbeat or final callback that landed first
-- wins: a heartbeat's later deadline is kept, a final status is left alone.
-- Each timeout becomes its job's health (job_health.lua's record_health).
-- KEYS[1] deadlines   then per execution i, 3 keys: execution hash, job active set, job hash
-- ARGV[1] retention_ms   then per execution i: deadline member (id/service/job)
-- Returns the list of members that timed out.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {}
for i = 0, (#KEYS - 1) / 3 - 1 do
  local kexec, kactive, kjob = KEYS[2 + i * 3], KEYS[3 + i * 3], KEYS[4 + i * 3]
  local work = ARGV[2 + i]
  local score = redis.call('ZSCORE', KEYS[1], work)
  if score and tonumber(score) <= now then
    -- Times are stored in ms after the scheduled time `sc` (docs/redis-keys.md).
    local e = redis.call('HMGET', kexec, 'st', 'dl', 'sc')
    local sched = tonumber(e[3])
    local deadline = e[2] and sched + tonumber(e[2])
    if e[1] == 'running' and deadline <= now then
      redis.call('HSET', kexec, 'st', 'failure', 'rs', 'timeout', 'fn', now - sched)
      -- What only an unfinished execution needs goes: a finished one is kept for days.
      redis.call('HDEL', kexec, 'tl', 'dl', 'ok', 'ps', 'pm', 'lh')
      redis.call('PEXPIRE', kexec, ARGV[1])
      redis.call('ZREM', KEYS[1], work)
      local id = string.sub(work, 1, string.find(work, '/', 1, true) - 1)
      redis.call('SREM', kactive, id)
      record_health(kjob, id, 'failure', 'timeout', sched, now)
      out[#out + 1] = work
    elseif e[1] == 'running' then
      redis.call('ZADD', KEYS[1], deadline, work)
    else
      redis.call('ZREM', KEYS[1], work)
    end
  end
end
return out
