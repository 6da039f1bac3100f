-- sweep_candidates: reads the next slice of a shard's job index and returns only the jobs whose
-- execution history the retention sweep has to trim: more than the per-job count, or an entry at or
-- before the cutoff. The rest cost the sweep nothing but this call, however many jobs the shard holds.
-- Job execution indexes are in the job index's shard (same hash slot), named from the prefix.
-- KEYS[1] the shard's job index (members 'service job')
-- ARGV[1] job key prefix (jm:{N}:job:)   ARGV[2] the member after which to start ('' for the first)
-- ARGV[3] how many members to read   ARGV[4] per-job count   ARGV[5] cutoff (ms, inclusive)
-- Returns { members read, candidate member, ... }.
local from = ARGV[2] == '' and '-' or '(' .. ARGV[2]
local members = redis.call('ZRANGEBYLEX', KEYS[1], from, '+', 'LIMIT', 0, tonumber(ARGV[3]))
local keep, cutoff = tonumber(ARGV[4]), tonumber(ARGV[5])
local out = { #members }
for i = 1, #members do
  local space = string.find(members[i], ' ', 1, true)
  local execs = ARGV[1] .. string.sub(members[i], 1, space - 1) .. '/' .. string.sub(members[i], space + 1) .. ':execs'
  local oldest = redis.call('ZRANGE', execs, 0, 0, 'WITHSCORES')
  if oldest[2] and (tonumber(oldest[2]) <= cutoff or redis.call('ZCARD', execs) > keep) then
    out[#out + 1] = members[i]
  end
end
if #members > 0 then out[#out + 1] = members[#members] end
return out
