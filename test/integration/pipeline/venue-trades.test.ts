/**
 * Trading after graduation, through the whole app into a fresh PostgreSQL: the real migration
 * (2ffHb9AX…) makes its PumpSwap pool ours; a restart learns that pool, and the pools of earlier
 * migrations, from the `pools` table; trades of those pools land on the token's `amm` pool row with
 * exact values, every other PumpSwap trade is dropped and counted (megatron_venue_trades_total), never
 * stored; a replay of everything changes nothing.
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { readTransactionsFromPath } from '../../../src/stream/transaction-files.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { PUMPSWAP_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { poolIdOf, tokenIdOf } from '../../../src/pipeline/ids.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { snapshotTables } from '../../helpers/table-snapshot.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../../helpers/fixtures.js';
import { createArraySource, transactionItems } from '../../helpers/array-source.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { PUMPFUN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { anchorDiscriminator, buildTransaction, key } from '../../unit/decoders/transaction-builder.js';

const skipReason = fixturesMissingReason();
if (skipReason) console.warn(skipReason);

const WSOL = 'So11111111111111111111111111111111111111112';
/** The pools of the 2026-12 PumpSwap trades and their base mints (as the trades' instructions name them). */
const EARLIER_MIGRATIONS: ReadonlyArray<[pool: string, mint: string]> = [
  ['69fyvgoTXQxBdv7Tazd99m1vycwoS3Pyjkj8RRFFzSzJ', '2BVfJ4AHMvHdKtEZNHaBr48dQzTfZvYkjaaxbM6bpump'],
  ['CzJfDdeiF5cB1igJuNLW4PBEAnn1vocUjddPWNKwbNw6', '6YLtFQaMzWt9aykgUYV7Uk5p7nF7yDTHHAEEWbA8pump'],
  ['HyLTPacbYR4V8yQw5bbWwAETZkjcsRw9xzCbayMnU45o', 'CZJfrAmMs5Cz4H22PWzfqTJu5FkP7Q2Vvx1oPVL9pump'],
  ['2NtHe5gwQ1grT3Y89Kf3dRZyWDnTVYk4f4xV9WxuZJBZ', '7hLzF2ahWJKwRNrW4jGSteWBGWJ2eVMBi6BJFvaquant'],
  ['9ix2AXs4oaREj9jUcnqqftyzAsQHd3RaQmmELm7XHRmp', '7NPzZwrPVUyvtj1cs8T55wPeiA3qjc9vrcxt59nB9poc'],
];
const MIGRATED_MINT = 'npB9cxTzwUiGt7jk2dXZa52xZve8SgVD6Et9Bpipump';
const GRADUATE = '2BVfJ4AHMvHdKtEZNHaBr48dQzTfZvYkjaaxbM6bpump';

/**
 * A curve buy of GRADUATE (pump TradeEvent, 2025-05 layout in IDL order) three seconds before its real
 * PumpSwap buy 3KBJWV5M… at 1791420188, in the same minute: 0.001 SOL for 10 tokens.
 */
function curveBuyBeforeGraduation(): ChainTransaction {
  const user = key('curve-buyer');
  const payload = new BorshWriter().bytes(anchorDiscriminator('event', 'TradeEvent'))
    .pubkey(GRADUATE).u64(1_000_000n).u64(10_000_000n).bool(true).pubkey(user).i64(1_791_420_185n).u64(40_000_000_000n).u64(400_000_000_000_000n)
    .u64(10_000_000_000n).u64(0n).pubkey(key('fee-recipient')).u64(95n).u64(9_500n).pubkey(key('creator')).u64(5n).u64(500n).finish();
  const ixData = new BorshWriter().bytes(anchorDiscriminator('global', 'buy')).u64(10_000_000n).u64(1_100_000n).finish();
  const accounts = [key('global'), key('fee'), GRADUATE, key('graduate-curve'), key('abc'), key('au'), user, key('sys'), key('tok'), key('cv')];
  const tx = buildTransaction({ programId: PUMPFUN_PROGRAM_ID, ixData, accounts, events: [payload], withLogs: true });
  const balance = (amount: bigint) => ({ accountIndex: 5, account: key('au'), mint: GRADUATE, owner: user, programId: null, amount, decimals: 6 });
  return { ...tx, signature: key('curve-buy-signature'), slot: 454_386_640n, blockTime: 1_791_420_185, preTokenBalances: [balance(0n)], postTokenBalances: [balance(10_000_000n)] };
}
const MIGRATED_POOL = 'Ef7wUrbarRXHNMMgBs8cstSkzRttnstjMsniaq7zMp6j';

