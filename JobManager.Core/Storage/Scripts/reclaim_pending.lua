-- reclaim_pending: takes over pending executions whose lease has expired (their dispatcher died or
-- stalled) and manual runs (created with an expired lease). Each taken execution gets a new lease
-- and a higher attempt number, which fences off the previous holder: its later writes are refused.
-- KEYS[1] pending   then per execution i, 3 keys: execution hash, job hash, job active set
-- ARGV[1] lease_ms   ARGV[2] retention_ms   then per execution i: pending member (id/service/job)
-- Returns a list of entries:
--   { 'fire', id, member, scheduled_ms, attempt, missed, target, payload|false, schedule, ttl_s,
--     last_ok_id|false, last_ok_sched_ms|false, last_ok_invoked_ms|false, last_ok_state|false,
--     last_ok_summary|false, now_ms }
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
    local e = redis.call('HMGET', kexec, 'status', 'id', 'sched_ms', 'missed')
    local member = string.sub(work, string.find(work, '/', 1, true) + 1)
    if e[1] ~= 'pending' then
      redis.call('ZREM', KEYS[1], work)
    elseif redis.call('EXISTS', kjob) == 0 then
      redis.call('HSET', kexec, 'status', 'failure', 'reason', 'invocation_failed',
        'error', 'the job was deleted before its webhook was sent', 'finished_ms', now)
      redis.call('PEXPIRE', kexec, keep)
      redis.call('ZREM', KEYS[1], work)
      redis.call('SREM', kactive, e[2])
      out[#out + 1] = { 'orphaned', e[2], member }
    else
      local attempt = redis.call('HINCRBY', kexec, 'attempt', 1)
      redis.call('ZADD', KEYS[1], now + lease, work)
      local f = redis.call('HMGET', kjob, 'target', 'payload', 'schedule', 'ttl_s',
        'last_ok_id', 'last_ok_sched_ms', 'last_ok_invoked_ms', 'last_ok_state', 'last_ok_summary')
      out[#out + 1] = { 'fire', e[2], member, tonumber(e[3]), attempt, tonumber(e[4] or '0'),
        f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], now }
    end
  end
end
return out
