/**
 * The synthetic market through the whole app: every owner's balance equals the sum of its token-balance
 * deltas (post - pre per account, successful transactions only, computed here from the messages
 * themselves), the vaults and AMM pools are flagged, every token's accounts add up to its supply, and a
 * replay of the same messages changes nothing.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { TOKEN_TOTAL_SUPPLY_RAW } from '../../../src/simulate/bonding-curve.js';
import { createSignatureDedupe } from '../../../src/stream/signature-dedupe.js';
import type { StreamItem } from '../../../src/contracts/stream-item.js';
import { mapSubscribeUpdate } from '../../../src/stream/update-mapper.js';
import { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { createArraySource } from '../../helpers/array-source.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { itemTransaction } from '../../helpers/stream-items.js';

/** Sum of post - pre per (mint, owner) over successful transactions of the tracked mints. */
function sumOfDeltas(txs: readonly ChainTransaction[], tracked: ReadonlySet<string>): Map<string, bigint> {
  const out = new Map<string, bigint>();
  const add = (mint: string, owner: string | null, amount: bigint): void => {
    if (!tracked.has(mint) || owner === null) return;
    out.set(`${mint}|${owner}`, (out.get(`${mint}|${owner}`) ?? 0n) + amount);
  };
  for (const tx of txs) {
    if (!tx.success) continue;
    for (const b of tx.postTokenBalances) add(b.mint, b.owner, b.amount);
    for (const b of tx.preTokenBalances) add(b.mint, b.owner, -b.amount);
  }
  return out;
}

describe('holder balances from the synthetic market', () => {
  let database: TestDatabase;
  let db: pg.Client;
  const items: StreamItem[] = [];
  const txs: ChainTransaction[] = [];

  async function ingest(): Promise<void> {
    const config = testConfig({ DATABASE_URL: database.url });
    const app = await startApp({ config, logger: testLogger(), databaseUrl: database.url, createSource: createArraySource(items), http: false, jobs: false });
    await app.done;
    await app.stop();
  }

  async function holderTables(): Promise<unknown[]> {
    return [
      (await db.query('select * from holder_token_accounts order by token_id, account')).rows,
      (await db.query('select * from holder_balances order by token_id, owner')).rows,
    ];
  }

  beforeAll(async () => {
    const market = createSyntheticMarket({ seed: 21, tokensPerMinute: 40, tradesPerSecond: 60, startSlot: 500_000_000n, whaleShare: 0.06, startTime: 1_760_000_000 });
    const context = { dedupe: createSignatureDedupe(3_000), committedSlot: null };
    for (const { updates } of market.slots(400)) {
      for (const update of updates) {
        const outcome = mapSubscribeUpdate(SubscribeUpdate.encode(update).finish(), context);
        if (!('item' in outcome)) continue;
        items.push(outcome.item);
        const tx = itemTransaction(outcome.item);
        if (tx) txs.push(tx);
      }
    }
    expect(market.eventCounts.migrate).toBeGreaterThan(0);
    database = await createMigratedDatabase('holders_synthetic');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await ingest();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('every owner holds the sum of its token-balance deltas', async () => {
    const tracked = new Set((await db.query<{ mint_address: string }>('select mint_address from tokens')).rows.map((r) => r.mint_address));
    const expected = sumOfDeltas(txs, tracked);
    const { rows } = await db.query<{ mint_address: string; owner: string; balance: string }>(
      'select t.mint_address, h.owner, h.balance from holder_balances h join tokens t on t.id = h.token_id');
    const actual = new Map(rows.map((r) => [`${r.mint_address}|${r.owner}`, BigInt(r.balance)]));
    expect(actual.size).toBeGreaterThan(1_000);
    expect(actual).toEqual(expected);
  });

  it('each token\'s accounts add up to its whole supply; vaults and pools are not holders', async () => {
    const { rows } = await db.query<{ kinds: string[]; total: string }>(
      `select array_agg(distinct holder_kind order by holder_kind) as kinds, sum(balance)::text as total from holder_balances group by token_id`);
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.total))).toEqual(new Set([TOKEN_TOTAL_SUPPLY_RAW.toString()]));
    const { rows: kinds } = await db.query<{ holder_kind: string; n: number }>(
      `select holder_kind, count(*)::int as n from holder_balances group by holder_kind order by holder_kind`);
    const tokens = (await db.query<{ n: number }>('select count(*)::int as n from tokens')).rows[0]!.n;
    const migrated = (await db.query<{ n: number }>(`select count(*)::int as n from pools where pool_type = 'amm'`)).rows[0]!.n;
    // One curve row per Pump.fun token, one shared LaunchLab vault authority row per LaunchLab token, one pool per migration.
    expect(kinds).toEqual([
      { holder_kind: 'curve', n: tokens },
      { holder_kind: 'pool', n: migrated },
      { holder_kind: 'wallet', n: expect.any(Number) },
    ]);
  });

  it('HOLDERS_ENABLED=false writes the same trades and no holder rows', async () => {
    const other = await createMigratedDatabase('holders_synthetic_off');
    try {
      const config = testConfig({ DATABASE_URL: other.url, HOLDERS_ENABLED: 'false' });
      const app = await startApp({ config, logger: testLogger(), databaseUrl: other.url, createSource: createArraySource(items), http: false, jobs: false });
      await app.done;
      await app.stop();
      const client = new pg.Client({ connectionString: other.url });
      await client.connect();
      const counts = (await client.query(`select (select count(*) from transactions)::int as trades, (select count(*) from holder_token_accounts)::int as accounts,
        (select count(*) from holder_balances)::int as owners`)).rows[0];
      await client.end();
      const trades = (await db.query('select count(*)::int as n from transactions')).rows[0].n;
      expect(counts).toEqual({ trades, accounts: 0, owners: 0 });
    } finally {
      await other.drop();
    }
  }, 120_000);

  it('replaying the same messages changes nothing', async () => {
    const before = await holderTables();
    await ingest();
    expect(await holderTables()).toEqual(before);
  }, 120_000);
});
