-- reclaim_pending: takes over pending executions whose lease has expired (their dispatcher died or
-- stalled), manual runs and backfills (created with an expired lease); a backfill of an exclusive job
-- waits while the job has an execution in progress. Each taken execution gets a new lease
-- and a higher attempt number, which fences off the previous holder: its later writes are refused.
-- FIRE_FIELDS and fire_entry come from fire_entry.lua, which LuaScripts puts on this file's first line.
-- KEYS[1] pending   then per execution i, 3 keys: execution hash, job hash, job active set
-- ARGV[1] lease_ms   ARGV[2] retention_ms   then per execution i: pending member (id/service/job)
-- Returns a list of entries:
--   a 'fire' entry (fire_entry.lua): the webhook is rebuilt exactly as first sent, with the first
--   claim's time and the last success that claim saw
--   { 'reserved', id, member, scheduled_ms, attempt, missed, 0 }   claimed ahead and never armed:
--     the new holder arms it at its instant (arm_reserved), as the first would have
--   { 'orphaned', id, member }   the job was deleted meanwhile; the execution failed
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease, keep = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = {}
for i = 0, (#KEYS - 1) / 3 - 1 do
  local kexec, kjob, kactive = KEYS[2 + i * 3], KEYS[3 + i * 3], KEYS[4 + i * 3]
  local work = ARGV[3 + i]
  local score = redis.call('ZSCORE', KEYS[1], work)
  if score and tonumber(score) <= now then
    -- Times are stored in ms after the scheduled time `sc` (docs/redis-keys.md).
    local e = redis.call('HMGET', kexec, 'st', 'sc', 'mr', 'cl', 'ok', 'ar', 'ft', 'bw')
    local slash = string.find(work, '/', 1, true)
    local id, member = string.sub(work, 1, slash - 1), string.sub(work, slash + 1)
    local sched = tonumber(e[2])
    if e[1] ~= 'pending' then
      redis.call('ZREM', KEYS[1], work)
    elseif redis.call('EXISTS', kjob) == 0 then
      redis.call('HSET', kexec, 'st', 'failure', 'rs', 'invocation_failed',
        'er', 'the job was deleted before its webhook was sent', 'fn', now - sched)
      redis.call('HDEL', kexec, 'tl', 'ok')
      redis.call('PEXPIRE', kexec, keep)
      redis.call('ZREM', KEYS[1], work)
      redis.call('SREM', kactive, id)
      out[#out + 1] = { 'orphaned', id, member }
    elseif e[8] and redis.call('HGET', kjob, 'exclusive') == '1' and redis.call('SCARD', kactive) > 0 then
      -- A backfilled instant of an exclusive job waits for the execution in progress; its rank (`bw`)
      -- keeps the waiting ones in schedule order when they are due together again.
      redis.call('ZADD', KEYS[1], now + 1000 + tonumber(e[8]), work)
    else
      if e[8] then
        redis.call('HDEL', kexec, 'bw')
        redis.call('SADD', kactive, id)
      end
      local attempt = redis.call('HINCRBY', kexec, 'at', 1)
      -- A reservation released before its instant is held until then: its lease runs from the instant.
      redis.call('ZADD', KEYS[1], math.max(now, sched + tonumber(e[7] or 0)) + lease, work)
      if e[6] then
        out[#out + 1] = { 'reserved', id, member, sched, attempt, tonumber(e[3] or '0'), 0, sched + tonumber(e[7] or 0) }
      else
        local f = redis.call('HMGET', kjob, unpack(FIRE_FIELDS))
        local claimed, seen = e[4] and sched + tonumber(e[4]), e[5]
        if not claimed then
          -- First delivery of a manual run: freeze its claim time and last success now.
          claimed, seen = now, f[5]
          redis.call('HSET', kexec, 'cl', now - sched)
          if seen then redis.call('HSET', kexec, 'ok', seen) end
        end
        out[#out + 1] = fire_entry(id, member, sched, attempt, tonumber(e[3] or '0'), f, 1, claimed, seen, 0, e[7])
      end
    end
  end
end
return out
