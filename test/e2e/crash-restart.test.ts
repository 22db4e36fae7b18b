/**
 * Exactly once across crashes: a synthetic market of 50,000+ trades served by the local Geyser server,
 * ingested by the real `megatron ingest` process, which is killed with SIGKILL (no shutdown, no flush)
 * at two random points and stopped with SIGTERM (graceful: flush and checkpoint, mid-slot) at a third, and
 * restarted each time. At the end every trade is in the database exactly once, the failed attempts too,
 * nothing was quarantined (a graceful stop must not write the unfinished slot's transactions without
 * their block time), and the candles agree with the trades.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyntheticMarket, type SyntheticMarket } from '../../src/simulate/synthetic-market.js';
import { startGeyserServer, type GeyserServer } from '../../src/simulate/geyser-server.js';
import { createMigratedDatabase, type TestDatabase } from '../helpers/database.js';
import { startMegatron, waitUntil, type MegatronProcess } from '../helpers/megatron-process.js';

const START_SLOT = 350_000_000n;
const TRADES = 50_000;
const SEED = 20261201;

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe('crash and restart during a 50,000-trade run', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let server: GeyserServer;
  let market: SyntheticMarket;
  let running: MegatronProcess | null = null;

  beforeAll(async () => {
    database = await createMigratedDatabase('e2e_crash');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    server = await startGeyserServer();
    market = createSyntheticMarket({ seed: SEED, tokensPerMinute: 300, tradesPerSecond: 4_000, startSlot: START_SLOT });
    while (market.truth.length < TRADES) server.publish(market.nextSlot().updates);
  }, 180_000);

  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await server?.close();
    await db?.end();
    await database?.drop();
  });

  const env = (): Record<string, string> => ({
    DATABASE_URL: database.url,
    GRPC_ENDPOINT: server.endpoint,
    STREAM_NAME: 'crash-test',
    STREAM_START_SLOT: START_SLOT.toString(),
    BATCH_MAX_ROWS: '2000',
  });
  const committedTrades = async (): Promise<number> => (await db.query('select count(*)::int as n from transactions')).rows[0].n;

  it('ingests every trade exactly once after two SIGKILLs and a graceful stop mid-stream', async () => {
    const expectedRows = market.truth.length + market.failed.length;
    const random = createRandom(SEED);
    const killAt = [0.15, 0.45, 0.75].map((f) => Math.floor(expectedRows * (f + random() * 0.1)));
    const kills: Array<{ at: number; committed: number }> = [];
    const signals = ['SIGKILL', 'SIGTERM', 'SIGKILL'] as const;
    for (const [i, threshold] of killAt.entries()) {
      running = startMegatron(['ingest'], env());
      const current = running;
      await waitUntil(async () => (await committedTrades()) >= threshold, 120_000, () => `${threshold} trades; output: ${current.output().slice(-2000)}`);
      current.child.kill(signals[i]);
      expect(await current.exited).toBe(signals[i] === 'SIGKILL' ? 'SIGKILL' : 0);
      kills.push({ at: threshold, committed: await committedTrades() });
    }
    running = startMegatron(['ingest'], env());
    const last = running;
    await waitUntil(async () => (await committedTrades()) >= expectedRows, 180_000, () => `all ${expectedRows} rows; output: ${last.output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    running = null;

    expect(kills.every((k, i) => i === 0 || k.committed >= kills[i - 1]!.committed)).toBe(true);
    const { rows: trades } = await db.query(`select signature, ix_index, inner_ix_index, success from transactions`);
    const successful = trades.filter((t) => t.success).map((t) => `${t.signature}|${t.ix_index}|${t.inner_ix_index}`).sort();
    const expected = market.truth.map((t) => `${t.signature}|${t.outerIndex}|${t.innerIndex ?? -1}`).sort();
    expect(successful.length).toBe(expected.length);
    expect(successful).toEqual(expected);
    const failedSignatures = new Set(trades.filter((t) => !t.success).map((t) => t.signature));
    expect([...failedSignatures].sort()).toEqual([...new Set(market.failed)].sort());
    expect(trades.length).toBe(expectedRows);

    // The writer's guarantee that replaced the foreign keys: every trade's token and pool exist.
    const { rows: [orphans] } = await db.query(`
      select (select count(*)::int from transactions t where not exists (select 1 from tokens k where k.id = t.token_id)) as tokens,
             (select count(*)::int from transactions t where not exists (select 1 from pools p where p.id = t.pool_id)) as pools`);
    expect(orphans).toEqual({ tokens: 0, pools: 0 });
    const { rows: quarantined } = await db.query(`select stage, reason from quarantine`);
    expect(quarantined).toEqual([]);
    const { rows: [candles] } = await db.query(`
      select (select sum(trade_count)::int from price_candles_1m) as m1, (select sum(trade_count)::int from price_candles_5m) as m5,
             (select count(*)::int from transactions where success and price_quote_per_token is not null) as priced`);
    expect(candles.m1).toBe(candles.priced);
    expect(candles.m5).toBe(candles.priced);
    const { rows: [checkpoint] } = await db.query(`select last_committed_slot from stream_checkpoints where stream = 'crash-test'`);
    expect(BigInt(checkpoint.last_committed_slot)).toBeGreaterThanOrEqual(market.truth[market.truth.length - 1]!.slot);
  }, 600_000);
});
