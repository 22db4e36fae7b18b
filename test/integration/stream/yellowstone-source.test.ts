import bs58 from 'bs58';
import { afterEach, describe, expect, it } from 'vitest';
import { createBoundedQueue, type BoundedQueue } from '../../../src/shared/bounded-queue.js';
import type { StreamItem } from '../../../src/contracts/stream-item.js';
import { createSilentLogger } from '../../../src/stream/stream-logger.js';
import { createYellowstoneSource, type SlotGap, type YellowstoneSource } from '../../../src/stream/yellowstone-source.js';
import { startGeyserServer, type GeyserServer } from '../../helpers/geyser-server.js';
import { buildSlotRange, createRandom, PUMPFUN, signatureFor } from '../../helpers/stream-test-data.js';
import { itemTransaction } from '../../helpers/stream-items.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { normalizeYellowstoneTransaction } from '../../../src/stream/normalize/from-yellowstone.js';
import type { TransactionComputeBudget } from '../../../src/contracts/chain-transaction.js';

const open: Array<{ close(): Promise<void> } | { stop(): Promise<void> }> = [];
afterEach(async () => {
  for (const resource of open.splice(0).reverse()) await ('stop' in resource ? resource.stop() : resource.close());
});

async function startServer(options: Parameters<typeof startGeyserServer>[0] = {}): Promise<GeyserServer> {
  const server = await startGeyserServer(options);
  open.push(server);
  return server;
}

function startSource(server: GeyserServer, queue: BoundedQueue<StreamItem>, checkpoint: { slot: bigint | null }, gaps: SlotGap[] = []): YellowstoneSource {
  const source = createYellowstoneSource({
    endpoint: server.endpoint, xToken: 'secret-token', commitment: 'confirmed', queue, logger: createSilentLogger(),
    loadCheckpoint: async () => checkpoint.slot, committedSlot: () => checkpoint.slot, onGap: (gap) => void gaps.push(gap), pingIntervalMs: 200,
    reconnectInitialDelayMs: 20, reconnectMaxDelayMs: 200,
  });
  open.push(source);
  return source;
}

/** Reads the queue like the pipeline does: counts signatures, commits the checkpoint on each confirmed slot. */
async function consume(queue: BoundedQueue<StreamItem>, checkpoint: { slot: bigint | null }, until: (seen: Map<string, number>) => boolean, onItem?: (count: number) => void): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  let count = 0;
  while (!until(seen)) {
    const item = await Promise.race([queue.shift(), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000))]);
    if (item === 'timeout' || item === undefined) throw new Error(`consumer starved after ${seen.size} transactions`);
    count += 1;
    const tx = itemTransaction(item);
    if (tx) seen.set(tx.signature, (seen.get(tx.signature) ?? 0) + 1);
    if (item.kind === 'quarantine') throw new Error(`quarantined: ${item.record.reason}`);
    if (item.kind === 'slot' && item.status === 'confirmed') checkpoint.slot = item.slot;
    onItem?.(count);
  }
  return seen;
}

