-- flex_offset: a job's flexible-window offset, the code upsert_job, refill_queue and claim_due share to
-- put an instant on the wheel at its fire time (scheduled time + offset). LuaScripts puts it, joined
-- into one line, on their first line (a header comment line). No trailing comments below.
-- flex_seed(member) is the job's part (computed once per job); flex_offset(seed, instant_ms, window_s)
-- returns the offset in ms: whole seconds in [0, window_s), deterministic per job and instant, so every
-- dispatcher (and FlexibleWindow.cs) computes the same one.
-- Integer arithmetic below 2^53 only: Redis' Lua 5.1 (doubles) and Garnet's Lua 5.4 (integers) agree.
local FLEX_P = 2147483647
local function flex_seed(member)
  local h = 0
  for k = 1, #member do h = (h * 31 + string.byte(member, k)) % FLEX_P end
  return h
end
local function flex_offset(seed, instant, window)
  window = tonumber(window or '') or 0
  if window <= 0 then return 0 end
  local h = (seed * 65599 + math.floor(tonumber(instant) / 1000) % FLEX_P) % FLEX_P
  h = (h * 48271) % FLEX_P
  h = (h * 48271) % FLEX_P
  return (h % window) * 1000
end
