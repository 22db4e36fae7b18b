/**
 * The batcher: collects the rows the ingest step builds into one batch and hands it to the writer, which
 * commits rows and checkpoint in one database transaction.
 *
 * State machine:
 *   collecting ──(rows >= maxRows, or flushIntervalMs since the last flush)──► flushing
 *   flushing: the batch takes the checkpoint tracker's candidate. No rows, and that checkpoint already
 *             handed over (or none) ──► collecting, nothing written (an idle stream writes nothing).
 *             Otherwise the batch is handed to the writer and a new one is collected: at most ONE write is
 *             in flight, and the next batch is built while it runs (decode/build CPU overlaps the
 *             database's work). Before a second write starts, the first must have committed, so batches
 *             commit in stream order.
 *   committed ──► `committed` (metrics, then the cache update) runs as part of the write in flight.
 *   write fails with a retryable error (`retryDelayMs` gives a base delay) ──► wait (the shared back-off
 *             without jitter: base × 2^min(attempt − 1, 5), at most 30 s) and retry the same batch;
 *             meanwhile the queue fills and the stream pauses (backpressure), nothing is dropped.
 *   write fails otherwise ──► fatal: the next flush, or `close()`, rejects with the error, and so does `run()`.
 *   close ──► final flush ──► wait for the write in flight ──► done.
 */
import { emptyBatch, type Batch, type BatchResult } from '../contracts/rows.js';
import { computeBackoffDelayMs } from '../shared/backoff.js';
import { describeError } from '../shared/errors.js';
import { sleep } from '../shared/time.js';
import type { CheckpointTracker } from './checkpoint-tracker.js';
import type { PipelineLogger } from './pipeline-options.js';

/** What the batcher needs from the pipeline's options. */
export interface BatcherOptions {
  /** Stream name of the checkpoint. */
  stream: string;
  maxRows: number;
  flushIntervalMs: number;
  /** Commits a batch (rows + checkpoint) in one database transaction. */
  write: (batch: Batch) => Promise<BatchResult>;
  /** Classifies a write error: a base delay in ms to retry after, or null when it is fatal. */
  retryDelayMs: (error: unknown) => number | null;
  logger: PipelineLogger;
}

/** Runs after each commit, in commit order: `receipts` are the receive times of the batch's transactions. */
export type BatchCommitted = (batch: Batch, receipts: bigint[], result: BatchResult) => Promise<void>;

/** What `next` resolves with when the flush interval ran out first (and the batch was flushed). */
export const FLUSHED = Symbol('flushed');
const FLUSH_DUE = Symbol('flush due');
const flushDue = (): typeof FLUSH_DUE => FLUSH_DUE;
/** Abort reason for the flush timer: a constant, because the default reason builds a DOMException with a stack each time. */
const TIMER_CANCELLED = Symbol('timer cancelled');
const MAX_RETRY_WAIT_MS = 30_000;
const MAX_RETRY_DOUBLINGS = 5;
/** The back-off's ceiling itself: the delays stay those of the classifier's table, doubled. */
const NO_JITTER = (): number => 1;

/**
 * Wait before retry number `attempt` (1 = first) of a write whose error has base delay `baseDelayMs`:
 * the shared back-off without jitter, doubling at most five times, at most 30 s.
 */
export function retryWaitMs(baseDelayMs: number, attempt: number): number {
  const doublings = Math.min(attempt - 1, MAX_RETRY_DOUBLINGS);
  return computeBackoffDelayMs(doublings, { initialDelayMs: baseDelayMs, maxDelayMs: MAX_RETRY_WAIT_MS, random: NO_JITTER });
}

/** Collects rows into batches and writes them, one at a time, by size or by time. */
export class Batcher {
  private current: Batch = emptyBatch();
  private rows = 0;
  private receipts: bigint[] = [];
  private startedAt = performance.now();
  private inflight: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: BatcherOptions,
    private readonly checkpoints: Pick<CheckpointTracker, 'candidate' | 'isNew' | 'handOver'>,
    private readonly committed: BatchCommitted,
  ) {}

  /** The batch being collected: add rows to it, then count them with `addRows` or `addTransaction`. */
  get batch(): Batch {
    return this.current;
  }

  /** True when the batch holds `maxRows` rows or more: flush it before adding more. */
  get full(): boolean {
    return this.rows >= this.options.maxRows;
  }

  /** Counts rows added outside a transaction (a quarantine record of the stream or the normaliser). */
  addRows(rows: number): void {
    this.rows += rows;
  }

  /** Counts the rows one transaction added, and when it was received (commit latency is measured from it). */
  addTransaction(rows: number, receivedAtNs: bigint): void {
    this.rows += rows;
    this.receipts.push(receivedAtNs);
  }

  /**
   * Waits for `item`, or for the end of the flush interval (counted from the last flush), whichever comes
   * first; in the second case flushes and resolves FLUSHED. The timer is cancelled either way.
   */
  async next<T>(item: Promise<T>): Promise<T | typeof FLUSHED> {
    const wait = Math.max(0, this.options.flushIntervalMs - (performance.now() - this.startedAt));
    const timer = new AbortController();
    const first = await Promise.race([item, sleep(wait, timer.signal).then(flushDue)]);
    timer.abort(TIMER_CANCELLED);
    if (first !== FLUSH_DUE) return first as T;
    await this.flush();
    return FLUSHED;
  }

  /** Hands the batch to the writer once the write in flight committed; a no-op when there is nothing to write. */
  async flush(): Promise<void> {
    this.startedAt = performance.now();
    const batch = this.current;
    const checkpoint = this.checkpoints.candidate();
    if (hasNoRows(batch) && !this.checkpoints.isNew(checkpoint)) return;
    if (checkpoint !== null) batch.checkpoint = { stream: this.options.stream, slot: this.checkpoints.handOver(checkpoint) };
    const receipts = this.receipts;
    this.current = emptyBatch();
    this.rows = 0;
    this.receipts = [];
    await this.inflight;
    this.inflight = this.commit(batch, receipts);
    // A fatal write failing while the run loop waits for the queue must not be an unhandled rejection (Node
    // would end the process before run() rejects); the next `await this.inflight` still rethrows it.
    this.inflight.catch(() => undefined);
  }

  /** Final flush, then waits for the last write; rejects with a fatal write error. */
  async close(): Promise<void> {
    await this.flush();
    await this.inflight;
  }

  private async commit(batch: Batch, receipts: bigint[]): Promise<void> {
    const result = await this.writeWithRetry(batch);
    await this.committed(batch, receipts, result);
  }

  private async writeWithRetry(batch: Batch): Promise<BatchResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.options.write(batch);
      } catch (error) {
        const delay = this.options.retryDelayMs(error);
        if (delay === null) throw error;
        const wait = retryWaitMs(delay, attempt);
        this.options.logger.warn({ attempt, waitMs: wait, err: describeError(error) }, 'batch write failed; retrying');
        await sleep(wait);
      }
    }
  }
}

function hasNoRows(batch: Batch): boolean {
  return batch.tokens.length === 0 && batch.pools.length === 0 && batch.trades.length === 0 && batch.poolStates.length === 0 &&
    batch.graduations.length === 0 && batch.holderAccounts.length === 0 && batch.quarantine.length === 0;
}
