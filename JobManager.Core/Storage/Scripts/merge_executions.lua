-- merge_executions: reads the newest entries of several execution indexes of one shard (a service's
-- jobs, or one job) as one listing: scheduled time descending, then member descending (members sort
-- as their ids), strictly after a position. Read only. Each index is read a few entries at a time,
-- twice as many each time it runs out, so a page costs about one call per index plus a few more.
-- Members are compared byte by byte: Lua's own string order follows the server's locale.
-- KEYS[1..] execution indexes (sorted sets: member = execution member, score = scheduled ms)
-- ARGV[1] max score ('+inf' or ms, inclusive)   ARGV[2] min score ('-inf' or ms, inclusive)
-- ARGV[3] position score ('' for none)   ARGV[4] position member: entries scored at the position
--   come after it when their member is lower ('' puts every one before it, '~' none)
-- ARGV[5] the most entries to return
-- Returns member, score, member, score, ... newest first.
local max, min = ARGV[1], ARGV[2]
local pscore, pmember = tonumber(ARGV[3]), ARGV[4]
local count = tonumber(ARGV[5])

local function lower(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

-- Per index: fetched entries (flat member, score), the next one to use, where the next fetch starts.
local indexes = {}
local first = math.max(1, math.min(count, math.ceil(count / #KEYS) + 1))
for k = 1, #KEYS do indexes[k] = { buf = {}, i = 1, offset = 0, size = first, done = false } end

-- The index's next entry after the position, or nil.
local function head(k)
  local s = indexes[k]
  while true do
    if s.i > #s.buf then
      if s.done then return nil end
      s.buf = redis.call('ZREVRANGEBYSCORE', KEYS[k], max, min, 'WITHSCORES', 'LIMIT', s.offset, s.size)
      s.i, s.offset = 1, s.offset + s.size
      s.done = #s.buf < s.size * 2
      s.size = math.min(s.size * 2, count)
      if #s.buf == 0 then return nil end
    end
    local member, score = s.buf[s.i], tonumber(s.buf[s.i + 1])
    if pscore and score == pscore and not lower(member, pmember) then
      s.i = s.i + 2
    else
      return { member = member, score = score, k = k }
    end
  end
end

local function newer(a, b)
  if a.score ~= b.score then return a.score > b.score end
  return lower(b.member, a.member)
end

-- A binary heap of every index's next entry, newest on top.
local heap = {}
local function push(e)
  heap[#heap + 1] = e
  local i = #heap
  while i > 1 and newer(heap[i], heap[math.floor(i / 2)]) do
    local p = math.floor(i / 2)
    heap[i], heap[p] = heap[p], heap[i]
    i = p
  end
end
local function pop()
  local top = heap[1]
  heap[1] = heap[#heap]
  heap[#heap] = nil
  local i = 1
  while true do
    local l, r, m = i * 2, i * 2 + 1, i
    if l <= #heap and newer(heap[l], heap[m]) then m = l end
    if r <= #heap and newer(heap[r], heap[m]) then m = r end
    if m == i then return top end
    heap[i], heap[m] = heap[m], heap[i]
    i = m
  end
end

for k = 1, #KEYS do
  local e = head(k)
  if e then push(e) end
end
local out = {}
while #out < count * 2 and #heap > 0 do
  local e = pop()
  out[#out + 1] = e.member
  out[#out + 1] = e.score
  indexes[e.k].i = indexes[e.k].i + 2
  local nxt = head(e.k)
  if nxt then push(nxt) end
end
return out
