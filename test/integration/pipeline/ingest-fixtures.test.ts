/**
 * The real Pump.fun / LaunchLab fixtures through the whole app (pipeline, PostgreSQL sink, Redis sink)
 * into a fresh database: exact rows for creates, trades, graduations and candles, Redis keys, and a
 * second replay that changes nothing.
 */
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { readTransactionsFromPath } from '../../../src/stream/transaction-files.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { tokenIdOf } from '../../../src/pipeline/ids.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { snapshotTables } from '../../helpers/table-snapshot.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../../helpers/fixtures.js';
import { createArraySource, transactionItems } from '../../helpers/array-source.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';

const skipReason = fixturesMissingReason();
if (skipReason) console.warn(skipReason);

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PREFIX = `test:ingest-fixtures:${process.pid}:`;

describe.skipIf(skipReason !== null)('ingesting the real fixtures', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let redis: Redis;
  let txs: ChainTransaction[];

  async function ingest(): Promise<void> {
    const config = testConfig({ DATABASE_URL: database.url, REDIS_URL, REDIS_KEY_PREFIX: PREFIX });
    const app = await startApp({ config, logger: testLogger(), databaseUrl: database.url, createSource: createArraySource(transactionItems(txs)), http: false, jobs: false });
    await app.done;
    await app.stop();
  }

  beforeAll(async () => {
    database = await createMigratedDatabase('ingest_fixtures');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    redis = new Redis(REDIS_URL);
    const results = [
      ...(await readTransactionsFromPath(join(FIXTURES_DIR!, 'transactions/pump'))),
      ...(await readTransactionsFromPath(join(FIXTURES_DIR!, 'transactions/launchpad'))),
    ];
    txs = results.flatMap((r) => (r.ok ? [r.tx] : []));
    await ingest();
  }, 120_000);

  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.end();
    await database?.drop();
  });

  it('stores a legacy create + buy as a created token, its curve and the trade', async () => {
    const mint = 'G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump';
    const { rows: [token] } = await db.query('select * from tokens where mint_address = $1', [mint]);
    expect(token).toMatchObject({
      id: tokenIdOf(mint),
      symbol: 'ТURTlS',
      name: 'ТURTlS',
      platform: 'pumpfun',
      discovery_source: 'create_event',
      decimals: 6,
      creation_signature: 'iurqm3R8LYed6Y5fJcozXRZFg54LSoeVaabi3zk1arA1ULtUSjV66gBUidfiduVrJpFB8C7z2CaCucvk8DuFEcK',
      creator_address: 'HcvYEizKBqExpW4uJBnEqDKFtCBUKmuLpExwzcRWdbQE',
      bonding_curve_address: 'B8wno3ipF3v1p59SHCZsUfjXwpv98bL7aJHXbo382nA6',
      quote_mint: 'So11111111111111111111111111111111111111112',
      is_graduated: false,
    });
    const { rows: [pool] } = await db.query('select * from pools where pool_address = $1', ['B8wno3ipF3v1p59SHCZsUfjXwpv98bL7aJHXbo382nA6']);
    expect(pool).toMatchObject({
      token_id: tokenIdOf(mint),
      platform: 'pumpfun',
      pool_type: 'bonding_curve',
      virtual_sol_reserves: '30800000147',
      virtual_token_reserves: '1045129865168832',
      status: 'active',
    });
    const { rows: trades } = await db.query('select * from transactions where token_id = $1', [tokenIdOf(mint)]);
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({
      signature: 'iurqm3R8LYed6Y5fJcozXRZFg54LSoeVaabi3zk1arA1ULtUSjV66gBUidfiduVrJpFB8C7z2CaCucvk8DuFEcK',
      type: 'buy',
      user_address: 'HcvYEizKBqExpW4uJBnEqDKFtCBUKmuLpExwzcRWdbQE',
      amount_in: '800000147',
      amount_in_decimals: 9,
      amount_out: '27870134831168',
      amount_out_decimals: 6,
      sol_amount: '0.800000147',
      token_amount: '27870134.831168',
      success: true,
      slot: 317897944n,
    });
    expect(trades[0].block_time.toISOString()).toBe('2025-02-02T02:23:39.000Z');
  });

  it('keeps the exact values of a direct buy (solana-streamer assertions)', async () => {
    const { rows } = await db.query(`select t.*, k.mint_address from transactions t join tokens k on k.id = t.token_id where signature like '2ghHZXwyU6K1%'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      mint_address: '7k2255ueF3Ecnnjf9odEu7so3gmXKS8E29atDWmFpump',
      type: 'buy',
      user_address: '3HeEuccBzrTvWBvQGuiVgqbJcCpzTd4mFZjbKQoz5BYg',
      amount_in: '129814469',
      amount_out: '2878556000000',
      virtual_sol_reserves: '38165815301',
      virtual_token_reserves: '843424927552285',
      real_sol_reserves: '8165815301',
    });
    expect(rows[0].block_time.getTime() / 1000).toBe(1753751878);
  });

  it('stores a LaunchLab trade with the pool state in the same units as Pump.fun (v1 TradeEvent)', async () => {
    const mint = '4HhNdqkmMsMV9Z3d85sPYDw1MR3DpXRrxknRTLYXN22h';
    const { rows: [pool] } = await db.query('select * from pools where pool_address = $1', ['D5y6T2Ep483fEup9mRC3LJSK7cd4Larxz46aE6YoGQsG']);
    expect(pool).toMatchObject({
      token_id: tokenIdOf(mint),
      platform: 'raydium_launchpad',
      pool_type: 'launchpad',
      program_id: 'LanMV9sAd7wArD4vJFi2qDdfnVhFxYSUg6eADduJ3uj',
      virtual_sol_reserves: '35354231921',
      virtual_token_reserves: '910546818818013',
      real_sol_reserves: '5353378970',
      real_token_reserves: '630621213221631',
      bonding_curve_progress: '20.48',
      initial_quote_liquidity: '30000852951',
      status: 'active',
    });
    expect(Number(pool.initial_price)).toBeCloseTo(30.000852951 / 1073025605.596382, 18);
    const { rows: [trade] } = await db.query('select * from transactions where token_id = $1', [tokenIdOf(mint)]);
    expect(trade).toMatchObject({ type: 'buy', amount_out: '16967820845269', sol_amount: '0.654952192', token_amount: '16967820.845269', success: true });
    expect(trade.block_time.getTime() / 1000).toBe(1753811735);
  });

  it('graduates the token of the real migrate and links its PumpSwap pool; the no-op migrate graduates nothing', async () => {
    const { rows: [token] } = await db.query(`select * from tokens where mint_address like 'npB9cxTz%'`);
    expect(token).toMatchObject({ is_graduated: true });
    expect(token.graduation_signature).toMatch(/^2ffHb9AXeKNV/);
    const { rows: [amm] } = await db.query(`select * from pools where token_id = $1 and pool_type = 'amm'`, [token.id]);
    expect(amm).toMatchObject({ platform: 'pumpswap', program_id: 'pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA' });
    expect(amm.pool_address).toMatch(/^Ef7wUrba/);
    const { rows: graduated } = await db.query('select mint_address from tokens where is_graduated');
    expect(graduated.map((r) => r.mint_address)).toEqual([token.mint_address]);
  });

  it('writes 1m and 5m candles from the successful trades', async () => {
    const { rows } = await db.query(`select c.* from price_candles_1m c where c.token_id = $1`, [tokenIdOf('G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump')]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ trade_count: 1, buyer_count: 1, seller_count: 0, volume_sol: '0.800000147', volume_token: '27870134.831168' });
    expect(rows[0].open).toBe(rows[0].close);
    expect(Number(rows[0].open)).toBeCloseTo(0.800000147 / 27870134.831168, 15);
    const { rows: counts } = await db.query(`select (select count(*) from price_candles_1m)::int as m1, (select count(*) from price_candles_5m)::int as m5, (select count(distinct token_id) from transactions where success and price_quote_per_token is not null)::int as tokens`);
    expect(counts[0].m1).toBeGreaterThanOrEqual(counts[0].tokens);
    expect(counts[0].m5).toBeGreaterThanOrEqual(counts[0].tokens);
  });

  it('caches the newest price per token in Redis with its slot', async () => {
    const key = `${PREFIX}price:current:${tokenIdOf('G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump')}`;
    const value = JSON.parse((await redis.get(key)) ?? 'null');
    expect(value).toMatchObject({ slot: '317897944' });
    expect(Number(value.price)).toBeCloseTo(0.800000147 / 27870134.831168, 15);
    expect(await redis.pttl(key)).toBeGreaterThan(20_000);
  });

  it('replaying the same transactions changes nothing', async () => {
    const before = await snapshotTables(db);
    await ingest();
    expect(await snapshotTables(db)).toEqual(before);
  }, 120_000);
});
