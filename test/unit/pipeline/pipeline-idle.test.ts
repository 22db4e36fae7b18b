/**
 * The batcher writes a checkpoint-only batch when the checkpoint advances, and nothing while the stream is
 * idle (it used to write an empty transaction every flush interval). The writer here is the pipeline's own
 * injection point, recording what it is handed.
 */
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../../src/pipeline/pipeline.js';
import type { Batch, BatchResult } from '../../../src/contracts/rows.js';
import { createBoundedQueue } from '../../../src/shared/bounded-queue.js';
import type { StreamItem } from '../../../src/contracts/stream-item.js';
import { sleep } from '../../../src/shared/time.js';

describe('pipeline batcher', () => {
  it('writes when the checkpoint advances and stays silent while nothing happens', async () => {
    const queue = createBoundedQueue<StreamItem>(100);
    const written: Batch[] = [];
    const pipeline = createPipeline({
      queue, stream: 'idle-test', maxRows: 1000, flushIntervalMs: 20,
      normalize: () => { throw new Error('no transaction in this test'); },
      decode: () => ({ events: [], quarantine: [] }),
      write: async (batch): Promise<BatchResult> => {
        written.push(batch);
        return { rejected: [], tradesInserted: 0, durationMs: 0 };
      },
      retryDelayMs: () => null,
      logger: { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as never,
    });
    const running = pipeline.run();
    await queue.push({ kind: 'slot', slot: 10n, status: 'confirmed' });
    await sleep(150); // ~7 flush intervals
    expect(written.map((b) => b.checkpoint?.slot)).toEqual([10n]);
    await queue.push({ kind: 'slot', slot: 11n, status: 'confirmed' });
    await sleep(100);
    expect(written.map((b) => b.checkpoint?.slot)).toEqual([10n, 11n]);
    queue.close();
    await running;
    expect(written).toHaveLength(2);
    expect(pipeline.status().lastSlotCommitted).toBe(11n);
  });
});
