-- apply_callback: applies a service's callback to an execution, atomically with the timeout
-- watcher and the webhook sender, so exactly one final status wins. The script returns whose the
-- execution is, for the Api's telemetry.
--   heartbeat: deadline = now + extend_seconds (default ttl; a pending execution becomes running: the
--   service has it); its state and summary replace the progress fields (`ps`, `pm`, `lh`), which a
--   final status removes: they describe a run in progress, and the next webhook passes on only the
--   final callback's state and summary.
-- A final status also becomes the job's health (job_health.lua's record_health).
--   success | failure: final; stores state, summary, correlation id and finish time. A success
--   becomes the job's last successful execution unless a later-scheduled success is already there.
-- A callback carries only the execution id: the caller reads the execution's service and job first
-- (its owner) and declares that job's hash and active set in KEYS, so every key the script touches
-- is declared (Redis Cluster; Garnet's transaction mode locks only KEYS). The script checks the owner
-- is still the one declared: { 'moved' } tells the caller to read it again.
-- KEYS[1] execution hash   KEYS[2] pending   KEYS[3] deadlines   KEYS[4] job hash   KEYS[5] job active set
-- ARGV[1] 'success'|'failure'|'heartbeat'   ARGV[2] execution id   ARGV[3] service   ARGV[4] job
-- ARGV[5] retention_ms   ARGV[6] has state '1'|'0'  ARGV[7] state  ARGV[8] has summary  ARGV[9] summary
-- ARGV[10] has correlation id  ARGV[11] correlation id   ARGV[12] heartbeat's extend_seconds ('' for the ttl)
-- Returns { 'missing' } | { 'moved' } | { 'extend_too_long', ttl_seconds } (nothing changed)
--   | { 'conflict', status, service, job, attempt, invoked_ms|false, traceparent|false }
--   | { 'ok', status, deadline_ms|finished_ms, service, job, attempt, invoked_ms|false, traceparent|false }
-- Execution fields: docs/redis-keys.md (times in ms after `sc`; `tp` is the packed traceparent).
local unpack = unpack or table.unpack
local e = redis.call('HMGET', KEYS[1], 'st', 'tl', 'sc', 'iv', 'sv', 'jb', 'at', 'tp')
if not e[1] or not e[5] or not e[6] then return { 'missing' } end
if e[5] ~= ARGV[3] or e[6] ~= ARGV[4] then return { 'moved' } end
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
  local ttl = tonumber(e[2])
  local extend = ARGV[12] ~= '' and tonumber(ARGV[12]) or ttl
  if extend > ttl then return { 'extend_too_long', ttl } end
  local deadline = now + extend * 1000
  local beat = { 'st', 'running', 'dl', deadline - sched, 'lh', now - sched }
  if ARGV[6] == '1' then beat[#beat + 1] = 'ps'; beat[#beat + 1] = ARGV[7] end
  if ARGV[8] == '1' then beat[#beat + 1] = 'pm'; beat[#beat + 1] = ARGV[9] end
  redis.call('HSET', KEYS[1], unpack(beat))
  -- The latest heartbeat's progress is shown: one without state or summary clears the earlier one.
  local stale = {}
  if ARGV[6] ~= '1' then stale[#stale + 1] = 'ps' end
  if ARGV[8] ~= '1' then stale[#stale + 1] = 'pm' end
  if #stale > 0 then redis.call('HDEL', KEYS[1], unpack(stale)) end
  redis.call('HINCRBY', KEYS[1], 'hb', 1)
  redis.call('ZREM', KEYS[2], work)
  redis.call('ZADD', KEYS[3], deadline, work)
  return { 'ok', 'running', deadline, e[5], e[6], e[7], invoked or false, e[8] }
end

local job = KEYS[4]
-- One write per hash: both are listpacks, and every HSET or HDEL scans the whole of one.
local done = { 'st', ARGV[1], 'fn', now - sched }
if ARGV[1] == 'failure' then done[#done + 1] = 'rs'; done[#done + 1] = 'reported' end
if ARGV[6] == '1' then done[#done + 1] = 'sa'; done[#done + 1] = ARGV[7] end
if ARGV[8] == '1' then done[#done + 1] = 'sm'; done[#done + 1] = ARGV[9] end
if ARGV[10] == '1' then done[#done + 1] = 'co'; done[#done + 1] = ARGV[11] end
redis.call('HSET', KEYS[1], unpack(done))
-- What only an unfinished execution needs goes: a finished one is kept for days.
redis.call('HDEL', KEYS[1], 'tl', 'dl', 'ok', 'ps', 'pm', 'lh')
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZREM', KEYS[2], work)
redis.call('ZREM', KEYS[3], work)
redis.call('SREM', KEYS[5], id)
record_health(job, id, ARGV[1], ARGV[1] == 'failure' and 'reported' or '', sched, now)

if ARGV[1] == 'success' then
  -- Every job hash has a gen: none means the job was deleted meanwhile.
  local j = redis.call('HMGET', job, 'gen', 'last_ok_sched_ms')
  if j[1] and (not j[2] or tonumber(j[2]) <= sched) then
    local set, gone = { 'last_ok_id', id, 'last_ok_sched_ms', e[3] }, {}
    local function put(field, present, value)
      if present then set[#set + 1] = field; set[#set + 1] = value else gone[#gone + 1] = field end
    end
    put('last_ok_invoked_ms', invoked, invoked)
    put('last_ok_state', ARGV[6] == '1', ARGV[7])
    put('last_ok_summary', ARGV[8] == '1', ARGV[9])
    redis.call('HSET', job, unpack(set))
    if #gone > 0 then redis.call('HDEL', job, unpack(gone)) end
  end
end
return { 'ok', ARGV[1], now, e[5], e[6], e[7], invoked or false, e[8] }
