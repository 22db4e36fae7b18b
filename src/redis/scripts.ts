/**
 * Lua scripts that compare and write atomically inside Redis (loaded with ioredis `defineCommand`, run
 * with EVALSHA). Slots travel as decimal strings and are compared by length then lexically, which is exact
 * for any u64 (Lua numbers are doubles). A missing or null tx_index / event_index counts as -1.
 */

/** Shared helper: compares two (slot, txIndex, eventIndex) positions; returns -1, 0 or 1. */
const COMPARE_POSITION_LUA = `
local function compare_slot(a, b)
  if #a ~= #b then if #a < #b then return -1 else return 1 end end
  if a == b then return 0 end
  if a < b then return -1 else return 1 end
end
local function compare_position(slot_a, tx_a, ev_a, slot_b, tx_b, ev_b)
  local c = compare_slot(slot_a, slot_b)
  if c ~= 0 then return c end
  if tx_a ~= tx_b then if tx_a < tx_b then return -1 else return 1 end end
  if ev_a ~= ev_b then if ev_a < ev_b then return -1 else return 1 end end
  return 0
end
local function to_index(v)
  if type(v) == 'number' then return v end
  if type(v) == 'string' then return tonumber(v) or -1 end
  return -1
end
`;

/**
 * KEYS[1] = key; ARGV = json value, ttl ms, slot, tx index (-1 = unknown), event index.
 * Sets the value with its TTL unless the stored JSON reflects a newer position. An equal position
 * overwrites (same event replayed, or a later recomputation at the same slot). Returns 1 when written.
 */
export const SET_IF_NEWER_LUA = `${COMPARE_POSITION_LUA}
local current = redis.call('GET', KEYS[1])
if current then
  local ok, stored = pcall(cjson.decode, current)
  if ok and type(stored) == 'table' and type(stored.slot) == 'string' then
    local c = compare_position(stored.slot, to_index(stored.tx_index), to_index(stored.event_index),
      ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]))
    if c > 0 then return 0 end
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

/**
 * KEYS[1] = sorted set, KEYS[2] = hash member → slot; ARGV = ttl ms, then (member, score, slot) triples.
 * Each member's score is replaced unless the hash holds a newer slot for it; both keys' TTLs are refreshed.
 * Returns the number of members written.
 */
export const ZADD_IF_NEWER_LUA = `${COMPARE_POSITION_LUA}
local written = 0
for i = 2, #ARGV, 3 do
  local member, score, slot = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local stored = redis.call('HGET', KEYS[2], member)
  if (not stored) or compare_slot(stored, slot) <= 0 then
    redis.call('ZADD', KEYS[1], score, member)
    redis.call('HSET', KEYS[2], member, slot)
    written = written + 1
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return written
`;
