-- claim_due: claims a batch of due jobs from one shard's time wheel. For each job still due it
-- creates the execution for its instant and advances the job to its next instant, in this one
-- script, so however many dispatchers race every instant gets exactly one execution and none is
-- skipped when a dispatcher dies right after claiming. New executions are pending under a lease:
-- if the claimer dies before the webhook is accepted, reclaim_pending hands them to another.
-- Catch-up: an instant later than grace_ms whose successor is also due is skipped and counted in
-- `missed` (all dispatchers were down, no flood on return); the surviving instant fires only if it
-- is within the job's catch-up window or the grace, else it is counted too. `missed` rides on the
-- next execution.
-- An exclusive conflict becomes the job's health (job_health.lua's record_health).
-- Fire-ahead: a job due within ahead_ms is claimed before its instant, as a reservation: the execution
-- exists (pending, leased until instant + lease) and the job moves on, but nothing about the webhook
-- is decided yet: arm_reserved, run at the instant, checks the job still wants it (enabled, same
-- plan), applies exclusivity and reads the target, payload and last success then. So the Redis work
-- of a burst happens before it, and a PUT or a success in the meantime still counts. A reservation
-- joins its job's execution index only when armed.
-- FIRE_FIELDS and fire_entry come from fire_entry.lua, which LuaScripts puts on this file's first line.
-- KEYS[1] due   KEYS[2] pending
-- then per job i, 4 keys: job hash, job executions, active set, new execution hash
-- ARGV[1] lease_ms   ARGV[2] grace_ms   ARGV[3] retention_ms (expiry of executions finished here)
-- ARGV[4] refill threshold (queued instants)   ARGV[5] ahead_ms
-- then per job i, 3 values: wheel member (service/job), new execution id, its index member
-- Execution fields: docs/redis-keys.md (times in ms after `sc`, defaults left out).
-- Returns a list of entries (`skipped`: the instants this claim newly counted as missed, for metrics;
-- `missed` also holds those carried over from earlier claims):
--   a 'fire' entry (fire_entry.lua), claimed now                        the webhook to send
--   { 'reserved', id, member, scheduled_ms, attempt, missed, skipped, fire_ms }   claimed ahead; arm at fire_ms
-- Flexible window (`flex_s`): wheel scores, lateness, reservations and catch-up go by an instant's fire
-- time, the instant plus its offset (flex_offset.lua, on the first line); `sc` stays the instant, `ft` the offset.
--   { 'conflict', id, member, scheduled_ms, skipped }   exclusive job still busy; recorded as failed
--   { 'refill', member, gen, tail_ms }                  the job's queued instants run low
--   { 'missed', member, count, skipped }                instants counted, none fired
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease, grace, keep = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local threshold, ahead = tonumber(ARGV[4]), tonumber(ARGV[5])
local out = {}

