import { afterAll, describe, expect, it } from 'vitest';
import { createBoundedQueue } from '../../../src/shared/bounded-queue.js';
import type { StreamItem } from '../../../src/contracts/stream-item.js';
import { createSilentLogger } from '../../../src/stream/stream-logger.js';
import { createYellowstoneSource } from '../../../src/stream/yellowstone-source.js';
import { startGeyserServer } from '../../helpers/geyser-server.js';
import { buildSlotRange } from '../../helpers/stream-test-data.js';

const SLOTS = 400;
const PER_SLOT = 100;
const MB = 1024 * 1024;

describe('backpressure: a stalled consumer', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('stops the server instead of buffering, keeps RSS bounded, then delivers everything', async () => {
    const server = await startGeyserServer();
    cleanup.push(() => server.close());
    server.publish(buildSlotRange(10_000n, SLOTS, PER_SLOT, { padBytes: 600 }));
    const total = SLOTS * PER_SLOT;
    const queue = createBoundedQueue<StreamItem>(200);
    const source = createYellowstoneSource({
      endpoint: server.endpoint, commitment: 'confirmed', queue, logger: createSilentLogger(), pingIntervalMs: 1_000,
      loadCheckpoint: async () => 9_999n, onGap: () => undefined,
    });
    cleanup.push(() => source.stop());
    const rssBeforeMb = process.memoryUsage().rss / MB;
    await source.start();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const rssStalledMb = process.memoryUsage().rss / MB;
    const sentWhileStalled = server.updatesSent;
    console.info(`stalled consumer: ${sentWhileStalled}/${total + SLOTS} updates sent, queue ${queue.size}, RSS ${rssBeforeMb.toFixed(0)} -> ${rssStalledMb.toFixed(0)} MB`);
    expect(queue.size).toBe(200);
    // Flow control held the rest on the server: at most the queue, the stream buffers and HTTP/2 windows.
    expect(sentWhileStalled).toBeLessThan(total / 4);
    expect(rssStalledMb - rssBeforeMb).toBeLessThan(120);

    let delivered = 0;
    while (delivered < total) {
      const item = await queue.shift();
      if (item?.kind === 'transaction_bytes') delivered += 1;
    }
    expect({ delivered, open: source.status().connected }).toEqual({ delivered: total, open: true });
  });
});
