-- fire_entry: builds a 'fire' entry, the one layout FireEntry.cs parses, for every script that hands
-- out a delivery (claim_due, reclaim_pending, arm_reserved). LuaScripts puts this code, joined into
-- one line, on the first line of those scripts (a header comment line), so their own line numbers
-- still point into their files. No trailing comments below: they would end the joined line.
-- FIRE_FIELDS: the job fields an entry carries, in order. A script reads them after its own fields,
--   redis.call('HMGET', kjob, 'enabled', unpack(FIRE_FIELDS)), and says where they start (`at`).
-- fire_entry(id, member, scheduled_ms, attempt, missed, job, at, claimed_ms, seen, skipped, offset) returns
--   { 'fire', id, member, scheduled_ms, attempt, missed, target, payload|false, schedule, ttl_s,
--     last_ok_id|false, last_ok_sched_ms|false, last_ok_invoked_ms|false, last_ok_state|false,
--     last_ok_summary|false, claimed_ms, past_last_ok_id|false, skipped, fire_offset_ms }
-- `seen` is the last success the execution's first claim saw: while it is still the job's, its fields
-- are sent; otherwise they are false and past_last_ok_id names it (the caller reads that execution), so
-- a redelivery sends the webhook the first claim would have. `skipped`: the instants this claim newly
-- counted as missed (claim_due; 0 for the others). `offset`: the flexible window's offset of the instant
-- (the execution's `ft`; nil for 0): the webhook's latency runs from scheduled_ms + offset.
local unpack = unpack or table.unpack
local FIRE_FIELDS = { 'target', 'payload', 'schedule', 'ttl_s',
  'last_ok_id', 'last_ok_sched_ms', 'last_ok_invoked_ms', 'last_ok_state', 'last_ok_summary' }
local function fire_entry(id, member, sched, attempt, missed, job, at, claimed, seen, skipped, offset)
  local current = seen and seen == job[at + 4]
  local entry = { 'fire', id, member, sched, attempt, missed }
  for k = 0, 8 do
    if k < 4 or current then entry[7 + k] = job[at + k] else entry[7 + k] = false end
  end
  entry[16] = claimed
  entry[17] = (not current and seen) or false
  entry[18] = skipped
  entry[19] = tonumber(offset or 0) or 0
  return entry
end
