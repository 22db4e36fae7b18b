/**
 * What the pipeline reports beyond rows: every decoder outcome that is not an event is counted by type
 * (`not_mine`, and the kind of each decode-stage quarantine record), and a fatal write that fails while
 * the run loop waits for the queue makes run() reject instead of escaping as an unhandled rejection.
 */
import { describe, expect, it } from 'vitest';
import { createPipeline, type PipelineOptions } from '../../../src/pipeline/pipeline.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { DecodeResult } from '../../../src/contracts/decoded-event.js';
import type { QuarantineRecord } from '../../../src/contracts/quarantine.js';
import type { BatchResult } from '../../../src/contracts/rows.js';
import { createBoundedQueue } from '../../../src/shared/bounded-queue.js';
import { transactionItem, type StreamItem } from '../../../src/contracts/stream-item.js';
import { sleep } from '../../../src/shared/time.js';

function tx(signature: string, slot: bigint): ChainTransaction {
  return {
    signature, slot, txIndex: 0, blockTime: 1_760_000_000, success: true, err: null, errorCode: null, fee: 5000n,
    accountKeys: [], instructions: [], logMessages: [], preTokenBalances: [], postTokenBalances: [], preBalances: [], postBalances: [],
  };
}

function decodeRecord(signature: string, kind: QuarantineRecord['kind']): QuarantineRecord {
  return { stage: 'decode', kind, program: 'pumpfun', discriminator: '00', raw: new Uint8Array([0]), reason: kind, signature, slot: 1n, position: { outerIndex: 0, innerIndex: null } };
}

const RESULTS: Record<string, DecodeResult> = {
  other: { events: [], quarantine: [], notMine: true },
  unknown: { events: [], quarantine: [decodeRecord('unknown', 'unknown_discriminator')], notMine: false },
  bad: { events: [], quarantine: [decodeRecord('bad', 'malformed'), decodeRecord('bad', 'malformed')], notMine: false },
};

function countingMetrics(): { calls: Array<[string, Record<string, string>]>; metrics: NonNullable<PipelineOptions['metrics']> } {
  const calls: Array<[string, Record<string, string>]> = [];
  const counter = (name: string) => ({ inc: (labels: Record<string, string>) => void calls.push([name, labels]) });
  const ignore = { observe: () => undefined, set: () => undefined, inc: () => undefined };
  return {
    calls,
    metrics: {
      eventsDecoded: counter('events'), quarantined: counter('quarantined'), decoderOutcomes: counter('outcomes'),
      commitLatency: ignore, batchSize: ignore, batchDuration: ignore, batchRows: ignore, queueDepth: ignore, lastSlotCommitted: ignore,
    },
  };
}

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('pipeline outcomes', () => {
  it('counts not-mine transactions and each decode-stage quarantine kind', async () => {
    const queue = createBoundedQueue<StreamItem>(10);
    const { calls, metrics } = countingMetrics();
    const pipeline = createPipeline({
      queue, stream: 'outcomes', maxRows: 100, flushIntervalMs: 10_000, metrics, logger,
      normalize: () => { throw new Error('items are already normalised'); },
      decode: (t) => RESULTS[t.signature]!,
      write: async (batch): Promise<BatchResult> => ({ rejected: [], tradesInserted: batch.trades.length, durationMs: 0 }),
      retryDelayMs: () => null,
    });
    const running = pipeline.run();
    for (const signature of ['other', 'unknown', 'bad', 'other']) await queue.push(transactionItem(tx(signature, 5n)));
    queue.close();
    await running;
    expect(calls.filter(([name]) => name === 'outcomes').map(([, labels]) => labels.outcome)).toEqual(['not_mine', 'unknown_discriminator', 'malformed', 'malformed', 'not_mine']);
    expect(pipeline.status().quarantined).toBe(3);
  });

  it('rejects run() with a fatal write error raised while it waits for the queue, and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const queue = createBoundedQueue<StreamItem>(10);
      const pipeline = createPipeline({
        queue, stream: 'fatal', maxRows: 1, flushIntervalMs: 10_000, logger,
        normalize: () => { throw new Error('items are already normalised'); },
        decode: () => RESULTS['bad']!,
        write: async (): Promise<BatchResult> => { throw new Error('disk on fire'); },
        retryDelayMs: () => null,
      });
      const running = pipeline.run();
      const outcome = running.then(() => 'resolved', (error: unknown) => error);
      await queue.push(transactionItem(tx('bad', 5n)));
      await sleep(50); // the write fails while the loop waits for the next item
      expect(unhandled).toEqual([]);
      queue.close();
      expect(await outcome).toEqual(new Error('disk on fire'));
      await sleep(10);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
