-- apply_callback: applies a service's callback to an execution, atomically with the timeout
-- watcher and the webhook sender, so exactly one final status wins. One round trip: the execution
-- hash says whose it is, and the script returns that for the Api's telemetry.
--   heartbeat: deadline = now + ttl (a pending execution becomes running: the service has it).
--   success | failure: final; stores state, summary, correlation id and finish time. A success
--   becomes the job's last successful execution unless a later-scheduled success is already there.
-- The job's hash and active set are named from the execution's own service and job, so they are not
-- in KEYS: they are ARGV[3] .. 'service/job' and that .. ':active' (RedisKeys.Job, ActiveExecutions).
-- An execution always lives in its job's shard, so ARGV[3] carries the same {N} hash tag as KEYS:
-- every key is in one slot, and the script runs unchanged on Redis Cluster. (Garnet's transaction
-- mode locks only KEYS: on the development store those two writes are not isolated from a claim.)
-- KEYS[1] execution hash   KEYS[2] pending   KEYS[3] deadlines
-- ARGV[1] 'success'|'failure'|'heartbeat'   ARGV[2] execution id   ARGV[3] job key prefix 'jm:{N}:job:'
-- ARGV[4] retention_ms   ARGV[5] has state '1'|'0'  ARGV[6] state  ARGV[7] has summary  ARGV[8] summary
-- ARGV[9] has correlation id  ARGV[10] correlation id
-- Returns { 'missing' }
--   | { 'conflict', status, service, job, attempt, invoked_ms|false, traceparent|false }
--   | { 'ok', status, deadline_ms|finished_ms, service, job, attempt, invoked_ms|false, traceparent|false }
-- Execution fields: docs/redis-keys.md (times in ms after `sc`; `tp` is the packed traceparent).
local unpack = unpack or table.unpack
local e = redis.call('HMGET', KEYS[1], 'st', 'tl', 'sc', 'iv', 'sv', 'jb', 'at', 'tp')
if not e[1] or not e[5] or not e[6] then return { 'missing' } end
local sched = tonumber(e[3])
local invoked = e[4] and sched + tonumber(e[4])
if e[1] == 'success' or e[1] == 'failure' then
  return { 'conflict', e[1], e[5], e[6], e[7], invoked or false, e[8] }
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local id = ARGV[2]
local work = id .. '/' .. e[5] .. '/' .. e[6]

if ARGV[1] == 'heartbeat' then
  local deadline = now + tonumber(e[2]) * 1000
  redis.call('HSET', KEYS[1], 'st', 'running', 'dl', deadline - sched)
  redis.call('HINCRBY', KEYS[1], 'hb', 1)
  redis.call('ZREM', KEYS[2], work)
  redis.call('ZADD', KEYS[3], deadline, work)
  return { 'ok', 'running', deadline, e[5], e[6], e[7], invoked or false, e[8] }
end

local job = ARGV[3] .. e[5] .. '/' .. e[6]
-- One write per hash: both are listpacks, and every HSET or HDEL scans the whole of one.
local done = { 'st', ARGV[1], 'fn', now - sched }
if ARGV[1] == 'failure' then done[#done + 1] = 'rs'; done[#done + 1] = 'reported' end
if ARGV[5] == '1' then done[#done + 1] = 'sa'; done[#done + 1] = ARGV[6] end
if ARGV[7] == '1' then done[#done + 1] = 'sm'; done[#done + 1] = ARGV[8] end
if ARGV[9] == '1' then done[#done + 1] = 'co'; done[#done + 1] = ARGV[10] end
redis.call('HSET', KEYS[1], unpack(done))
-- What only an unfinished execution needs goes: a finished one is kept for days.
redis.call('HDEL', KEYS[1], 'tl', 'dl', 'ok')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZREM', KEYS[2], work)
redis.call('ZREM', KEYS[3], work)
redis.call('SREM', job .. ':active', id)

if ARGV[1] == 'success' then
  -- Every job hash has a gen: none means the job was deleted meanwhile.
  local j = redis.call('HMGET', job, 'gen', 'last_ok_sched_ms')
  if j[1] and (not j[2] or tonumber(j[2]) <= sched) then
    local set, gone = { 'last_ok_id', id, 'last_ok_sched_ms', e[3] }, {}
    local function put(field, present, value)
      if present then set[#set + 1] = field; set[#set + 1] = value else gone[#gone + 1] = field end
    end
    put('last_ok_invoked_ms', invoked, invoked)
    put('last_ok_state', ARGV[5] == '1', ARGV[6])
    put('last_ok_summary', ARGV[7] == '1', ARGV[8])
    redis.call('HSET', job, unpack(set))
    if #gone > 0 then redis.call('HDEL', job, unpack(gone)) end
  end
end
return { 'ok', ARGV[1], now, e[5], e[6], e[7], invoked or false, e[8] }
