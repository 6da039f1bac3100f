-- job_health: not a script of its own: the function every script that ends an execution calls, so a
-- job's health changes atomically with its execution's final status. LuaScripts puts it, joined into
-- one line, on the second line of those scripts (apply_callback, expire_deadlines, mark_failed,
-- claim_due, arm_reserved, create_manual_run).
-- record_health(kjob, id, status, reason, sched_ms, finished_ms, pause_reason?) writes on the job hash
-- (a deleted job's is left alone: every job hash has a gen; see docs/redis-keys.md):
--   `hi` the last finished execution's id, `hx` 'status|reason|sched_ms|finished ms after sched'
--   (two fields, so each stays a listpack value), `hs` the last success's finish time (Unix ms),
--   `hf` consecutive failures since the last success (absent for 0).
-- A failure pauses an enabled job (enabled 0, `pr` its paused_reason) when pause_reason is given (a 410
-- Gone) or when `hf` reaches the job's pause_after_failures (`pa`, 0 for never). Only the flag changes:
-- claim_due drops a disabled job from the wheel and arm_reserved cancels its reservations, as after a PUT
-- that disables it, and a PUT that enables it plans its instants afresh.
local function record_health(kjob, id, status, reason, sched, finished, pause_reason)
  if redis.call('HEXISTS', kjob, 'gen') == 0 then return end
  local last = string.format('%s|%s|%d|%d', status, reason or '', sched, finished - sched)
  if status == 'success' then
    redis.call('HSET', kjob, 'hi', id, 'hx', last, 'hs', finished)
    redis.call('HDEL', kjob, 'hf')
  else
    redis.call('HSET', kjob, 'hi', id, 'hx', last)
    local failures = redis.call('HINCRBY', kjob, 'hf', 1)
    local j = redis.call('HMGET', kjob, 'enabled', 'pa')
    local limit = tonumber(j[2] or '0') or 0
    if not pause_reason and limit > 0 and failures >= limit then
      pause_reason = 'paused after ' .. failures .. ' consecutive failures'
    end
    if pause_reason and j[1] == '1' then redis.call('HSET', kjob, 'enabled', '0', 'pr', pause_reason) end
  end
end
