-- batched: runs a per-execution script (mark_started.lua, mark_failed.lua) once for each entry of a
-- batch, in one call, so a dispatcher records a shard's finished deliveries with one round trip and one
-- script call instead of one each. LuaScripts puts the per-execution script's text, unchanged, in place
-- of the marker line below: each entry sees its own KEYS and ARGV exactly as a call of its own would,
-- so its checks (attempt fencing, missing, a callback that came first) and writes are that script's.
-- An entry that raises an error (a key of the wrong type, a field that is not a number) reports it as
-- { 'error', message } and the others still run, as separate calls would have.
-- KEYS: each entry's keys in turn, as the per-execution script takes them (shared keys such as the
--       shard's pending set repeat; every key is in the one shard's hash slot)
-- ARGV[1] keys per entry   ARGV[2] arguments per entry   then each entry's arguments in turn
-- Returns one result per entry, in order: what the per-execution script returned, or { 'error', message }.
local unpack = table.unpack or unpack

local function record(KEYS, ARGV)
-- per-execution script --
end

local key_count, arg_count = tonumber(ARGV[1]), tonumber(ARGV[2])
local results = {}
for i = 0, #KEYS / key_count - 1 do
  local ok, result = pcall(record,
    { unpack(KEYS, i * key_count + 1, (i + 1) * key_count) },
    { unpack(ARGV, 3 + i * arg_count, 2 + (i + 1) * arg_count) })
  if ok then
    results[i + 1] = result
  else
    -- redis.call raises a table { err = ... }; Lua itself raises a string.
    results[i + 1] = { 'error', type(result) == 'table' and result.err or tostring(result) }
  end
end
return results
