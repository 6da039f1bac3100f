-- rotate_signing_secret: makes a new webhook signing secret current; the one it replaces stays valid
-- (webhooks carry both signatures) until now + the rotation window, so receivers switch without gaps.
-- Rotating twice within a window drops the oldest: at most two secrets sign a webhook.
-- KEYS[1] signing secrets hash
-- ARGV[1] new secret   ARGV[2] rotation window (ms; 0 drops the previous secret at once)
-- Returns the previous secret's expiry (Unix ms), or false when there is none.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local old = redis.call('HGET', KEYS[1], 'current')
redis.call('HSET', KEYS[1], 'current', ARGV[1], 'rotated_ms', now)
if old and tonumber(ARGV[2]) > 0 then
  local until_ms = now + tonumber(ARGV[2])
  redis.call('HSET', KEYS[1], 'previous', old, 'previous_until_ms', until_ms)
  return until_ms
end
redis.call('HDEL', KEYS[1], 'previous', 'previous_until_ms')
return false
