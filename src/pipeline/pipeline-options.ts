/**
 * What the pipeline is given and what it reports: its options (queue, the stream stage's normaliser, the
 * decoder, the sinks as functions, batching settings), its status counters, and the slices of the metrics
 * registry and logger it uses (createMetrics() and pino fit). Every pipeline file imports these from here.
 */
import type { ChainTransaction } from '../contracts/chain-transaction.js';
import type { DecodeResult } from '../contracts/decoded-event.js';
import type { NormalizeTransactionBytes, StreamItem } from '../contracts/stream-item.js';
import type { RedisBatch } from '../contracts/cache-batch.js';
import type { Batch, BatchResult } from '../contracts/rows.js';
import type { BoundedQueue } from '../shared/bounded-queue.js';
import type { LatencyWindow } from './latency-window.js';

/** What the pipeline is given: its queue, the stream stage's normaliser, the decoder, and its sinks. */
export interface PipelineOptions {
  queue: BoundedQueue<StreamItem>;
  stream: string;
  /** Normalises a `transaction_bytes` item (the stream stage's `normalizeYellowstoneTransactionBytes`). */
  normalize: NormalizeTransactionBytes;
  decode: (tx: ChainTransaction) => DecodeResult;
  /** Commits a batch (rows + checkpoint) in one database transaction. */
  write: (batch: Batch) => Promise<BatchResult>;
  /** Classifies a write error: a delay in ms to retry after, or null when it is fatal. */
  retryDelayMs: (error: unknown) => number | null;
  /** Called after each commit; must not throw (the Redis sink never does). */
  publish?: (updates: RedisBatch) => Promise<void>;
  /**
   * Rank `tokens:hot` by trade activity (default true). Off when the scoring job runs: it ranks the hot
   * set by total score, and two writers of one key would overwrite each other.
   */
  publishActivity?: boolean;
  maxRows: number;
  flushIntervalMs: number;
  /** Build holder balance rows (HOLDERS_ENABLED; default true). */
  trackHolders?: boolean;
  /**
   * Whether closing the queue means every slot seen is complete (default true: a replay or backfill ends
   * at a slot boundary). False for a live stream stopped mid-slot: its last slot then stays uncommitted in
   * the checkpoint and transactions still waiting for a block time are dropped, to be replayed after restart.
   */
  closeCompletesSlots?: () => boolean;
  /** Slot statuses that mean "every transaction of this slot was delivered". */
  completeStatuses?: ReadonlySet<string>;
  metrics?: PipelineMetrics;
  /** Receives every receipt-to-commit latency (for system_metrics and benchmarks). */
  latencies?: LatencyWindow;
  logger: PipelineLogger;
}

/** Progress counters, read by the health endpoint, the maintenance jobs and the stream (the committed slot). */
export interface PipelineStatus {
  lastSlotSeen: bigint | null;
  lastSlotCommitted: bigint | null;
  batchesCommitted: number;
  tradesCommitted: number;
  eventsDecoded: number;
  quarantined: number;
  lastCommitAt: number | null;
}

/** The slices of the metrics registry and logger the pipeline uses (createMetrics() and pino fit). */
export interface PipelineMetrics {
  eventsDecoded: { inc(labels: { program: string; kind: string }, value?: number): void };
  quarantined: { inc(labels: { stage: string; kind: string }, value?: number): void };
  /** Decoder outcomes other than an event: `not_mine`, and the kind of each decode-stage quarantine record. */
  decoderOutcomes: { inc(labels: { outcome: string }, value?: number): void };
  commitLatency: { observe(seconds: number): void };
  batchSize: { observe(labels: { sink: string }, rows: number): void };
  batchDuration: { observe(labels: { sink: string }, seconds: number): void };
  batchRows: { inc(labels: { table: string }, value?: number): void };
  queueDepth: { set(labels: { queue: string }, value: number): void };
  lastSlotCommitted: { set(value: number): void };
}

export interface PipelineLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
