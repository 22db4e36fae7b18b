import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackfillCommand } from '../../../src/cli/backfill-command.js';
import { loadCheckpoint, saveCheckpoint } from '../../../src/postgres/checkpoint-repository.js';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { listCoverage, listGaps, markGapBackfilled, recordCoverage } from '../../../src/postgres/slot-coverage-repository.js';
import { runBackfill } from '../../../src/stream/backfill.js';
import { createBoundedQueue } from '../../../src/shared/bounded-queue.js';
import type { StreamItem } from '../../../src/contracts/stream-item.js';
import { createSilentLogger } from '../../../src/stream/stream-logger.js';
import { createYellowstoneSource } from '../../../src/stream/yellowstone-source.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../../helpers/fixtures.js';
import { startGeyserServer, type GeyserServer } from '../../helpers/geyser-server.js';
import { startRpcServer, type RpcServer } from '../../helpers/rpc-server.js';
import { buildSlotRange, PUMPFUN } from '../../helpers/stream-test-data.js';

const missing = fixturesMissingReason();
if (missing) console.warn(missing);
const BLOCK_SLOT = 317_897_944n;
const STREAM = 'gap-test';

describe.skipIf(missing !== null)('gap beyond the replay window: ledger + RPC backfill', () => {
  let database: TestDatabase;
  let pool: PgPool;
  let geyser: GeyserServer;
  let rpc: RpcServer;

  beforeAll(async () => {
    database = await createMigratedDatabase('stream_gap');
    pool = createPgPool({ connectionString: database.url, max: 4 });
    geyser = await startGeyserServer({ replayWindowSlots: 10 });
    rpc = await startRpcServer();
    const fixtures = FIXTURES_DIR as string;
    await rpc.loadFixtureFiles([
      join(fixtures, 'blocks/block_317897944.getblock.json'),
      join(fixtures, 'transactions/pump/sell__2RqhBZykXDPG.rpc-base64.json'),
      join(fixtures, 'transactions/pump/sell__trjspFNZZnmB.rpc-json.json'),
    ]);
  });
  afterAll(async () => {
    await geyser?.close();
    await rpc?.close();
    await pool?.end();
    await database?.drop();
  });

  it('records the refused range as a gap, fills it from RPC (with a 429 on the way) and marks it backfilled', async () => {
    await pool.query('begin');
    await saveCheckpoint(pool, STREAM, BLOCK_SLOT - 4n);
    await pool.query('commit');
    geyser.publish(buildSlotRange(BLOCK_SLOT + 6n, 30, 2));
    const queue = createBoundedQueue<StreamItem>(1_000);
    const source = createYellowstoneSource({
      endpoint: geyser.endpoint, commitment: 'confirmed', queue, logger: createSilentLogger(), pingIntervalMs: 500,
      loadCheckpoint: () => loadCheckpoint(pool, STREAM),
      onGap: async (gap) => void (await recordCoverage(pool, STREAM, gap.fromSlot, gap.toSlot, 'gap', gap.reason)),
    });
    await source.start();
    const firstAvailable = BLOCK_SLOT + 6n + 20n;
    while (source.status().gapsReported === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await source.stop();
    const gaps = await listGaps(pool, STREAM);
    expect(gaps.map(({ fromSlot, toSlot, status }) => ({ fromSlot, toSlot, status }))).toEqual([{ fromSlot: BLOCK_SLOT - 3n, toSlot: firstAvailable - 1n, status: 'gap' }]);
    expect(gaps[0]?.reason).toContain(`broadcast from ${BLOCK_SLOT - 3n} is not available, last available: ${firstAvailable}`);

    rpc.rateLimitNext(2, 1);
    const delivered: StreamItem[] = [];
    const lines: string[] = [];
    const started = Date.now();
    const code = await runBackfillCommand(['--gaps'], {
      rpcUrl: rpc.url, requestsPerSecond: 200, logger: createSilentLogger(), print: (line) => lines.push(line),
      onTransaction: async (item) => void delivered.push(item),
      ledger: { listGaps: () => listGaps(pool, STREAM), markGap: (from, to, status, reason) => markGapBackfilled(pool, STREAM, from, to, status, reason) },
    });
    expect(code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const expected = rpc.signaturesInRange(BLOCK_SLOT - 3n, firstAvailable - 1n, PUMPFUN);
    // The block holds 24 transactions that invoke Pump.fun (blocks/README.md) and 2 more that list it as an account.
    expect(expected.length).toBe(26);
    expect(delivered.map((item) => (item.kind === 'transaction' ? item.tx.signature : item.kind === 'quarantine' ? `quarantine: ${item.record.reason}` : 'slot')).sort()).toEqual([...expected].sort());
    expect(lines).toEqual([`slots ${BLOCK_SLOT - 3n}..${firstAvailable - 1n} (signatures): 26 transactions, 0 quarantined, 0 missing, 0 skipped slots, 2 rate-limited answers`]);
    expect((await listCoverage(pool, STREAM)).map(({ fromSlot, toSlot, status }) => ({ fromSlot, toSlot, status }))).toEqual([{ fromSlot: BLOCK_SLOT - 3n, toSlot: firstAvailable - 1n, status: 'backfilled' }]);
    expect(await listGaps(pool, STREAM)).toEqual([]);
  });

  it('getBlock strategy: skips empty slots, keeps only program transactions, in block order', async () => {
    const delivered: string[] = [];
    const result = await runBackfill({
      rpcUrl: rpc.url, fromSlot: BLOCK_SLOT - 1n, toSlot: BLOCK_SLOT + 1n, strategy: 'blocks', requestsPerSecond: 100, programs: [PUMPFUN],
      onTransaction: async (item) => void delivered.push(item.kind === 'transaction' ? item.tx.signature : 'quarantine'),
    });
    expect({ transactions: result.transactions, skippedSlots: result.skippedSlots, quarantined: result.quarantined }).toEqual({ transactions: 26, skippedSlots: 2, quarantined: 0 });
    expect(delivered).toEqual(rpc.signaturesInRange(BLOCK_SLOT, BLOCK_SLOT, PUMPFUN));
    expect(rpc.requestCounts.get('getBlock')).toBe(3);
  });

  it('ledger: a partial backfill splits the gap; overlapping records keep only the uncovered part', async () => {
    const stream = 'ledger-test';
    expect(await recordCoverage(pool, stream, 100n, 199n, 'gap', 'refused')).toHaveLength(1);
    expect((await recordCoverage(pool, stream, 150n, 249n, 'gap', 'again')).map((r) => [r.fromSlot, r.toSlot])).toEqual([[200n, 249n]]);
    expect(await markGapBackfilled(pool, stream, 120n, 129n, 'backfilled')).toBe(true);
    expect(await markGapBackfilled(pool, stream, 300n, 310n)).toBe(false);
    expect((await listCoverage(pool, stream)).map(({ fromSlot, toSlot, status }) => [fromSlot, toSlot, status])).toEqual([
      [100n, 119n, 'gap'], [120n, 129n, 'backfilled'], [130n, 199n, 'gap'], [200n, 249n, 'gap'],
    ]);
    await saveCheckpoint(pool, stream, 500n);
    await saveCheckpoint(pool, stream, 400n);
    expect(await loadCheckpoint(pool, stream)).toBe(500n);
    expect(await loadCheckpoint(pool, 'never-written')).toBeNull();
  });
});
