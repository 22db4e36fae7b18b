/**
 * The Redis sink's own interface: its status, metrics and logger shapes. The batch it writes is the
 * contract in contracts/cache-batch.ts.
 */
import type { RedisBatch } from '../contracts/cache-batch.js';

/** Reported by `status()` and /health. */
export interface RedisSinkStatus {
  /** The client is connected and ready for commands. */
  connected: boolean;
  /** Some committed data did not reach Redis; cleared once a rebuild snapshot has been written. */
  stale: boolean;
  lastError: string | null;
  /** Completed rebuilds since start. */
  rebuilds: number;
}

/** The sink as the pipeline and the API see it. */
export interface RedisSink {
  /** Writes one committed batch; never throws and returns within the batch timeout. */
  applyCommittedBatch(batch: RedisBatch): Promise<void>;
  status(): RedisSinkStatus;
  /** True when Redis answers PING within the command timeout. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The few metric handles the sink updates (structurally satisfied by `createMetrics()`'s result). */
export interface RedisSinkMetrics {
  redisConnected?: { set(value: number): void };
  redisBatchesDropped?: { inc(value?: number): void };
  redisRebuilds?: { inc(value?: number): void };
  batchDuration?: { observe(labels: { sink: string }, seconds: number): void };
}

/** The logger methods the sink uses (a pino logger fits). */
export interface RedisSinkLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
