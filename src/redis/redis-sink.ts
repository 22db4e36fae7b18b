/**
 * The Redis sink: writes each committed batch into the cache (its keys in one pipelined round trip, newer
 * slot wins), then publishes its announcements. Redis is a cache, so an outage must slow nothing and lose nothing:
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
import { announcements, queueKeyWrites, splitSnapshot } from './queue-batch.js';
import type { RebuildSnapshot, RedisBatch } from '../contracts/cache-batch.js';
import { describeError } from '../shared/errors.js';
import { withTimeout } from '../shared/time.js';
import type { RedisSink, RedisSinkLogger, RedisSinkMetrics, RedisSinkStatus } from './types.js';

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

/** Creates the sink and starts connecting (connection errors are reported through `status()`). */
export function createRedisSink(opts: RedisSinkOptions): RedisSink {
  return new CacheSink(opts);
}

class CacheSink implements RedisSink {
  private readonly client: Redis;
  private readonly keys: KeyNames;
  private readonly channel: string;
  private readonly commandTimeoutMs: number;
  private stale = false;
  /** Bumped on every failure; a rebuild only clears `stale` if no failure happened while it ran. */
  private failureEpoch = 0;
  private lastError: string | null = null;
  private rebuilds = 0;
  private everReady = false;
  private rebuilding = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: RedisSinkOptions) {
    this.commandTimeoutMs = opts.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.keys = createKeyNames(opts.keyPrefix ?? '');
    this.channel = opts.channel ?? DEFAULT_EVENTS_CHANNEL;
    this.client = createClient(opts, this.commandTimeoutMs);
    defineCacheCommands(this.client);
    this.client.on('ready', () => this.onReady());
    this.client.on('close', () => this.onClose());
    this.client.on('error', (err: unknown) => this.onError(err));
  }

  async applyCommittedBatch(batch: RedisBatch): Promise<void> {
    if (this.closed) return;
    if (this.client.status !== 'ready') {
      this.markFailed(new Error(`redis not ready (${this.client.status}); batch dropped`), true);
      return;
    }
    const started = process.hrtime.bigint();
    try {
      await this.writeBatch(batch);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.opts.metrics?.batchDuration?.observe({ sink: 'redis' }, seconds);
    } catch (err) {
      this.markFailed(err, true);
      this.opts.logger.warn({ err: this.lastError }, 'redis batch dropped; cache marked stale');
    }
  }

  status(): RedisSinkStatus {
    return {
      connected: this.client.status === 'ready',
      stale: this.stale,
      lastError: this.lastError,
      rebuilds: this.rebuilds,
    };
  }

  async ping(): Promise<boolean> {
    if (this.client.status !== 'ready') return false;
    try {
      return (await withTimeout(this.client.ping(), this.commandTimeoutMs, () => timedOut(this.commandTimeoutMs))) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await closeClient(this.client, this.commandTimeoutMs);
  }

  private writeBatch(batch: RedisBatch): Promise<void> {
    const work = execBatch(this.client, this.keys, batch, this.channel);
    const timeoutMs = this.opts.batchTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS;
    return withTimeout(work, timeoutMs, () => timedOut(timeoutMs));
  }

  private markFailed(err: unknown, dropped: boolean): void {
    this.stale = true;
    this.failureEpoch += 1;
    this.lastError = describeError(err);
    if (dropped) this.opts.metrics?.redisBatchesDropped?.inc();
  }

  private onReady(): void {
    this.opts.metrics?.redisConnected?.set(1);
    const first = !this.everReady;
    this.everReady = true;
    this.opts.logger.info({ first }, 'redis connected');
    if (this.stale || (first && this.opts.rebuildOnFirstConnect)) void this.runRebuild();
  }

  private onClose(): void {
    this.opts.metrics?.redisConnected?.set(0);
    if (!this.everReady || this.closed) return;
    // The server may have restarted empty (a cache need not persist): rebuild on the next 'ready'.
    if (!this.stale) this.markFailed(new Error('redis connection closed'), false);
    this.opts.logger.warn({}, 'redis connection closed; cache marked stale');
  }

  private onError(err: unknown): void {
    const message = describeError(err);
    if (message !== this.lastError) this.opts.logger.warn({ err: message }, 'redis error');
    this.lastError = message;
  }

  /** Reads the snapshot and writes it in bounded pipelines; on failure stays stale and retries later. */
  private async runRebuild(): Promise<void> {
    if (this.rebuilding || this.closed || this.client.status !== 'ready') return;
    this.rebuilding = true;
    const epoch = this.failureEpoch;
    const started = Date.now();
    try {
      const snapshot = await this.opts.rebuild();
      const chunkUpdates = this.opts.snapshotChunkUpdates ?? DEFAULT_SNAPSHOT_CHUNK_UPDATES;
      const chunks = splitSnapshot(snapshot, chunkUpdates);
      for (const chunk of chunks) await this.writeBatch(chunk);
      if (this.failureEpoch === epoch) this.stale = false;
      this.rebuilds += 1;
      this.opts.metrics?.redisRebuilds?.inc();
      const ms = Date.now() - started;
      this.opts.logger.info({ chunks: chunks.length, ms, stale: this.stale }, 'redis cache rebuilt');
    } catch (err) {
      this.markFailed(err, false);
      this.opts.logger.warn({ err: this.lastError }, 'redis cache rebuild failed; will retry');
    } finally {
      this.rebuilding = false;
    }
    if (this.stale) this.scheduleRebuild();
  }

  private scheduleRebuild(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.runRebuild();
    }, this.opts.rebuildRetryMs ?? DEFAULT_REBUILD_RETRY_MS);
    this.retryTimer.unref();
  }
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

/**
 * Writes the batch's keys in one pipeline, then publishes its announcements; rejects if the connection
 * failed or any command errored. Publishing after the keys' replies keeps "a subscriber that reads on a
 * message sees the new value" even on the first batch, when ioredis loads the scripts before sending.
 */
async function execBatch(client: Redis, keys: KeyNames, batch: RedisBatch, channel: string): Promise<void> {
  const pipeline = client.pipeline();
  if (queueKeyWrites(pipeline, keys, batch) > 0) {
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([err]) => err);
    if (failed?.[0]) throw failed[0];
  }
  const messages = announcements(batch);
  if (messages.length > 0) await Promise.all(messages.map((message) => client.publish(channel, message)));
}

function timedOut(timeoutMs: number): Error {
  return new Error(`redis timed out after ${timeoutMs} ms`);
}

async function closeClient(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') {
    try {
      await withTimeout(client.quit(), timeoutMs, () => timedOut(timeoutMs));
      return;
    } catch {
      // fall through to a hard disconnect
    }
  }
  client.disconnect();
}
