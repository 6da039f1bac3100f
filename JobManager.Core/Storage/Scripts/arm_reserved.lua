-- arm_reserved: at their instant, turns executions claimed ahead (claim_due's reservations) into
-- deliveries, deciding then what claim_due would have decided had it claimed them now:
--   the job was deleted, or disabled or re-planned (new schedule, re-enable) before the instant:
--     the reservation is cancelled and its execution removed, as if never claimed: it was never listed (reservations
--     join their job's execution index here), a disabled job records nothing, and a new plan may schedule
--     the same instant again. A change after the instant (a late arm, by a dispatcher that took the
--     reservation over) does not undo it: the instant was due, as it is for one claimed on time;
--   an exclusive job still has an execution in progress: recorded as an exclusive_conflict failure;
--   otherwise the execution becomes active and its claim time and the last success it reports are
--     frozen now, exactly as claim_due freezes them, so a redelivery sends the same webhook.
-- A conflict becomes the job's health (job_health.lua's record_health).
-- An execution already armed (the arming dispatcher died later) is simply fired again. The caller's
-- attempt fences off a dispatcher whose reservation was taken over meanwhile.
-- FIRE_FIELDS and fire_entry come from fire_entry.lua, which LuaScripts puts on this file's first line.
-- KEYS[1] pending   then per execution i, 4 keys: execution hash, job hash, job active set,
--   job executions
-- ARGV[1] retention_ms   then per execution i, 3 values: pending member (id/service/job), attempt,
--   index member
-- Execution fields: docs/redis-keys.md (times in ms after `sc`; `ar` marks a reservation).
-- Returns a list of entries:
--   a 'fire' entry (fire_entry.lua) with the claim time and last success frozen at the first arm
--   { 'conflict', id, member, scheduled_ms, 0 }   { 'cancelled', id, member }   { 'stale', id, member }
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local keep = tonumber(ARGV[1])
local out = {}
for i = 0, (#KEYS - 1) / 4 - 1 do
  local kexec, kjob, kactive, kexecs = KEYS[2 + i * 4], KEYS[3 + i * 4], KEYS[4 + i * 4], KEYS[5 + i * 4]
  local work, attempt, ref = ARGV[2 + i * 3], ARGV[3 + i * 3], ARGV[4 + i * 3]
  local slash = string.find(work, '/', 1, true)
  local id, member = string.sub(work, 1, slash - 1), string.sub(work, slash + 1)
  local e = redis.call('HMGET', kexec, 'st', 'at', 'ar', 'sc', 'mr', 'cl', 'ok', 'ft')
  local sched = tonumber(e[4])
  if e[1] ~= 'pending' or e[2] ~= attempt then
    -- Gone, finished, or taken over by another dispatcher: not this caller's to send.
    out[#out + 1] = { 'stale', id, member }
  else
    local j = redis.call('HMGET', kjob, 'enabled', 'plan', 'exclusive', unpack(FIRE_FIELDS))
    local claimed, seen = e[6] and sched + tonumber(e[6]), e[7]
    -- When the plan changed: the change's time is its first part.
    local changed = j[2] and j[2] ~= e[3] and tonumber(string.match(j[2], '^(%d+):'))
    if e[3] and (not j[2] or (changed and changed < sched) or (not changed and j[1] ~= '1')) then
      redis.call('DEL', kexec)
      redis.call('ZREM', KEYS[1], work)
      out[#out + 1] = { 'cancelled', id, member }
    elseif e[3] and j[3] == '1' and redis.call('SCARD', kactive) > 0 then
      redis.call('HSET', kexec, 'st', 'failure', 'rs', 'exclusive_conflict', 'at', 0, 'fn', now - sched)
      redis.call('HDEL', kexec, 'ar', 'tl')
      redis.call('PEXPIRE', kexec, keep)
      redis.call('ZREM', KEYS[1], work)
      redis.call('ZADD', kexecs, sched, ref)
      record_health(kjob, id, 'failure', 'exclusive_conflict', sched, now)
      out[#out + 1] = { 'conflict', id, member, sched, 0 }
    else
      if e[3] then
        claimed, seen = now, j[8]
        if seen then
          redis.call('HSET', kexec, 'cl', now - sched, 'ok', seen)
        else
          redis.call('HSET', kexec, 'cl', now - sched)
        end
        redis.call('HDEL', kexec, 'ar')
        redis.call('SADD', kactive, id)
        redis.call('ZADD', kexecs, sched, ref)
      end
      out[#out + 1] = fire_entry(id, member, sched, tonumber(attempt), tonumber(e[5] or '0'), j, 4, claimed, seen, 0, e[8])
    end
  end
end
return out
