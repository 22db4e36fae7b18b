/**
 * Stream benchmark: synthetic-market updates served by the local Geyser server, through the real
 * Yellowstone client, our subscription and normaliser, into the bounded queue, drained and decoded by a
 * consumer. Prints updates per second end to end and the resident memory at the end.
 * Run: `npx tsx bench/stream.ts [slots]`.
 */
import { pathToFileURL } from 'node:url';
import { decodeTransaction } from '../src/decoders/index.js';
import { createSyntheticMarket } from '../src/simulate/synthetic-market.js';
import { createBoundedQueue } from '../src/shared/bounded-queue.js';
import { isTransactionItem, type StreamItem } from '../src/contracts/stream-item.js';
import { normalizeYellowstoneTransactionBytes } from '../src/stream/normalize/from-yellowstone-bytes.js';
import { createSilentLogger } from '../src/stream/stream-logger.js';
import { createYellowstoneSource } from '../src/stream/yellowstone-source.js';
import { startGeyserServer } from '../src/simulate/geyser-server.js';

export interface BenchStreamOptions {
  /** Slots of synthetic market to stream (default 150, ~120,000 updates at 2,000 trades/s). */
  slots?: number;
  tradesPerSecond?: number;
  queueCapacity?: number;
  seed?: number;
}

export interface BenchStreamResult {
  updates: number;
  transactions: number;
  events: number;
  seconds: number;
  updatesPerSecond: number;
  rssMb: number;
  /** RSS once the server holds the market, before streaming (the stand-in shares the process). */
  rssAfterPublishMb: number;
}

/** Streams the market once and measures; the server and source are closed before returning. */
export async function benchStream(options: BenchStreamOptions = {}): Promise<BenchStreamResult> {
  const startSlot = 300_000_000n;
  const market = createSyntheticMarket({ seed: options.seed ?? 1, tokensPerMinute: 120, tradesPerSecond: options.tradesPerSecond ?? 2_000, startSlot });
  const server = await startGeyserServer();
  let updates = 0;
  for (const slot of market.slots(options.slots ?? 150)) {
    server.publish(slot.updates);
    updates += slot.updates.length;
  }
  const rssAfterPublishMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const lastSlot = startSlot + BigInt(options.slots ?? 150) - 1n;
  const queue = createBoundedQueue<StreamItem>(options.queueCapacity ?? 10_000);
  const source = createYellowstoneSource({
    endpoint: server.endpoint, commitment: 'confirmed', queue, logger: createSilentLogger(), pingIntervalMs: 5_000,
    loadCheckpoint: async () => startSlot - 1n, onGap: () => undefined,
  });
  const started = process.hrtime.bigint();
  await source.start();
  let transactions = 0;
  let events = 0;
  for (let item = await queue.shift(); item; item = await queue.shift()) {
    if (isTransactionItem(item)) {
      transactions += 1;
      const normalized = item.kind === 'transaction' ? { ok: true as const, tx: item.tx } : normalizeYellowstoneTransactionBytes(item.bytes, item.start, item.end);
      if (normalized.ok) events += decodeTransaction(normalized.tx).events.length;
    }
    if (item.kind === 'slot' && item.slot === lastSlot) break;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await source.stop();
  await server.close();
  return { updates, transactions, events, seconds, updatesPerSecond: Math.round(updates / seconds), rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024), rssAfterPublishMb };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const slots = process.argv[2] ? Number(process.argv[2]) : undefined;
  const result = await benchStream({ slots });
  console.log(`stream: ${result.updates} updates (${result.transactions} transactions, ${result.events} decoded events) in ${result.seconds.toFixed(2)} s`);
  console.log(`stream: ${result.updatesPerSecond} updates/s through the real client to the decoded-event queue; RSS at end ${result.rssMb} MB (${result.rssAfterPublishMb} MB before streaming: the in-process stand-in holds the whole market)`);
}
