/**
 * The batcher on its own, with a recording writer and a checkpoint tracker over fake pending slots: it
 * flushes by size or by time, keeps one write in flight so batches commit in order, retries a retryable
 * write error through the shared back-off, and rejects on a fatal one.
 */
import { describe, expect, it } from 'vitest';
import { Batcher, FLUSHED, retryWaitMs, type BatcherOptions } from '../../../src/pipeline/batcher.js';
import { CheckpointTracker } from '../../../src/pipeline/checkpoint-tracker.js';
import { emptyBatch, type Batch, type BatchResult } from '../../../src/contracts/rows.js';
import type { QuarantineRecord } from '../../../src/contracts/quarantine.js';

const OK: BatchResult = { rejected: [], tradesInserted: 0, durationMs: 0 };

function record(slot: bigint): QuarantineRecord {
  return { stage: 'decode', kind: 'malformed', program: 'pumpfun', discriminator: null, raw: new Uint8Array([1]), reason: `row of slot ${slot}`, signature: null, slot, position: { outerIndex: 0, innerIndex: null } };
}

function batchOf(slots: bigint[], checkpoint: bigint | null): Batch {
  return { ...emptyBatch(), quarantine: slots.map(record), checkpoint: checkpoint === null ? null : { stream: 'test', slot: checkpoint } };
}

interface Harness {
  batcher: Batcher;
  checkpoints: CheckpointTracker;
  committed: Batch[];
  warnings: object[];
  /** Adds one row for `slot` and counts it as one transaction's. */
  add(slot: bigint): void;
}

function harness(overrides: Partial<BatcherOptions>): Harness {
  const checkpoints = new CheckpointTracker({ lowestHeldSlot: () => null }, { lowestSlot: () => null });
  const committed: Batch[] = [];
  const warnings: object[] = [];
  const options: BatcherOptions = {
    stream: 'test', maxRows: 3, flushIntervalMs: 60_000,
    write: async () => OK,
    retryDelayMs: () => null,
    logger: { info: () => undefined, warn: (obj) => warnings.push(obj), error: () => undefined },
    ...overrides,
  };
  const batcher = new Batcher(options, checkpoints, async (batch) => {
    committed.push(batch);
  });
  const add = (slot: bigint): void => {
    batcher.batch.quarantine.push(record(slot));
    batcher.addTransaction(1, 0n);
  };
  return { batcher, checkpoints, committed, warnings, add };
}

describe('batcher', () => {
  it('is full at maxRows rows and a flush hands over exactly those rows with the checkpoint', async () => {
    const { batcher, checkpoints, committed, add } = harness({ maxRows: 3 });
    add(5n);
    add(5n);
    expect(batcher.full).toBe(false);
    add(6n);
    expect(batcher.full).toBe(true);
    checkpoints.slotCompleted(5n);
    await batcher.flush();
    expect(batcher.full).toBe(false);
    expect(batcher.batch).toEqual(emptyBatch());
    await batcher.close();
    expect(committed).toEqual([batchOf([5n, 5n, 6n], 5n)]);
  });

  it('flushes when the flush interval runs out before the next item, and not when an item comes first', async () => {
    const { batcher, committed, add } = harness({ flushIntervalMs: 40 });
    add(7n);
    expect(await batcher.next(Promise.resolve('item'))).toBe('item');
    expect(committed).toEqual([]);
    const started = performance.now();
    expect(await batcher.next(new Promise<string>(() => undefined))).toBe(FLUSHED);
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    await batcher.close();
    expect(committed).toEqual([batchOf([7n], null)]);
  });

  it('keeps one write in flight: the next batch is built meanwhile and written only after the first committed', async () => {
    const releases: (() => void)[] = [];
    const started: bigint[][] = [];
    const write = (batch: Batch): Promise<BatchResult> => {
      started.push(batch.quarantine.map((row) => row.slot!));
      return new Promise((resolve) => releases.push(() => resolve(OK)));
    };
    const { batcher, committed, add } = harness({ write });
    add(1n);
    await batcher.flush();
    add(2n);
    let secondHandedOver = false;
    const second = batcher.flush().then(() => {
      secondHandedOver = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect({ started, committed: committed.length, secondHandedOver }).toEqual({ started: [[1n]], committed: 0, secondHandedOver: false });
    releases[0]!();
    await second;
    expect({ started, committed }).toEqual({ started: [[1n], [2n]], committed: [batchOf([1n], null)] });
    const closed = batcher.close();
    releases[1]!();
    await closed;
    expect(committed).toEqual([batchOf([1n], null), batchOf([2n], null)]);
  });

  it('retries a retryable write error after the shared back-off, then commits the same batch once', async () => {
    let attempts = 0;
    const write = async (): Promise<BatchResult> => {
      attempts += 1;
      if (attempts <= 2) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return OK;
    };
    const { batcher, committed, warnings, add } = harness({ write, retryDelayMs: (error) => ((error as { code?: string }).code === '40P01' ? 5 : null) });
    add(3n);
    await batcher.close();
    expect(attempts).toBe(3);
    expect(warnings).toEqual([
      { attempt: 1, waitMs: 5, err: 'deadlock detected' },
      { attempt: 2, waitMs: 10, err: 'deadlock detected' },
    ]);
    expect(committed).toEqual([batchOf([3n], null)]);
  });

  it('waits the base delay doubled per attempt, at most five times and at most 30 s (the delays before the shared back-off)', () => {
    const waits = (base: number): number[] => [1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => retryWaitMs(base, attempt));
    expect({ 50: waits(50), 200: waits(200), 1000: waits(1_000) }).toEqual({
      50: [50, 100, 200, 400, 800, 1_600, 1_600, 1_600],
      200: [200, 400, 800, 1_600, 3_200, 6_400, 6_400, 6_400],
      1000: [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000],
    });
  });

  it('rejects with a fatal write error (no retry, nothing committed)', async () => {
    const fatal = new Error('value too long for type');
    const { batcher, committed, warnings, add } = harness({ write: async () => Promise.reject(fatal) });
    add(4n);
    await expect(batcher.close()).rejects.toBe(fatal);
    expect({ committed, warnings }).toEqual({ committed: [], warnings: [] });
  });

  it('writes a batch without rows only when its checkpoint is new', async () => {
    const { batcher, checkpoints, committed } = harness({});
    await batcher.flush();
    checkpoints.slotCompleted(9n);
    await batcher.flush();
    await batcher.flush();
    await batcher.close();
    expect(committed).toEqual([batchOf([], 9n)]);
  });
});
