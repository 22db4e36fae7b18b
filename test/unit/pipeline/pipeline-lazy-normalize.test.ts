/**
 * Yellowstone transaction updates travel the queue and wait for their block time as bytes: the mapper
 * does not normalise them, the pipeline does, once, when their block time is known. An update that fails
 * to normalise (or whose normaliser throws) is quarantined in the batch; the rest of the batch is written.
 */
import { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { createPipeline } from '../../../src/pipeline/pipeline.js';
import type { Batch, BatchResult } from '../../../src/pipeline/rows.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { createBoundedQueue } from '../../../src/stream/bounded-queue.js';
import { createSignatureDedupe } from '../../../src/stream/signature-dedupe.js';
import { isTransactionItem, type StreamItem } from '../../../src/stream/stream-item.js';
import { mapSubscribeUpdate, normalizeTransactionUpdate, type NormalizeYellowstone } from '../../../src/stream/update-mapper.js';

describe('pipeline: transactions normalised lazily', () => {
  it('normalises each update once, after its block meta, and quarantines the ones that fail', async () => {
    const market = createSyntheticMarket({ seed: 21, tokensPerMinute: 600, tradesPerSecond: 500, startSlot: 300_900_000n, startTime: 1_760_000_000 });
    let calls = 0;
    const counting: NormalizeYellowstone = (bytes, start, end) => {
      calls += 1;
      return normalizeTransactionUpdate(bytes, start, end);
    };
    const context = { normalize: counting, dedupe: createSignatureDedupe(100), committedSlot: null };
    const items: StreamItem[] = [];
    const blockTimes = new Map<bigint, number>();
    for (const slot of market.slots(8)) {
      blockTimes.set(slot.slot, slot.blockTime);
      for (const update of slot.updates) {
        const outcome = mapSubscribeUpdate(SubscribeUpdate.encode(update).finish(), context);
        if ('item' in outcome) items.push(outcome.item);
      }
    }
    const transactions = items.filter(isTransactionItem);
    expect(transactions.length).toBeGreaterThan(100);
    expect(transactions.every((item) => item.kind === 'transaction_bytes')).toBe(true);
    expect(calls).toBe(0);

    // Two broken updates in the first slot: a normaliser that reports a failure and one that throws.
    const [first] = transactions;
    if (first?.kind !== 'transaction_bytes') throw new Error('expected bytes');
    const failing = { ...first, normalize: (): ReturnType<NormalizeYellowstone> => ({ ok: false, quarantine: { stage: 'normalize', program: null, discriminator: null, raw: new Uint8Array([1]), reason: 'test: unreadable', signature: null, slot: first.slot, position: { outerIndex: null, innerIndex: null } } }) };
    const throwing = { ...first, normalize: (): never => { throw new Error('boom'); } };
    const firstMeta = items.findIndex((item) => item.kind === 'block_meta');
    items.splice(firstMeta, 0, failing, throwing);

    const queue = createBoundedQueue<StreamItem>(items.length + 10);
    const written: Batch[] = [];
    const pipeline = createPipeline({
      queue, stream: 'lazy-test', maxRows: 100_000, flushIntervalMs: 10_000, decode: decodeTransaction,
      write: async (batch): Promise<BatchResult> => {
        written.push(batch);
        return { rejected: [], tradesInserted: batch.trades.length, durationMs: 0 };
      },
      retryDelayMs: () => null,
      logger: { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as never,
    });
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
});
