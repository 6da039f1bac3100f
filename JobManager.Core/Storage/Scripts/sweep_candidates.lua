-- sweep_candidates: of a slice of a shard's jobs, returns only those whose execution history the
-- retention sweep has to trim: more than the per-job count, or an entry at or before the cutoff. The
-- rest cost the sweep nothing but this call, however many jobs the shard holds. Read only. The caller
-- reads the slice from the shard's job index first and declares each job's execution index.
-- KEYS[1..] the jobs' execution indexes (sorted sets, score = scheduled ms)
-- ARGV[1] per-job count   ARGV[2] cutoff (ms, inclusive)
-- Returns the positions (1-based, in KEYS) of the candidates.
local keep, cutoff = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = {}
for i = 1, #KEYS do
  local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
  if oldest[2] and (tonumber(oldest[2]) <= cutoff or redis.call('ZCARD', KEYS[i]) > keep) then
    out[#out + 1] = i
  end
end
return out
