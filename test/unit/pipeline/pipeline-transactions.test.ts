/**
 * Yellowstone transaction updates travel the queue and wait for their block time as bytes: the mapper
 * does not normalise them, the pipeline does, once, when their block time is known. An update that fails
 * to normalise (or whose normaliser throws) is quarantined in the batch; the rest of the batch is written.
 * A block meta releases its whole slot at once; the pipeline still cuts batches at `maxRows`, and no
 * batch's checkpoint covers a slot whose transactions are still to come in a later batch.
 */
import { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { createPipeline } from '../../../src/pipeline/pipeline.js';
import type { Batch, BatchResult } from '../../../src/contracts/rows.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { createBoundedQueue } from '../../../src/shared/bounded-queue.js';
import { createSignatureDedupe } from '../../../src/stream/signature-dedupe.js';
import { isTransactionItem, type StreamItem } from '../../../src/contracts/stream-item.js';
import { mapSubscribeUpdate } from '../../../src/stream/update-mapper.js';
import { normalizeYellowstoneTransactionBytes } from '../../../src/stream/normalize/from-yellowstone-bytes.js';
import type { NormalizeTransactionBytes } from '../../../src/contracts/stream-item.js';

function marketItems(seed: number, slots: number): { items: StreamItem[]; blockTimes: Map<bigint, number>; market: ReturnType<typeof createSyntheticMarket> } {
  const market = createSyntheticMarket({ seed, tokensPerMinute: 600, tradesPerSecond: 500, startSlot: 300_900_000n, startTime: 1_760_000_000 });
  const context = { dedupe: createSignatureDedupe(100), committedSlot: null };
  const items: StreamItem[] = [];
  const blockTimes = new Map<bigint, number>();
  for (const slot of market.slots(slots)) {
    blockTimes.set(slot.slot, slot.blockTime);
    for (const update of slot.updates) {
      const outcome = mapSubscribeUpdate(SubscribeUpdate.encode(update).finish(), context);
      if ('item' in outcome) items.push(outcome.item);
    }
  }
  return { items, blockTimes, market };
}

function recordingPipeline(items: StreamItem[], maxRows: number, normalize: NormalizeTransactionBytes = normalizeYellowstoneTransactionBytes): { written: Batch[]; pipeline: ReturnType<typeof createPipeline>; queue: ReturnType<typeof createBoundedQueue<StreamItem>> } {
  const queue = createBoundedQueue<StreamItem>(items.length + 10);
  const written: Batch[] = [];
  const pipeline = createPipeline({
    queue, stream: 'transactions-test', maxRows, flushIntervalMs: 10_000, normalize, decode: decodeTransaction,
    write: async (batch): Promise<BatchResult> => {
      written.push(batch);
      return { rejected: [], tradesInserted: batch.trades.length, durationMs: 0 };
    },
    retryDelayMs: () => null,
    logger: { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as never,
  });
  return { written, pipeline, queue };
}

describe('pipeline: transactions normalised lazily', () => {
  it('normalises each update once, after its block meta, and quarantines the ones that fail', async () => {
    const { items, blockTimes, market } = marketItems(21, 8);
    const transactions = items.filter(isTransactionItem);
    expect(transactions.length).toBeGreaterThan(100);
    expect(transactions.every((item) => item.kind === 'transaction_bytes')).toBe(true);

    // Two broken updates in the first slot (copies of its first transaction with bytes of their own): the
    // normaliser reports a failure for one and throws for the other.
    const [first] = transactions;
    if (first?.kind !== 'transaction_bytes') throw new Error('expected bytes');
    const failing = { ...first, bytes: Uint8Array.from(first.bytes) };
    const throwing = { ...first, bytes: Uint8Array.from(first.bytes) };
    const firstMeta = items.findIndex((item) => item.kind === 'block_meta');
    items.splice(firstMeta, 0, failing, throwing);

    let calls = 0;
    const normalize: NormalizeTransactionBytes = (bytes, start, end) => {
      if (bytes === failing.bytes) return { ok: false, quarantine: { stage: 'normalize', kind: 'normalize_failed', program: null, discriminator: null, raw: new Uint8Array([1]), reason: 'test: unreadable', signature: null, slot: first.slot, position: { outerIndex: null, innerIndex: null } } };
      if (bytes === throwing.bytes) throw new Error('boom');
      calls += 1;
      return normalizeYellowstoneTransactionBytes(bytes, start, end);
    };
    const { written, pipeline, queue } = recordingPipeline(items, 100_000, normalize);
    expect(calls).toBe(0);
    const running = pipeline.run();
    for (const item of items) await queue.push(item);
    queue.close();
    await running;

    expect(calls).toBe(transactions.length);
    const trades = written.flatMap((batch) => batch.trades);
    expect(trades.length).toBe(market.truth.length + market.failed.length);
    for (const trade of trades) expect(trade.blockTime.getTime()).toBe(blockTimes.get(trade.slot)! * 1000);
    const quarantine = written.flatMap((batch) => batch.quarantine).map((record) => record.reason);
    expect(quarantine).toEqual(['test: unreadable', expect.stringMatching(/^normaliser threw: .*boom/)]);
    expect(pipeline.status().quarantined).toBe(2);
  });

  it('cuts a released slot into batches of maxRows and never checkpoints past a slot still being written', async () => {
    const { items: inOrder, market } = marketItems(22, 10);
    // Each slot's block meta delayed past the next slot's first transaction (a stream may do that): the
    // slot is then complete while its transactions are still being processed.
    const items: StreamItem[] = [];
    let delayed: StreamItem | null = null;
    for (const item of inOrder) {
      if (item.kind === 'block_meta') {
        if (delayed) items.push(delayed);
        delayed = item;
        continue;
      }
      items.push(item);
      if (delayed && isTransactionItem(item) && item.slot > (delayed as { slot: bigint }).slot) {
        items.push(delayed);
        delayed = null;
      }
    }
    if (delayed) items.push(delayed);
    const { written, pipeline, queue } = recordingPipeline(items, 40);
    const running = pipeline.run();
    for (const item of items) await queue.push(item);
    queue.close();
    await running;
    const trades = written.flatMap((batch) => batch.trades);
    expect(trades.length).toBe(market.truth.length + market.failed.length);
    const perSlot = new Map<bigint, number>();
    for (const trade of trades) perSlot.set(trade.slot, (perSlot.get(trade.slot) ?? 0) + 1);
    const biggestSlot = Math.max(...perSlot.values());
    expect(biggestSlot).toBeGreaterThan(100);
    // Rows are counted per transaction, so a batch may pass maxRows by one transaction's trades.
    expect(Math.max(...written.map((batch) => batch.trades.length))).toBeLessThan(40 + 10);
    written.forEach((batch, index) => {
      if (batch.checkpoint === null) return;
      const later = written.slice(index + 1).flatMap((b) => b.trades).map((t) => t.slot);
      for (const slot of later) expect(slot).toBeGreaterThan(batch.checkpoint.slot);
    });
  });
});
