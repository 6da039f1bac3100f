-- refill_queue: appends the next computed instants of a cron or at job to its queue. The dispatcher
-- computes them (Lua cannot evaluate cron); this script lands them only if the job is unchanged
-- since the claim that asked (same gen) and nobody refilled first (same tail), so instants are
-- never queued twice. A job waiting with an empty queue goes back on the wheel at its next instant.
-- The queue never holds more than max_queued instants (those past it are computed again by a later
-- refill), so the field stays short enough for the job hash to remain a listpack. Wheel scores are fire
-- times: the instant plus its flexible-window offset (flex_offset.lua, on the first line).
-- KEYS[1] job hash   KEYS[2] due
-- ARGV[1] wheel member   ARGV[2] gen   ARGV[3] tail_ms the instants follow   ARGV[4] queue_end '1'|'0'
-- ARGV[5] missed instants skipped while computing (long downtime)   ARGV[6] max_queued
-- ARGV[7..] instants, ascending, as the queue stores them (base-36 Unix seconds, InstantQueue.cs)
-- Returns 1 when applied, 0 when stale.
local j = redis.call('HMGET', KEYS[1], 'gen', 'tail_ms', 'enabled', 'next_ms', 'queue', 'flex_s')
if j[1] ~= ARGV[2] or (j[2] or '') ~= ARGV[3] or j[3] ~= '1' then return 0 end
local queue = {}
if j[5] then for v in string.gmatch(j[5], '[^,]+') do queue[#queue + 1] = v end end
local instants = {}
for i = 7, #ARGV do instants[#instants + 1] = ARGV[i] end

local taken = 0
local next_ms = j[4] or ''
if next_ms == '' and #instants > 0 then
  taken = 1
  next_ms = tonumber(instants[1], 36) * 1000
  redis.call('ZADD', KEYS[2], next_ms + flex_offset(flex_seed(ARGV[1]), next_ms, j[6]), ARGV[1])
elseif next_ms == '' then
  redis.call('ZREM', KEYS[2], ARGV[1])
end
while taken < #instants and #queue < tonumber(ARGV[6]) do
  taken = taken + 1
  queue[#queue + 1] = instants[taken]
end

local tail, queue_end = ARGV[3], ARGV[4]
if taken > 0 then tail = tonumber(instants[taken], 36) * 1000 end
if taken < #instants then queue_end = '0' end
redis.call('HSET', KEYS[1], 'next_ms', next_ms, 'queue', table.concat(queue, ','), 'tail_ms', tail,
  'queue_end', queue_end)
if tonumber(ARGV[5]) > 0 then redis.call('HINCRBY', KEYS[1], 'missed', ARGV[5]) end
return 1
