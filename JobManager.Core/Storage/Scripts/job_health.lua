-- job_health: not a script of its own: the function every script that ends an execution calls, so a
-- job's health changes atomically with its execution's final status. LuaScripts puts it, joined into
-- one line, on the second line of those scripts (apply_callback, expire_deadlines, mark_failed,
-- claim_due, arm_reserved, create_manual_run).
-- record_health(kjob, id, status, reason, sched_ms, finished_ms) writes on the job hash (a deleted
-- job's is left alone: every job hash has a gen; see docs/redis-keys.md):
--   `hi` the last finished execution's id, `hx` 'status|reason|sched_ms|finished ms after sched'
--   (two fields, so each stays a listpack value), `hs` the last success's finish time (Unix ms),
--   `hf` consecutive failures since the last success (absent for 0).
local function record_health(kjob, id, status, reason, sched, finished)
  if redis.call('HEXISTS', kjob, 'gen') == 0 then return end
  local last = string.format('%s|%s|%d|%d', status, reason or '', sched, finished - sched)
  if status == 'success' then
    redis.call('HSET', kjob, 'hi', id, 'hx', last, 'hs', finished)
    redis.call('HDEL', kjob, 'hf')
  else
    redis.call('HSET', kjob, 'hi', id, 'hx', last)
    redis.call('HINCRBY', kjob, 'hf', 1)
  end
end
