/**
 * The pipeline stage: takes stream items from the bounded queue, decodes them, builds rows, and
 * commits them in batches through the PostgreSQL sink, then updates the Redis cache.
 *
 * Batcher state machine:
 *   collecting ──(rows >= maxRows or flush interval elapsed with rows pending)──► flushing
 *   flushing: the batch is handed to the writer; at most ONE write is in flight, and the next batch is
 *             built while it runs (decode/build CPU overlaps the database's work). Before a second
 *             write starts, the first must have committed, so batches commit in stream order.
 *   write fails with a retryable error ──► wait (backoff) and retry the same batch; meanwhile the
 *             queue fills and the stream pauses (backpressure), nothing is dropped.
 *   write fails otherwise ──► fatal: the pipeline stops and `run()` rejects.
 *   queue closed and drained ──► final flush ──► done. A finite source (replay, backfill) ends at a slot
 *             boundary: every slot seen counts as complete. A live stream may stop mid-slot: its last
 *             slot stays out of the checkpoint and is replayed after restart (`closeCompletesSlots`).
 *
 * Checkpoint: the highest slot known complete — one below the newest transaction's slot (the stream
 * delivers in slot order), or a slot the stream reported at our commitment level — never lower than
 * before, and always below a slot whose transactions still wait for their block time (block-time-gate.ts).
 * It is written in the batch's own database transaction (see postgres/batch-writer.ts).
 */
import type { ChainTransaction } from '../contracts/chain-transaction.js';
import type { DecodeResult } from '../contracts/decoded-event.js';
import type { NormalizeTransactionBytes, StreamItem, TransactionItem } from '../contracts/stream-item.js';
import type { NormalizeResult } from '../contracts/chain-transaction.js';
import { quarantineRaw, type QuarantineRecord } from '../contracts/quarantine.js';
import { describeError } from '../shared/errors.js';
import type { BoundedQueue } from '../shared/bounded-queue.js';
import type { RedisBatch } from '../contracts/cache-batch.js';
import { sleep } from '../shared/time.js';
import { addTransactionRows } from './build-rows.js';
import { ActivityTracker, buildCacheUpdates } from './cache-updates.js';
import { emptyBatch, type Batch, type BatchResult } from '../contracts/rows.js';
import { TokenRegistry } from './token-registry.js';
import { BlockTimeGate } from './block-time-gate.js';
import type { PipelineMetrics, PipelineLogger } from './pipeline-deps.js';
import type { LatencyWindow } from './latency-window.js';

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

export interface PipelineStatus {
  lastSlotSeen: bigint | null;
  lastSlotCommitted: bigint | null;
  batchesCommitted: number;
  tradesCommitted: number;
  eventsDecoded: number;
  quarantined: number;
  lastCommitAt: number | null;
}

export interface Pipeline {
  /** Consumes the queue until it is closed and drained; rejects on a fatal write error. */
  run(): Promise<void>;
  status(): PipelineStatus;
}

const PENDING = Symbol('pending');
/** Items handled between two yields to the event loop. */
const HANDLE_CHUNK_ITEMS = 200;
const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Abort reason for the flush timer: a constant, because the default reason builds a DOMException with a stack each time. */
const TIMER_CANCELLED = Symbol('timer cancelled');