-- The queue holds instants as base-36 Unix seconds (InstantQueue.cs); popped ones are decoded to ms.
local function split(s)
  local list = {}
  if s then for v in string.gmatch(s, '[^,]+') do list[#list + 1] = v end end
  return list
end
local function pop(queue)
  local v = table.remove(queue, 1)
  return v and tonumber(v, 36) * 1000
end

local jobs = (#KEYS - 2) / 4
for i = 0, jobs - 1 do
  local kjob, kexecs, kactive, kexec = KEYS[3 + i * 4], KEYS[4 + i * 4], KEYS[5 + i * 4], KEYS[6 + i * 4]
  local member, id, ref = ARGV[6 + i * 3], ARGV[7 + i * 3], ARGV[8 + i * 3]
  local score = redis.call('ZSCORE', KEYS[1], member)
  if score and tonumber(score) <= now + ahead then
    local j = redis.call('HMGET', kjob, 'enabled', 'next_ms', 'queue', 'queue_end', 'kind', 'period_ms',
      'catchup_s', 'exclusive', 'missed', 'gen', 'tail_ms', 'end_ms', 'flex_s')
    if j[1] ~= '1' then
      redis.call('ZREM', KEYS[1], member)
    elseif not j[2] or j[2] == '' then
      if j[4] == '1' then
        redis.call('ZREM', KEYS[1], member)
      else
        -- The queue ran dry before a refill landed: keep the job leased until one does.
        redis.call('ZADD', KEYS[1], now + lease, member)
        out[#out + 1] = { 'refill', member, j[10], j[11] or '' }
      end
    else
      local kind, instant, queue = j[5], tonumber(j[2]), split(j[3])
      local missed = tonumber(j[9] or '0') or 0
      local carried = missed
      local nxt
      -- Flexible window: an instant fires (and is late, due, missed) at its fire time, instant + offset.
      local window = tonumber(j[13] or '') or 0
      local seed = window > 0 and flex_seed(member) or 0
      local function fire_of(at) return at + flex_offset(seed, at, window) end
      if kind == 'rate' then
        local period = tonumber(j[6])
        if now - fire_of(instant) > grace then
          -- The latest instant already due: without a window, the last one at or before now; with one,
          -- the last whose fire time is (at most window/period + 1 candidates to look at).
          local skip = math.floor((now - instant) / period)
          while skip > 0 and fire_of(instant + skip * period) > now do skip = skip - 1 end
          missed = missed + skip
          instant = instant + skip * period
        end
        nxt = instant + period
        -- end_time (cron and at queues are computed within it already): the last instant is the last one.
        local last = tonumber(j[12] or '')
        if last then
          if instant > last then instant = instant - math.ceil((instant - last) / period) * period end
          if nxt > last then nxt = nil end
        end
      else
        nxt = pop(queue)
        while nxt and fire_of(nxt) <= now and now - fire_of(instant) > grace do
          missed = missed + 1
          instant = nxt
          nxt = pop(queue)
        end
      end

      -- Within the grace an instant is merely late, never missed: with catchup_window_seconds 0, an
      -- instant claimed 5 ms after it was due must still fire (the window is about outages).
      local fire = fire_of(instant)
      local offset = fire - instant
      if now - fire > math.max(tonumber(j[7]) * 1000, grace) then
        missed = missed + 1
        out[#out + 1] = { 'missed', member, missed, missed - carried }
      elseif fire > now then
        local f = redis.call('HMGET', kjob, 'service', 'job', 'ttl_s', 'plan')
        redis.call('HSET', kexec, 'sv', f[1], 'jb', f[2], 'sc', instant, 'tl', f[3], 'st', 'pending', 'at', 1,
          'ar', f[4] or '')
        if missed > 0 then redis.call('HSET', kexec, 'mr', missed) end
        if offset > 0 then redis.call('HSET', kexec, 'ft', offset) end
        -- Not in the execution indexes until armed: a reservation a PUT cancels is never listed.
        redis.call('ZADD', KEYS[2], fire + lease, id .. '/' .. member)
        out[#out + 1] = { 'reserved', id, member, instant, 1, missed, missed - carried, fire }
        missed = 0
      else
        local f = redis.call('HMGET', kjob, 'service', 'job', unpack(FIRE_FIELDS))
        redis.call('HSET', kexec, 'sv', f[1], 'jb', f[2], 'sc', instant)
        if missed > 0 then redis.call('HSET', kexec, 'mr', missed) end
        if offset > 0 then redis.call('HSET', kexec, 'ft', offset) end
        redis.call('ZADD', kexecs, instant, ref)
        local work = id .. '/' .. member
        if j[8] == '1' and redis.call('SCARD', kactive) > 0 then
          redis.call('HSET', kexec, 'st', 'failure', 'rs', 'exclusive_conflict', 'at', 0, 'fn', now - instant)
          redis.call('PEXPIRE', kexec, keep)
          record_health(kjob, id, 'failure', 'exclusive_conflict', instant, now)
          out[#out + 1] = { 'conflict', id, member, instant, missed - carried }
        else
          -- The claim time and the last success it saw are frozen here, so a redelivery by another
          -- dispatcher sends a byte-identical webhook.
          redis.call('HSET', kexec, 'st', 'pending', 'at', 1, 'cl', now - instant, 'tl', f[6])
          if f[7] then redis.call('HSET', kexec, 'ok', f[7]) end
          redis.call('SADD', kactive, id)
          redis.call('ZADD', KEYS[2], now + lease, work)
          out[#out + 1] = fire_entry(id, member, instant, 1, missed, f, 3, now, f[7], missed - carried, offset)
        end
        missed = 0
      end

      if nxt then
        redis.call('ZADD', KEYS[1], fire_of(nxt), member)
        redis.call('HSET', kjob, 'next_ms', nxt, 'queue', table.concat(queue, ','), 'missed', missed)
      elseif kind ~= 'rate' and j[4] ~= '1' then
        redis.call('ZADD', KEYS[1], now + lease, member)
        redis.call('HSET', kjob, 'next_ms', '', 'queue', '', 'missed', missed)
      else
        redis.call('ZREM', KEYS[1], member)
        redis.call('HSET', kjob, 'next_ms', '', 'queue', '', 'missed', missed)
      end
      if kind ~= 'rate' and j[4] ~= '1' and #queue < threshold then
        out[#out + 1] = { 'refill', member, j[10], j[11] or '' }
      end
    end
  end
end
return out
