/**
 * Registers the Lua scripts on an ioredis client as custom commands (EVALSHA, with ioredis loading the
 * script on NOSCRIPT) and declares their types on the client and on pipelines.
 */
import type { Redis, Result } from 'ioredis';
import { SET_IF_NEWER_LUA, ZADD_IF_NEWER_LUA } from './scripts.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** See `SET_IF_NEWER_LUA`: 1 when written, 0 when the stored value is newer. */
    megatronSetIfNewer(
      key: string,
      json: string,
      ttlMs: number,
      slot: string,
      txIndex: number,
      eventIndex: number,
    ): Result<number, Context>;
    /** See `ZADD_IF_NEWER_LUA`: number of members written. */
    megatronZaddIfNewer(
      setKey: string,
      slotHashKey: string,
      ttlMs: number,
      ...memberScoreSlot: (string | number)[]
    ): Result<number, Context>;
  }
}

/** Defines the custom commands on `client` (once per client). */
export function defineCacheCommands(client: Redis): void {
  client.defineCommand('megatronSetIfNewer', { numberOfKeys: 1, lua: SET_IF_NEWER_LUA });
  client.defineCommand('megatronZaddIfNewer', { numberOfKeys: 2, lua: ZADD_IF_NEWER_LUA });
}
