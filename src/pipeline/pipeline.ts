/**
 * The pipeline stage: takes stream items off the bounded queue and, for each transaction once its slot's
 * block time is known (block-time-gate.ts), normalises, decodes and builds rows (ingest-transaction.ts)
 * into the batch being collected. The batcher (batcher.ts) commits batches through the PostgreSQL sink,
 * each with the checkpoint (checkpoint-tracker.ts); after each commit the Redis cache is updated.
 *
 * Read from the top: `handle` routes one stream item; `processReleased` processes, in chunks, what the
 * gate let through; `run` consumes the queue (flushing by size or time) and `close` ends the last slots.
 */
import { Batcher, FLUSHED } from './batcher.js';
import { BlockTimeGate } from './block-time-gate.js';
import { CheckpointTracker } from './checkpoint-tracker.js';
import { CommitStep, TransactionIngest } from './ingest-transaction.js';
import type { StreamItem } from '../contracts/stream-item.js';
import type { PipelineOptions, PipelineStatus } from './pipeline-options.js';
import { ReleasedTransactions } from './released-transactions.js';

export type { PipelineOptions, PipelineStatus } from './pipeline-options.js';

/** The pipeline stage, created by `createPipeline`. */
export interface Pipeline {
  /** Consumes the queue until it is closed and drained; rejects on a fatal write error. */
  run(): Promise<void>;
  status(): PipelineStatus;
}

/** Items handled between two yields to the event loop. */
const HANDLE_CHUNK_ITEMS = 200;
const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const DEFAULT_COMPLETE_STATUSES: ReadonlySet<string> = new Set(['confirmed', 'finalized']);

/** Wires the gate, the checkpoint tracker, the ingest step and the batcher; `run()` consumes the queue. */
export function createPipeline(options: PipelineOptions): Pipeline {
  const status: PipelineStatus = { lastSlotSeen: null, lastSlotCommitted: null, batchesCommitted: 0, tradesCommitted: 0, eventsDecoded: 0, quarantined: 0, lastCommitAt: null };
  const released = new ReleasedTransactions();
  const gate = new BlockTimeGate(released.add);
  const checkpoints = new CheckpointTracker(gate, released);
  const commits = new CommitStep(options, status);
  const batcher = new Batcher(options, checkpoints, (batch, receipts, result) => commits.record(batch, receipts, result));
  const ingest = new TransactionIngest(options, status, batcher);
  const complete = options.completeStatuses ?? DEFAULT_COMPLETE_STATUSES;

  function handle(item: StreamItem): void {
    switch (item.kind) {
      case 'quarantine':
        return ingest.addQuarantine(item.record);
      case 'slot':
        if (complete.has(item.status)) checkpoints.slotCompleted(item.slot);
        return;
      case 'block_meta':
        if (item.blockTime !== null) gate.resolve(item.slot, item.blockTime);
        return;
      case 'transaction':
      case 'transaction_bytes':
        checkpoints.transactionSeen(item.slot);
        if (status.lastSlotSeen === null || item.slot > status.lastSlotSeen) status.lastSlotSeen = item.slot;
        gate.admit(item, item.kind === 'transaction' ? item.tx.blockTime : null);
        return;
    }
  }

  /** Processes the transactions the gate released, in chunks, yielding to I/O between them; cuts batches at maxRows. */
  async function processReleased(): Promise<void> {
    while (released.pending) {
      for (let n = released.chunkSize(HANDLE_CHUNK_ITEMS); n > 0; n--) {
        released.processNext(ingest);
        if (batcher.full) await batcher.flush();
      }
      if (released.pending) await yieldToIo();
    }
    released.reset();
  }

  async function run(): Promise<void> {
    const queue = options.queue;
    let next: Promise<StreamItem | undefined> | null = null;
    for (;;) {
      next ??= queue.shift();
      const item = await batcher.next(next);
      if (item === FLUSHED) continue;
      next = null;
      if (item === undefined) break;
      handle(item);
      if (released.pending) await processReleased();
      // Small chunks, yielding between them: the write in flight needs the event loop for every
      // statement's reply, and one long synchronous run of decoding would hold each of them up
      // (measured: ~300 ms per batch spent waiting, half the write time).
      for (let chunk = queue.drain(HANDLE_CHUNK_ITEMS); chunk.length > 0; chunk = queue.drain(HANDLE_CHUNK_ITEMS)) {
        for (const more of chunk) {
          handle(more);
          if (released.pending) await processReleased();
          if (batcher.full) await batcher.flush();
        }
        await yieldToIo();
      }
      options.metrics?.queueDepth.set({ queue: 'stream' }, queue.size);
      if (batcher.full) await batcher.flush();
    }
    await close();
  }

  async function close(): Promise<void> {
    if (options.closeCompletesSlots?.() ?? true) {
      gate.releaseAll();
      await processReleased();
      checkpoints.completeAll();
    } else {
      // A live stream stopped: the slots still waiting for their block time are not complete here. Their
      // transactions are dropped, not written without a time (or quarantined), and the checkpoint stays
      // below them, so the restart replays them whole.
      checkpoints.keepBelowPending();
      gate.discardAll();
    }
    await batcher.close();
  }

  return { run, status: () => ({ ...status }) };
}
