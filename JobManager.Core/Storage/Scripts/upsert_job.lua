-- upsert_job: creates or updates one job and its place in the time wheel, atomically, so a
-- concurrent PUT never leaves a half-written job and the wheel always matches the job hash.
-- A PUT that keeps an enabled job's schedule keeps its queued instants (re-saving a job must not
-- skip or repeat a run); a new schedule or a re-enable replaces them at once, and gets a new `plan`
-- ('<server ms>:<gen>', unique), so an instant claimed ahead under the old plan and due after the
-- change is cancelled when armed (arm_reserved).
-- KEYS[1] job hash   KEYS[2] shard job index   KEYS[3] service job index   KEYS[4] due (time wheel)
-- ARGV[1] wheel member (service/job)   ARGV[2] index member (service job)   ARGV[3] job name
-- ARGV[4] now (ISO-8601)   ARGV[5] schedule text   ARGV[6] enabled '1'|'0'
-- ARGV[7] next_ms ('' when none)   ARGV[8] queue (InstantQueue.cs)   ARGV[9] tail_ms   ARGV[10] queue_end '1'|'0'
-- ARGV[11] has payload '1'|'0'   ARGV[12] payload   ARGV[13..] field, value pairs of plain fields; an empty
-- value removes the field (optional fields are stored only when not their default, e.g. `tz`)
-- Returns { created 1|0, next_ms or '', gen, created_at, earliest 1|0, due (fire time) or '', hi, hx, hs, hf, pr }:
-- earliest when the job's instant is now the (or tied for the) first on its shard's wheel. Only then can a dispatcher be asleep
-- past it: otherwise an instant at or before it is on the wheel, and a dispatcher wakes for that one
-- (it sleeps until the earliest instant it knows of, or was woken for) and reads the wheel again.
-- hi..pr: the job's health and stored paused_reason (false when absent), which a PUT keeps, so the
-- answer shows them without a second round trip.
local unpack = unpack or table.unpack
local job = KEYS[1]
local existed = redis.call('EXISTS', job)
local old = redis.call('HMGET', job, 'schedule', 'enabled', 'next_ms', 'queue', 'tail_ms', 'queue_end',
  'created_at', 'gen', 'hi', 'hx', 'hs', 'hf', 'pr')

-- Every write to the job hash in one HSET: a small hash is a listpack, and each HSET scans it.
local fields, absent, flex = {}, {}, ''
for i = 13, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    absent[#absent + 1] = ARGV[i]
  else
    fields[#fields + 1] = ARGV[i]
    fields[#fields + 1] = ARGV[i + 1]
  end
  if ARGV[i] == 'flex_s' then flex = ARGV[i + 1] end
end
if existed == 1 and #absent > 0 then redis.call('HDEL', job, unpack(absent)) end

local next_ms, queue, tail_ms, queue_end = ARGV[7], ARGV[8], ARGV[9], ARGV[10]
local keep = existed == 1 and old[1] == ARGV[5] and old[2] == '1' and ARGV[6] == '1'
    and old[3] and old[3] ~= ''
local gen = tonumber(old[8] or '0') + 1
if keep then
  next_ms, queue, tail_ms, queue_end = old[3], old[4] or '', old[5] or '', old[6] or '0'
else
  -- A new schedule (or a re-enable) starts afresh: instants missed under the old plan are not its.
  local t = redis.call('TIME')
  local ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  for _, v in ipairs({ 'missed', '0', 'plan', ms .. ':' .. (old[8] or '0') }) do fields[#fields + 1] = v end
end
for _, v in ipairs({ 'schedule', ARGV[5], 'enabled', ARGV[6], 'next_ms', next_ms, 'queue', queue,
    'tail_ms', tail_ms, 'queue_end', queue_end, 'updated_at', ARGV[4], 'gen', gen }) do
  fields[#fields + 1] = v
end
if existed == 0 then
  for _, v in ipairs({ 'created_at', ARGV[4], 'missed', '0' }) do fields[#fields + 1] = v end
  redis.call('ZADD', KEYS[2], 0, ARGV[2])
  redis.call('ZADD', KEYS[3], 0, ARGV[3])
end
if ARGV[11] == '1' then
  fields[#fields + 1] = 'payload'
  fields[#fields + 1] = ARGV[12]
elseif existed == 1 then
  redis.call('HDEL', job, 'payload')
end
redis.call('HSET', job, unpack(fields))

local earliest = 0
local due = ''
if next_ms ~= '' then
  -- On the wheel at its fire time: the instant plus its flexible-window offset (flex_offset.lua).
  due = tonumber(next_ms) + flex_offset(flex_seed(ARGV[1]), next_ms, flex)
  redis.call('ZADD', KEYS[4], due, ARGV[1])
  local head = redis.call('ZRANGE', KEYS[4], 0, 0, 'WITHSCORES')
  if tonumber(head[2]) >= due then earliest = 1 end
else
  redis.call('ZREM', KEYS[4], ARGV[1])
end
local created_at = existed == 1 and old[7] or ARGV[4]
return { existed == 0 and 1 or 0, next_ms, gen, created_at, earliest, due, old[9] or false, old[10] or false,
  old[11] or false, old[12] or false, old[13] or false }
