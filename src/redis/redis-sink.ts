/**
 * The Redis sink: writes each committed batch into the cache, newer slot wins, one round trip per batch.
 * Redis is a cache, so an outage must slow nothing and lose nothing:
 *
 *   connecting ──'ready'──► live            batches are written (one pipeline each)
 *   live ──'close' / a failed or timed-out write──► down   (`stale` true: Redis may come back empty)
 *   down                                    batches are dropped at once (counted)
 *   down ──'ready'──► rebuilding            `rebuild()` reads the state from PostgreSQL; the snapshot is
 *                                           written in bounded pipelines while live batches keep flowing
 *                                           (newer slot wins makes the two commute)
 *   rebuilding ──snapshot written, nothing failed meanwhile──► live   (`stale` false, `rebuilds` + 1)
 *   rebuilding ──rebuild() or a write failed──► stale; retried after `rebuildRetryMs` while connected,
 *                                           and on every later 'ready'
 *
 * The client never queues offline (`enableOfflineQueue: false`), never resends after a drop, and every
 * command times out after `commandTimeoutMs`; a batch additionally races `batchTimeoutMs`.
 */
import { Redis } from 'ioredis';
import { defineCacheCommands } from './commands.js';
import { createKeyNames, DEFAULT_EVENTS_CHANNEL, type KeyNames } from './keys.js';
import { queueBatch, splitSnapshot } from './queue-batch.js';
import type {
  RebuildSnapshot,
  RedisBatch,
  RedisSink,
  RedisSinkLogger,
  RedisSinkMetrics,
  RedisSinkStatus,
} from './types.js';

const DEFAULT_COMMAND_TIMEOUT_MS = 500;
const DEFAULT_BATCH_TIMEOUT_MS = 1_000;
const DEFAULT_RECONNECT_MAX_DELAY_MS = 2_000;
const DEFAULT_REBUILD_RETRY_MS = 5_000;
const DEFAULT_SNAPSHOT_CHUNK_UPDATES = 1_000;
const CONNECT_TIMEOUT_MS = 2_000;

export interface RedisSinkOptions {
  /** `redis://[:password@]host:port[/db]`. */
  url: string;
  /** Put in front of every key ('' in production, unique per test). Not applied to the channel. */
  keyPrefix?: string;
  /** Pub/sub channel for announcements; default `megatron:events`. */
  channel?: string;
  logger: RedisSinkLogger;
  metrics?: RedisSinkMetrics;
  /** Reads the cache state from PostgreSQL; called after an outage (and at start when asked). */
  rebuild: () => Promise<RebuildSnapshot>;
  /** Also rebuild on the very first connection (fills a cache that was flushed while we were down). */
  rebuildOnFirstConnect?: boolean;
  commandTimeoutMs?: number;
  batchTimeoutMs?: number;
  reconnectMaxDelayMs?: number;
  rebuildRetryMs?: number;
  snapshotChunkUpdates?: number;
}

interface SinkState {
  stale: boolean;
  /** Bumped on every failure; a rebuild only clears `stale` if no failure happened while it ran. */
  failureEpoch: number;
  lastError: string | null;
  rebuilds: number;
  everReady: boolean;
  rebuilding: boolean;
  closed: boolean;
  retryTimer: NodeJS.Timeout | null;
}