export function createPipeline(options: PipelineOptions): Pipeline {
  const registry = new TokenRegistry();
  const activity = new ActivityTracker();
  // Transactions the gate let through, waiting to be processed: a block meta releases a whole slot at once
  // (thousands of transactions in a busy slot), and processing them in one synchronous run would hold up
  // the write in flight, whose every statement reply needs the event loop. They are processed in chunks.
  const readyItems: TransactionItem[] = [];
  const readyTimes: (number | null)[] = [];
  let readyAt = 0;
  const gate = new BlockTimeGate((item, blockTime) => {
    readyItems.push(item);
    readyTimes.push(blockTime);
  });
  const complete = options.completeStatuses ?? new Set(['confirmed', 'finalized']);
  const status: PipelineStatus = { lastSlotSeen: null, lastSlotCommitted: null, batchesCommitted: 0, tradesCommitted: 0, eventsDecoded: 0, quarantined: 0, lastCommitAt: null };
  let batch = emptyBatch();
  let batchRows = 0;
  let receipts: bigint[] = [];
  let lastTxSlot: bigint | null = null;
  let completeSlot: bigint | null = null;
  let inflight: Promise<void> = Promise.resolve();
  let batchStartedAt = performance.now();
  let lastCheckpointWritten: bigint | null = null;

  function handle(item: StreamItem): void {
    switch (item.kind) {
      case 'quarantine':
        batch.quarantine.push(item.record);
        batchRows += 1;
        countQuarantine(item.record);
        return;
      case 'slot':
        if (complete.has(item.status)) raiseComplete(item.slot);
        return;
      case 'block_meta':
        if (item.blockTime !== null) gate.resolve(item.slot, item.blockTime);
        return;
      case 'transaction':
      case 'transaction_bytes':
        if (lastTxSlot !== null && item.slot > lastTxSlot) raiseComplete(item.slot - 1n);
        if (lastTxSlot === null || item.slot > lastTxSlot) lastTxSlot = item.slot;
        if (status.lastSlotSeen === null || item.slot > status.lastSlotSeen) status.lastSlotSeen = item.slot;
        gate.admit(item, item.kind === 'transaction' ? item.tx.blockTime : null);
        return;
    }
  }

  /**
   * Normalises (when still bytes) and decodes one transaction whose block time is known or given up on,
   * and adds its rows to the batch.
   */
  function processTransaction(item: TransactionItem, blockTime: number | null): void {
    const normalized = materializeTransaction(item, options.normalize);
    if (!normalized.ok) {
      batch.quarantine.push(normalized.quarantine);
      batchRows += 1;
      countQuarantine(normalized.quarantine);
      return;
    }
    const tx = normalized.tx;
    if (tx.blockTime === null) tx.blockTime = blockTime;
    const result = options.decode(tx);
    for (const record of result.quarantine) countQuarantine(record);
    for (const event of result.events) options.metrics?.eventsDecoded.inc({ program: event.program, kind: event.kind });
    status.eventsDecoded += result.events.length;
    batch.quarantine.push(...result.quarantine);
    const before = batch.trades.length + batch.tokens.length + batch.graduations.length;
    const quarantinedBefore = batch.quarantine.length;
    addTransactionRows(batch, registry, tx, result.events, { holders: options.trackHolders !== false });
    for (const record of batch.quarantine.slice(quarantinedBefore)) countQuarantine(record);
    batchRows += batch.trades.length + batch.tokens.length + batch.graduations.length - before + result.quarantine.length;
    receipts.push(item.receivedAtNs);
  }

  /** Processes the transactions the gate released, in chunks, yielding to I/O between them. */
  async function processReady(): Promise<void> {
    while (readyAt < readyItems.length) {
      const end = Math.min(readyItems.length, readyAt + HANDLE_CHUNK_ITEMS);
      while (readyAt < end) {
        const at = readyAt++;
        processTransaction(readyItems[at]!, readyTimes[at]!);
        if (batchRows >= options.maxRows) await flush();
      }
      if (readyAt < readyItems.length) await yieldToIo();
    }
    readyItems.length = 0;
    readyTimes.length = 0;
    readyAt = 0;
  }

  /** Lowest slot of a transaction held by the gate or released but not yet processed. */
  function lowestPendingSlot(): bigint | null {
    let lowest = gate.lowestHeldSlot();
    for (let i = readyAt; i < readyItems.length; i++) {
      const slot = readyItems[i]!.slot;
      if (lowest === null || slot < lowest) lowest = slot;
    }
    return lowest;
  }

  /** The checkpoint candidate: complete slots, but never at or past a slot whose transactions wait for their block time or their turn. */
  function checkpointSlot(): bigint | null {
    const held = lowestPendingSlot();
    if (held === null || completeSlot === null) return completeSlot;
    return completeSlot < held ? completeSlot : held - 1n;
  }

  function raiseComplete(slot: bigint): void {
    if (completeSlot === null || slot > completeSlot) completeSlot = slot;
  }

  function countQuarantine(record: QuarantineRecord): void {
    status.quarantined += 1;
    options.metrics?.quarantined.inc({ stage: record.stage, kind: record.kind });
  }

  /** Hands the current batch to the writer (after the previous write committed). */
  async function flush(): Promise<void> {
    batchStartedAt = performance.now();
    const checkpoint = checkpointSlot();
    if (checkpoint !== null && checkpoint >= 0n) batch.checkpoint = { stream: options.stream, slot: checkpoint };
    // Nothing to write: no rows, and the checkpoint is the one already handed to the writer (without this
    // an idle or slow stream wrote an empty transaction every flush interval).
    if (hasNoRows(batch) && (batch.checkpoint === null || batch.checkpoint.slot === lastCheckpointWritten)) {
      batch.checkpoint = null;
      return;
    }
    if (batch.checkpoint !== null) lastCheckpointWritten = batch.checkpoint.slot;
    const toWrite = batch;
    const toReceipts = receipts;
    batch = emptyBatch();
    batchRows = 0;
    receipts = [];
    await inflight;
    inflight = commit(toWrite, toReceipts);
  }

  async function commit(toWrite: Batch, toReceipts: bigint[]): Promise<void> {
    const result = await writeWithRetry(toWrite);
    const now = process.hrtime.bigint();
    for (const received of toReceipts) {
      const seconds = Number(now - received) / 1e9;
      options.metrics?.commitLatency.observe(seconds);
      options.latencies?.record(seconds * 1000);
    }
    options.metrics?.batchSize.observe({ sink: 'postgres' }, toWrite.trades.length);
    options.metrics?.batchDuration.observe({ sink: 'postgres' }, result.durationMs / 1000);
    options.metrics?.batchRows.inc({ table: 'transactions' }, result.tradesInserted);
    for (const record of result.rejected) countQuarantine(record);
    status.batchesCommitted += 1;
    status.tradesCommitted += result.tradesInserted;
    status.lastCommitAt = Date.now();
    if (toWrite.checkpoint) {
      status.lastSlotCommitted = toWrite.checkpoint.slot;
      options.metrics?.lastSlotCommitted.set(Number(toWrite.checkpoint.slot));
    }
    if (!options.publish) return;
    const updates = buildCacheUpdates(toWrite, activity);
    if (options.publishActivity === false) delete updates.hotScores;
    await options.publish(updates);
  }

  async function writeWithRetry(toWrite: Batch): Promise<BatchResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await options.write(toWrite);
      } catch (error) {
        const delay = options.retryDelayMs(error);
        if (delay === null) throw error;
        const wait = Math.min(delay * 2 ** Math.min(attempt - 1, 5), 30_000);
        options.logger.warn({ attempt, waitMs: wait, err: error instanceof Error ? error.message : String(error) }, 'batch write failed; retrying');
        await sleep(wait);
      }
    }
  }

  async function run(): Promise<void> {
    const queue = options.queue;
    let next: Promise<StreamItem | undefined> | null = null;
    for (;;) {
      next ??= queue.shift();
      const wait = Math.max(0, options.flushIntervalMs - (performance.now() - batchStartedAt));
      const timer = new AbortController();
      const item = await Promise.race([next, sleep(wait, timer.signal).then((): typeof PENDING => PENDING)]);
      timer.abort(TIMER_CANCELLED);
      if (item === PENDING) {
        await flush();
        continue;
      }
      next = null;
      if (item === undefined) break;
      handle(item);
      if (readyAt < readyItems.length) await processReady();
      // Small chunks, yielding between them: the write in flight needs the event loop for every
      // statement's reply, and one long synchronous run of decoding would hold each of them up
      // (measured: ~300 ms per batch spent waiting, half the write time).
      for (let chunk = queue.drain(HANDLE_CHUNK_ITEMS); chunk.length > 0; chunk = queue.drain(HANDLE_CHUNK_ITEMS)) {
        for (const more of chunk) {
          handle(more);
          if (readyAt < readyItems.length) await processReady();
          if (batchRows >= options.maxRows) await flush();
        }
        await yieldToIo();
      }
      options.metrics?.queueDepth.set({ queue: 'stream' }, queue.size);
      if (batchRows >= options.maxRows) await flush();
    }
    if (options.closeCompletesSlots?.() ?? true) {
      gate.releaseAll();
      await processReady();
      if (lastTxSlot !== null) raiseComplete(lastTxSlot);
    } else {
      // A live stream stopped: the slots still waiting for their block time are not complete here. Their
      // transactions are dropped, not written without a time (or quarantined), and the checkpoint stays
      // below them, so the restart replays them whole.
      const held = gate.lowestHeldSlot();
      gate.discardAll();
      if (held !== null && completeSlot !== null && completeSlot >= held) completeSlot = held - 1n;
    }
    await flush();
    await inflight;
  }

  return { run, status: () => ({ ...status }) };
}

function hasNoRows(batch: Batch): boolean {
  return batch.tokens.length === 0 && batch.pools.length === 0 && batch.trades.length === 0 && batch.poolStates.length === 0 &&
    batch.graduations.length === 0 && batch.holderAccounts.length === 0 && batch.quarantine.length === 0;
}

/**
 * The transaction of a transaction item: normalised now for `transaction_bytes` (a failure, or a
 * normaliser that throws, gives a quarantine record with the update's bytes), as is for `transaction`.
 */
function materializeTransaction(item: TransactionItem, normalize: NormalizeTransactionBytes): NormalizeResult {
  if (item.kind === 'transaction') return { ok: true, tx: item.tx };
  try {
    return normalize(item.bytes, item.start, item.end);
  } catch (error) {
    const reason = `normaliser threw: ${describeError(error)}`;
    return { ok: false, quarantine: { stage: 'normalize', kind: 'normalize_failed', program: null, discriminator: null, raw: quarantineRaw(item.bytes, item.start, item.end), reason, signature: null, slot: item.slot, position: { outerIndex: null, innerIndex: null } } };
  }
}
