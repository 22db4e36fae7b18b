/**
 * A sink for runs without Redis (no REDIS_URL): accepts batches and does nothing, so the pipeline needs
 * no special case. /health reports it as `enabled: false`.
 */
import type { RedisSink } from './types.js';

/** Creates a sink that drops every batch and reports itself disconnected but not stale. */
export function createDisabledRedisSink(): RedisSink {
  return {
    applyCommittedBatch: async () => undefined,
    status: () => ({ connected: false, stale: false, lastError: null, rebuilds: 0 }),
    ping: async () => false,
    close: async () => undefined,
  };
}