describe('Yellowstone source against the local Geyser server', () => {
  it('subscribes with the registry filters, confirmed commitment, the x-token and from_slot = checkpoint + 1', async () => {
    const server = await startServer();
    server.publish(buildSlotRange(500n, 3, 2));
    const queue = createBoundedQueue<StreamItem>(100);
    const checkpoint = { slot: 500n as bigint | null };
    const source = startSource(server, queue, checkpoint);
    await source.start();
    const seen = await consume(queue, checkpoint, (s) => s.size === 4);
    expect([...seen.keys()]).toEqual([signatureFor(501n, 0), signatureFor(501n, 1), signatureFor(502n, 0), signatureFor(502n, 1)].map((s) => bs58.encode(s)));
    expect(server.tokens[0]).toBe('secret-token');
    expect(server.requests[0]).toEqual({
      accounts: {},
      slots: { megatron_slots: { filterByCommitment: true } },
      // The launchpads and the AMM venues our tokens graduate to (PumpSwap, Raydium CPMM, AMM v4).
      transactions: { megatron_programs: { vote: false, accountInclude: [PUMPFUN, 'LanMV9sAd7wArD4vJFi2qDdfnVhFxYSUg6eADduJ3uj', 'pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA', 'CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C', '675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8'], accountExclude: [], accountRequired: [] } },
      // Block meta: the block times that transaction updates lack.
      transactionsStatus: {}, blocks: {}, blocksMeta: { megatron_blocks_meta: {} }, entry: {}, accountsDataSlice: [],
      commitment: 1, fromSlot: '501',
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(source.status()).toMatchObject({ connected: true, lastSlotSeen: 502n, reconnects: 0 });
    expect(source.status().pongsReceived).toBeGreaterThan(0);
    expect(server.requests.slice(1).every((request) => request.ping !== undefined)).toBe(true);
  });

  it('delivers 1,200 transactions exactly once while the server drops the connection three times', async () => {
    const server = await startServer();
    const firstSlot = 1_000n;
    server.publish(buildSlotRange(firstSlot, 120, 10));
    const queue = createBoundedQueue<StreamItem>(64);
    const checkpoint = { slot: firstSlot - 1n as bigint | null };
    const source = startSource(server, queue, checkpoint);
    const random = createRandom(42);
    const dropAt = new Set([0, 1, 2].map((i) => 100 + i * 400 + Math.floor(random() * 300)));
    await source.start();
    const seen = await consume(queue, checkpoint, (s) => s.size === 1_200 && checkpoint.slot === 1_119n, (count) => {
      if (dropAt.has(count)) server.dropAll();
    });
    const repeats = [...seen.values()].filter((times) => times !== 1);
    expect({ distinct: seen.size, repeats, reconnects: source.status().reconnects }).toEqual({ distinct: 1_200, repeats: [], reconnects: 3 });
    // The replays after each drop did re-send uncommitted transactions: the source skipped them.
    expect(source.status().duplicatesSkipped).toBeGreaterThan(0);
    expect(server.requests.filter((r) => r.ping === undefined).map((r) => BigInt(r.fromSlot ?? -1)).every((slot, i, all) => i === 0 || slot >= (all[i - 1] as bigint))).toBe(true);
  });

  it('forgets committed slots as the stream moves on: the duplicate filter holds the slots in flight, not the whole run', async () => {
    for (const forget of [true, false]) {
      const server = await startServer();
      server.publish(buildSlotRange(3_000n, 60, 5));
      const queue = createBoundedQueue<StreamItem>(64);
      const checkpoint = { slot: 2_999n as bigint | null };
      const source = createYellowstoneSource({
        endpoint: server.endpoint, commitment: 'confirmed', queue, logger: createSilentLogger(), loadCheckpoint: async () => checkpoint.slot,
        ...(forget ? { committedSlot: () => checkpoint.slot } : {}), onGap: () => undefined, pingIntervalMs: 200,
      });
      open.push(source);
      await source.start();
      const seen = await consume(queue, checkpoint, (s) => s.size === 300 && checkpoint.slot === 3_059n);
      expect(seen.size).toBe(300);
      expect(source.status().dedupeSlots).toBe(forget ? 1 : 60);
    }
  });

  it('after a restart resumes from the committed checkpoint and skips nothing after it', async () => {
    const server = await startServer();
    server.publish(buildSlotRange(2_000n, 20, 5));
    const queue = createBoundedQueue<StreamItem>(64);
    const checkpoint = { slot: 1_999n as bigint | null };
    const first = startSource(server, queue, checkpoint);
    await first.start();
    await consume(queue, checkpoint, () => checkpoint.slot === 2_009n);
    await first.stop();
    queue.drain(1_000);
    const second = startSource(server, queue, checkpoint);
    await second.start();
    const seen = await consume(queue, checkpoint, () => checkpoint.slot === 2_019n);
    const expected = buildSlotRange(2_010n, 10, 5).flatMap((u) => (u.transaction ? [bs58.encode(u.transaction.transaction!.signature)] : []));
    expect([...seen.keys()]).toEqual(expected);
    expect(server.requests.filter((r) => r.ping === undefined).at(-1)?.fromSlot).toBe('2010');
  });

  it('reports slots outside the replay window as a gap and resumes from the first available slot', async () => {
    const server = await startServer({ replayWindowSlots: 10 });
    server.publish(buildSlotRange(3_000n, 30, 2));
    const queue = createBoundedQueue<StreamItem>(64);
    const checkpoint = { slot: 2_990n as bigint | null };
    const gaps: SlotGap[] = [];
    const source = startSource(server, queue, checkpoint, gaps);
    await source.start();
    const seen = await consume(queue, checkpoint, () => checkpoint.slot === 3_029n);
    expect(gaps.map(({ fromSlot, toSlot }) => ({ fromSlot, toSlot }))).toEqual([{ fromSlot: 2_991n, toSlot: 3_019n }]);
    expect(gaps[0]?.reason).toContain('broadcast from 2991 is not available, last available: 3020');
    expect(seen.size).toBe(20);
    expect(source.status().gapsReported).toBe(1);
  });

  it('streams the synthetic market\'s Transaction V1 through the real client with its inline compute budget, as the market built it', async () => {
    const server = await startServer();
    const market = createSyntheticMarket({ seed: 31, tokensPerMinute: 300, tradesPerSecond: 60, startSlot: 470_000_000n, startTime: 1_790_000_000, v1Share: 0.4 });
    const budgets = new Map<string, TransactionComputeBudget | undefined>();
    for (const slot of market.slots(6)) {
      server.publish(slot.updates);
      for (const update of slot.updates) {
        const r = update.transaction ? normalizeYellowstoneTransaction(update.transaction) : null;
        if (r?.ok) budgets.set(r.tx.signature, r.tx.computeBudget);
      }
    }
    const queue = createBoundedQueue<StreamItem>(64);
    const checkpoint = { slot: 469_999_999n as bigint | null };
    const source = startSource(server, queue, checkpoint);
    await source.start();
    const streamed = new Map<string, TransactionComputeBudget | undefined>();
    while (streamed.size < budgets.size) {
      const item = await Promise.race([queue.shift(), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000))]);
      if (item === 'timeout' || item === undefined) throw new Error(`starved after ${streamed.size} transactions`);
      if (item.kind === 'quarantine') throw new Error(`quarantined: ${item.record.reason}`);
      const tx = itemTransaction(item);
      if (tx) streamed.set(tx.signature, tx.computeBudget);
    }
    expect(streamed).toEqual(budgets);
    const v1 = [...streamed.values()].filter((b) => b !== undefined).length;
    expect(v1).toBeGreaterThan(budgets.size / 5);
    expect(v1).toBeLessThan(budgets.size);
  });
});
