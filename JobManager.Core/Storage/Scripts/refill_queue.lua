-- refill_queue: appends the next computed instants of a cron or at job to its queue. The dispatcher
-- computes them (Lua cannot evaluate cron); this script lands them only if the job is unchanged
-- since the claim that asked (same gen) and nobody refilled first (same tail), so instants are
-- never queued twice. A job waiting with an empty queue goes back on the wheel at its next instant.
-- KEYS[1] job hash   KEYS[2] due
-- ARGV[1] wheel member   ARGV[2] gen   ARGV[3] tail_ms the instants follow   ARGV[4] queue_end '1'|'0'
-- ARGV[5] missed instants skipped while computing (long downtime)   ARGV[6..] instants (ms), ascending
-- Returns 1 when applied, 0 when stale.
local j = redis.call('HMGET', KEYS[1], 'gen', 'tail_ms', 'enabled', 'next_ms', 'queue')
if j[1] ~= ARGV[2] or (j[2] or '') ~= ARGV[3] or j[3] ~= '1' then return 0 end
local queue = {}
if j[5] and j[5] ~= '' then queue[1] = j[5] end
for i = 6, #ARGV do queue[#queue + 1] = ARGV[i] end
local tail = ARGV[#ARGV]
if #ARGV < 6 then tail = ARGV[3] end
local next_ms = j[4] or ''
local rest = table.concat(queue, ',')
if next_ms == '' and rest ~= '' then
  local comma = string.find(rest, ',', 1, true)
  if comma then
    next_ms, rest = string.sub(rest, 1, comma - 1), string.sub(rest, comma + 1)
  else
    next_ms, rest = rest, ''
  end
  redis.call('ZADD', KEYS[2], next_ms, ARGV[1])
elseif next_ms == '' then
  redis.call('ZREM', KEYS[2], ARGV[1])
end
redis.call('HSET', KEYS[1], 'next_ms', next_ms, 'queue', rest, 'tail_ms', tail, 'queue_end', ARGV[4])
if tonumber(ARGV[5]) > 0 then redis.call('HINCRBY', KEYS[1], 'missed', ARGV[5]) end
return 1