describe.skipIf(skipReason !== null)('trading after graduation (real fixtures, real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: pg.Client;
  const venueCounts: Array<Record<string, number>> = [];

  async function read(...folders: string[]): Promise<ChainTransaction[]> {
    const out: ChainTransaction[] = [];
    for (const folder of folders) for (const r of await readTransactionsFromPath(join(FIXTURES_DIR!, folder))) if (r.ok) out.push(r.tx);
    return out;
  }

  /** One run of the app over `txs` (a start, which loads our pools, and a stop); returns its venue counts. */
  async function ingest(txs: ChainTransaction[]): Promise<void> {
    const app = await startApp({ config: testConfig({ DATABASE_URL: database.url }), logger: testLogger(), databaseUrl: database.url, createSource: createArraySource(transactionItems(txs)), http: false, jobs: false });
    await app.done;
    const counts: Record<string, number> = {};
    for (const v of (await app.metrics.venueTrades.get()).values) if (v.value > 0) counts[`${v.labels.venue}:${v.labels.outcome}`] = v.value;
    venueCounts.push(counts);
    await app.stop();
  }

  beforeAll(async () => {
    database = await createMigratedDatabase('venue_trades');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await ingest(await read('transactions/pump'));
    // Tokens of ours that graduated before these fixtures: their tokens and amm pools, as our migrations stored them.
    for (const [pool, mint] of EARLIER_MIGRATIONS) {
      await db.query(`insert into tokens (id, mint_address, platform, discovery_source, decimals) values ($1, $2, 'pumpfun', 'trade', 6)`, [tokenIdOf(mint), mint]);
      await db.query(`insert into pools (id, pool_address, token_id, base_mint, quote_mint, platform, pool_type, program_id) values ($1, $2, $3, $4, $5, 'pumpswap', 'amm', $6)`, [poolIdOf(pool), pool, tokenIdOf(mint), mint, WSOL, PUMPSWAP_PROGRAM_ID]);
    }
    await ingest([curveBuyBeforeGraduation(), ...(await read('transactions/pumpswap', '2026-12/transactions/pumpswap'))]);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('keeps the migration\'s own PumpSwap trade, drops the already-migrated curve\'s one (not a pool of ours)', () => {
    expect(venueCounts[0]).toEqual({ 'pumpfun:kept': 18, 'pumpswap:kept': 1, 'pumpswap:foreign_pool': 1 });
  });

  it('after the restart, knows the pools of earlier runs from PostgreSQL: their trades kept, the rest dropped and counted', () => {
    // 59GX… trades on the pool the first run's migration created; the five 2026-12 pools were stored before
    // the start; the other five 2025 trades are of pools that are not ours.
    expect(venueCounts[1]).toEqual({ 'pumpfun:kept': 1, 'pumpswap:kept': 8, 'pumpswap:foreign_pool': 5 });
  });

  it('stores the trades on the token\'s amm pool row with exact values (2026-10 BuyEvent of 3KBJWV5M…)', async () => {
    const { rows } = await db.query(`select t.*, p.pool_type, p.platform from transactions t join pools p on p.id = t.pool_id where t.signature like '3KBJWV5M%'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      pool_type: 'amm', platform: 'pumpswap', pool_id: poolIdOf('69fyvgoTXQxBdv7Tazd99m1vycwoS3Pyjkj8RRFFzSzJ'), token_id: tokenIdOf('2BVfJ4AHMvHdKtEZNHaBr48dQzTfZvYkjaaxbM6bpump'),
      type: 'buy', user_address: '5BwfcY64BdaPTysenx6hviTjJygjvGFpKPEJnjcXFW4h', quote_mint: WSOL,
      amount_in: '3755552', amount_in_decimals: 9, amount_out: '25034542', amount_out_decimals: 6, sol_amount: '0.003755552', token_amount: '25.034542',
      protocol_fee: '1878', creator_fee: '1878', virtual_sol_reserves: '1793698763361', virtual_token_reserves: '11956789888841',
      real_sol_reserves: '1776114737797', real_token_reserves: '11956789888841', success: true, slot: 454386650n, raw_data: null,
    });
    expect(rows[0].block_time.getTime() / 1000).toBe(1791420188);
    expect(Number(rows[0].price_quote_per_token)).toBeCloseTo(0.003755552 / 25.034542, 15);
  });

  it('moves each of our amm pools to its newest reserves: quote vault + virtual quote reserves as the quote side', async () => {
    const { rows } = await db.query(`select pool_address, virtual_sol_reserves, virtual_token_reserves, real_sol_reserves, status, bonding_curve_progress from pools where pool_address = any($1) order by pool_address`,
      [['CzJfDdeiF5cB1igJuNLW4PBEAnn1vocUjddPWNKwbNw6', MIGRATED_POOL]]);
    expect(rows).toEqual([
      // the 2026-10 sell of 27HoMFgk…: vault 302614347744 + virtual_quote_reserves 17584505288
      { pool_address: 'CzJfDdeiF5cB1igJuNLW4PBEAnn1vocUjddPWNKwbNw6', virtual_sol_reserves: '320198853032', virtual_token_reserves: '55060677856485', real_sol_reserves: '302614347744', status: 'active', bonding_curve_progress: null },
      // the migration's buy (slot 344681481; 59GX… carries no slot): 2025 layout, no virtual quote reserves
      { pool_address: MIGRATED_POOL, virtual_sol_reserves: '114975336226', virtual_token_reserves: '153021198276989', real_sol_reserves: '114975336226', status: 'active', bonding_curve_progress: null },
    ]);
  });

  it('keeps the migration\'s pool as the token\'s amm row, with the vaults of its CreatePoolEvent (no token creation from it)', async () => {
    const { rows: [pool] } = await db.query(`select pool_type, platform, program_id, token_id, base_vault, quote_vault, initial_base_liquidity from pools where pool_address = $1`, [MIGRATED_POOL]);
    expect(pool).toMatchObject({ pool_type: 'amm', platform: 'pumpswap', program_id: PUMPSWAP_PROGRAM_ID, token_id: tokenIdOf(MIGRATED_MINT), initial_base_liquidity: '206900000000001' });
    expect([pool.base_vault, pool.quote_vault].every((v: string | null) => typeof v === 'string' && v.length > 30)).toBe(true);
    const { rows: [token] } = await db.query(`select platform, discovery_source, creation_signature from tokens where mint_address = $1`, [MIGRATED_MINT]);
    expect(token).toEqual({ platform: 'pumpfun', discovery_source: 'trade', creation_signature: null });
  });

  it('stores no trade of a pool that is not ours, and no token or pool for one', async () => {
    const { rows } = await db.query(`select p.pool_address, count(*)::int as n from transactions t join pools p on p.id = t.pool_id where p.platform = 'pumpswap' group by 1 order by 1`);
    expect(rows).toEqual([...EARLIER_MIGRATIONS.map(([pool]) => pool), MIGRATED_POOL].sort().map((pool) => ({ pool_address: pool, n: pool === MIGRATED_POOL ? 2 : 1 })));
    const { rows: [orphans] } = await db.query(`select count(*)::int as n from transactions t where not exists (select 1 from pools p where p.id = t.pool_id)`);
    expect(orphans.n).toBe(0);
    const { rows: [foreign] } = await db.query(`select count(*)::int as n from tokens where mint_address = any($1)`, [['5UUH9RTDiSpq6HKS6bp4NdU9PNJpXRXuiw6ShBTBhgH2', '5w68xqRpVFqi7hCXuN7QLc5ReLv1PfpmT9TVm11Cpump', 'GhhhWpvhigZBt17qrehiwtoJNfkBuV9TaqaouWugpump']]);
    expect(foreign.n).toBe(0);
  });

  it('runs the candles of a graduated token on from its AMM trades, under the token (one series across venues)', async () => {
    const { rows } = await db.query(`select c.trade_count, c.volume_token from price_candles_1m c where c.token_id = $1 order by c.bucket`, [tokenIdOf(MIGRATED_MINT)]);
    expect(rows.reduce((n, r) => n + r.trade_count, 0)).toBe(2);
    const { rows: [token] } = await db.query(`select is_graduated from tokens where mint_address = $1`, [MIGRATED_MINT]);
    expect(token.is_graduated).toBe(true);
  });

  it('runs one candle series across graduation: the curve trade and the PumpSwap trade of the same minute make one candle', async () => {
    const { rows } = await db.query(`select c.open, c.close, c.trade_count, c.volume_token from price_candles_1m c where c.token_id = $1 and c.bucket = to_timestamp(1791420180)`, [tokenIdOf(GRADUATE)]);
    expect(rows.map((r) => [Number(r.open), r.trade_count, r.volume_token])).toEqual([[0.0001, 2, '35.034542']]);
    expect(Number(rows[0].close)).toBeCloseTo(0.003755552 / 25.034542, 15);
    const { rows: pools } = await db.query(`select p.pool_type, count(*)::int as n from transactions t join pools p on p.id = t.pool_id where t.token_id = $1 group by 1 order by 1`, [tokenIdOf(GRADUATE)]);
    expect(pools).toEqual([{ pool_type: 'amm', n: 1 }, { pool_type: 'bonding_curve', n: 1 }]);
  });

  it('a replay of everything changes nothing', async () => {
    const before = await snapshotTables(db);
    await ingest([curveBuyBeforeGraduation(), ...(await read('transactions/pump', 'transactions/pumpswap', '2026-12/transactions/pumpswap'))]);
    expect(await snapshotTables(db)).toEqual(before);
  }, 120_000);
});