/** Creates the sink and starts connecting (connection errors are reported through `status()`). */
export function createRedisSink(opts: RedisSinkOptions): RedisSink {
  const batchTimeoutMs = opts.batchTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS;
  const commandTimeoutMs = opts.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const keys = createKeyNames(opts.keyPrefix ?? '');
  const channel = opts.channel ?? DEFAULT_EVENTS_CHANNEL;
  const log = opts.logger;
  const state: SinkState = {
    stale: false, failureEpoch: 0, lastError: null, rebuilds: 0,
    everReady: false, rebuilding: false, closed: false, retryTimer: null,
  };
  const client = createClient(opts, commandTimeoutMs);
  defineCacheCommands(client);

  const markFailed = (err: unknown, dropped: boolean): void => {
    state.stale = true;
    state.failureEpoch += 1;
    state.lastError = describeError(err);
    if (dropped) opts.metrics?.redisBatchesDropped?.inc();
  };

  const writeBatch = (batch: RedisBatch): Promise<void> =>
    withTimeout(execBatch(client, keys, batch, channel), batchTimeoutMs);

  const runRebuild = async (): Promise<void> => {
    if (state.rebuilding || state.closed || client.status !== 'ready') return;
    state.rebuilding = true;
    const epoch = state.failureEpoch;
    const started = Date.now();
    try {
      const snapshot = await opts.rebuild();
      const chunks = splitSnapshot(snapshot, opts.snapshotChunkUpdates ?? DEFAULT_SNAPSHOT_CHUNK_UPDATES);
      for (const chunk of chunks) await writeBatch(chunk);
      if (state.failureEpoch === epoch) state.stale = false;
      state.rebuilds += 1;
      opts.metrics?.redisRebuilds?.inc();
      log.info({ chunks: chunks.length, ms: Date.now() - started, stale: state.stale }, 'redis cache rebuilt');
    } catch (err) {
      markFailed(err, false);
      log.warn({ err: state.lastError }, 'redis cache rebuild failed; will retry');
    } finally {
      state.rebuilding = false;
    }
    if (state.stale) scheduleRebuild();
  };

  const scheduleRebuild = (): void => {
    if (state.closed || state.retryTimer) return;
    state.retryTimer = setTimeout(() => {
      state.retryTimer = null;
      void runRebuild();
    }, opts.rebuildRetryMs ?? DEFAULT_REBUILD_RETRY_MS);
    state.retryTimer.unref();
  };

  client.on('ready', () => {
    opts.metrics?.redisConnected?.set(1);
    const first = !state.everReady;
    state.everReady = true;
    log.info({ first }, 'redis connected');
    if (state.stale || (first && opts.rebuildOnFirstConnect)) void runRebuild();
  });
  client.on('close', () => {
    opts.metrics?.redisConnected?.set(0);
    if (!state.everReady || state.closed) return;
    // The server may have restarted empty (a cache need not persist): rebuild on the next 'ready'.
    if (!state.stale) markFailed(new Error('redis connection closed'), false);
    log.warn({}, 'redis connection closed; cache marked stale');
  });
  client.on('error', (err: unknown) => {
    const message = describeError(err);
    if (message !== state.lastError) log.warn({ err: message }, 'redis error');
    state.lastError = message;
  });

  return {
    async applyCommittedBatch(batch) {
      if (state.closed) return;
      if (client.status !== 'ready') {
        markFailed(new Error(`redis not ready (${client.status}); batch dropped`), true);
        return;
      }
      const started = process.hrtime.bigint();
      try {
        await writeBatch(batch);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        opts.metrics?.batchDuration?.observe({ sink: 'redis' }, seconds);
      } catch (err) {
        markFailed(err, true);
        log.warn({ err: state.lastError }, 'redis batch dropped; cache marked stale');
      }
    },
    status: (): RedisSinkStatus => ({
      connected: client.status === 'ready',
      stale: state.stale,
      lastError: state.lastError,
      rebuilds: state.rebuilds,
    }),
    async ping() {
      if (client.status !== 'ready') return false;
      try {
        return (await withTimeout(client.ping(), commandTimeoutMs)) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      state.closed = true;
      if (state.retryTimer) clearTimeout(state.retryTimer);
      state.retryTimer = null;
      await closeClient(client, commandTimeoutMs);
    },
  };
}

function createClient(opts: RedisSinkOptions, commandTimeoutMs: number): Redis {
  const maxDelayMs = opts.reconnectMaxDelayMs ?? DEFAULT_RECONNECT_MAX_DELAY_MS;
  return new Redis(opts.url, {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, maxDelayMs),
    connectionName: 'megatron-sink',
  });
}

/** Runs one pipeline for the batch; rejects if the connection failed or any command errored. */
async function execBatch(client: Redis, keys: KeyNames, batch: RedisBatch, channel: string): Promise<void> {
  const pipeline = client.pipeline();
  if (queueBatch(pipeline, keys, batch, channel) === 0) return;
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([err]) => err);
  if (failed?.[0]) throw failed[0];
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  work.catch(() => undefined); // a late rejection after the timeout won must not go unhandled
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function closeClient(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') {
    try {
      await withTimeout(client.quit(), timeoutMs);
      return;
    } catch {
      // fall through to a hard disconnect
    }
  }
  client.disconnect();
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
