/**
 * The Redis sink: prices, scores, hot set and signals in the cache, announcements on pub/sub. The only
 * folder that imports ioredis. The batch it writes is a contract (contracts/cache-batch.ts).
 */
export * from './types.js';
export { createRedisSink, type RedisSinkOptions } from './redis-sink.js';
export { createDisabledRedisSink } from './disabled-sink.js';
export {
  ACTIVE_SIGNAL_TTL_MS,
  DEFAULT_EVENTS_CHANNEL,
  HOT_SET_TTL_MS,
  PRICE_TTL_MS,
  TOKEN_SCORE_TTL_MS,
  createKeyNames,
} from './keys.js';
