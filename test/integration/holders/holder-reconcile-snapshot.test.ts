/**
 * Reconciliation, snapshots, top holders and the jobs over a synthetic market ingested by the whole app:
 * - the RPC stand-in serves the token's accounts with a wallet-to-wallet transfer the stream never saw
 *   and a closed account; reconciliation corrects holder_balances; the getTokenLargestAccounts fallback
 *   corrects the largest accounts only;
 * - the snapshot row equals an independent computation over the same balances (float Gini by pairwise
 *   differences, sorted sums, counts);
 * - top_holders holds the top N with the creator tagged `dev`; the jobs snapshot due tokens once;
 * - `megatron holders --mint M` reconciles and prints the snapshot.
 */
import { Writable } from 'node:stream';
import bs58 from 'bs58';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { TOKEN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';
import { createSignatureDedupe } from '../../../src/stream/signature-dedupe.js';
import type { StreamItem } from '../../../src/contracts/stream-item.js';
import { mapSubscribeUpdate } from '../../../src/stream/update-mapper.js';
import { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import { createHolderAccountsReader } from '../../../src/analytics/jobs/holder-accounts-rpc.js';
import { encodeTokenAccount } from '../../../src/analytics/holders/token-account-layout.js';
import { reconcileToken } from '../../../src/analytics/jobs/reconcile-holders.js';
import { snapshotToken } from '../../../src/analytics/jobs/snapshot-holders.js';
import { readHolderSettings } from '../../../src/analytics/jobs/settings-from-config.js';
import { createHolderJobs } from '../../../src/analytics/jobs/holder-jobs.js';
import { holdersCommand } from '../../../src/cli/holders-command.js';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { applyHolderAccounts } from '../../../src/postgres/holders-repository.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { createArraySource } from '../../helpers/array-source.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { startRpcServer, type RpcServer } from '../../helpers/rpc-server.js';

const OUTSIDER = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';

describe('holder reconciliation, snapshots and top holders', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let pool: PgPool;
  let rpc: RpcServer;
  let mint: string;
  let tokenId: string;

  beforeAll(async () => {
    const market = createSyntheticMarket({ seed: 5, tokensPerMinute: 20, tradesPerSecond: 50, startSlot: 600_000_000n, startTime: Math.floor(Date.now() / 1000) - 300, launchLabShare: 0 });
    const context = { dedupe: createSignatureDedupe(3_000), committedSlot: null };
    const items: StreamItem[] = [];
    for (const { updates } of market.slots(300)) for (const u of updates) {
      const outcome = mapSubscribeUpdate(SubscribeUpdate.encode(u).finish(), context);
      if ('item' in outcome) items.push(outcome.item);
    }
    database = await createMigratedDatabase('holders_reconcile');
    const config = testConfig({ DATABASE_URL: database.url });
    const app = await startApp({ config, logger: testLogger(), databaseUrl: database.url, createSource: createArraySource(items), http: false, jobs: false });
    await app.done;
    await app.stop();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    pool = createPgPool({ connectionString: database.url, max: 3 });
    rpc = await startRpcServer();
    // The token with the most holder wallets.
    const { rows } = await db.query(`select t.id, t.mint_address from tokens t join holder_balances h on h.token_id = t.id and h.holder_kind = 'wallet' and h.balance > 0
      group by t.id order by count(*) desc, t.mint_address limit 1`);
    tokenId = rows[0].id;
    mint = rows[0].mint_address;
  }, 120_000);

  afterAll(async () => {
    await rpc?.close();
    await pool?.end();
    await db?.end();
    await database?.drop();
  });

  async function storedAccounts(): Promise<Array<{ account: string; owner: string; balance: bigint }>> {
    const { rows } = await db.query('select account, owner, balance from holder_token_accounts where token_id = $1 order by balance desc, account', [tokenId]);
    return rows.map((r) => ({ account: r.account, owner: r.owner, balance: BigInt(r.balance) }));
  }

  async function ownerBalances(): Promise<Map<string, bigint>> {
    const { rows } = await db.query('select owner, balance from holder_balances where token_id = $1', [tokenId]);
    return new Map(rows.map((r) => [r.owner as string, BigInt(r.balance)]));
  }

  function serve(accounts: Array<{ account: string; owner: string; balance: bigint }>, slot: number): void {
    for (const a of accounts) rpc.setAccount(a.account, { owner: TOKEN_PROGRAM_ID, data: encodeTokenAccount(bs58.decode(mint), bs58.decode(a.owner), a.balance) });
    rpc.setContextSlot(slot);
  }

  it('corrects a balance moved outside the launchpad programs and an account closed outside them', async () => {
    const accounts = await storedAccounts();
    const wallets = accounts.filter((a) => a.balance > 0n).slice(1); // [0] is the curve's vault
    const [giver, closed] = [wallets[0]!, wallets[1]!];
    const moved = giver.balance / 4n;
    const before = await ownerBalances();
    const chain = accounts.filter((a) => a.account !== closed.account).map((a) => (a.account === giver.account ? { ...a, balance: a.balance - moved } : a));
    chain.push({ account: '7Np41oeYqPefeNQEHSv1UDhYrehxin3NStELsSKCT4K2', owner: OUTSIDER, balance: moved });
    serve(chain, 700_000_000);
    const reader = createHolderAccountsReader({ rpcUrl: rpc.url, requestsPerSecond: 50 });
    const result = await reconcileToken(pool, reader, mint);
    expect(result).toMatchObject({ mint, slot: 700_000_000n, accountsRead: chain.length, complete: true, corrected: 3 });
    const after = await ownerBalances();
    const expected = new Map(before);
    expected.set(giver.owner, before.get(giver.owner)! - moved);
    expected.set(closed.owner, before.get(closed.owner)! - closed.balance);
    expected.set(OUTSIDER, moved);
    expect(after).toEqual(expected);
    // A stream balance older than the reading (a replayed slot) does not undo the correction.
    const replayed = await applyHolderAccounts(pool, [{ tokenId, account: giver.account, owner: giver.owner, balance: giver.balance, holderKind: 'wallet', slot: 600_000_100n, txIndex: 3, blockTime: new Date() }]);
    expect(replayed).toBe(0);
    expect(await ownerBalances()).toEqual(expected);
    // Reading the same chain again changes nothing.
    const again = await reconcileToken(pool, reader, mint);
    expect(again).toMatchObject({ corrected: 0, ownersUpdated: 0 });
    rpc.removeAccount('7Np41oeYqPefeNQEHSv1UDhYrehxin3NStELsSKCT4K2');
  });

  it('falls back to the largest accounts when getProgramAccounts is refused, and corrects only those', async () => {
    const accounts = (await storedAccounts()).filter((a) => a.balance > 0n);
    const top = accounts[1]!;
    serve(accounts.map((a) => (a.account === top.account ? { ...a, balance: a.balance + 5n } : a)), 700_000_100);
    rpc.disableMethod('getProgramAccounts');
    const result = await reconcileToken(pool, createHolderAccountsReader({ rpcUrl: rpc.url, requestsPerSecond: 50 }), mint);
    expect(result).toMatchObject({ complete: false, accountsRead: Math.min(20, accounts.length), corrected: 1 });
    expect((await ownerBalances()).get(top.owner)).toBe(accounts.filter((a) => a.owner === top.owner).reduce((s, a) => s + a.balance, 0n) + 5n);
  });

  it('writes a snapshot equal to an independent computation over the same balances', async () => {
    const at = new Date();
    const settings = { ...readHolderSettings(testConfig()), topN: 5 };
    const result = await snapshotToken(pool, tokenId, settings, at);
    const { rows: [row] } = await db.query('select * from holder_snapshots where token_id = $1 and snapshot_time = $2', [tokenId, at]);
    const { rows: balances } = await db.query(`select balance::float8 as b, first_seen from holder_balances where token_id = $1 and holder_kind = 'wallet' and balance > 0 order by balance desc`, [tokenId]);
    const x = balances.map((r) => r.b as number);
    const supply = 1e15;
    const n = x.length;
    const mean = x.reduce((s, v) => s + v, 0) / n;
    let pairwise = 0;
    for (const a of x) for (const b of x) pairwise += Math.abs(a - b);
    const gini = pairwise / (2 * n * n * mean);
    const whole = x.map((v) => Math.floor(v / 1e6));
    const asc = [...x].sort((a, b) => a - b);
    const median = n % 2 ? asc[(n - 1) / 2]! : (asc[n / 2 - 1]! + asc[n / 2]!) / 2;
    const top = (k: number) => (x.slice(0, k).reduce((s, v) => s + v, 0) / supply) * 100;
    expect(n).toBeGreaterThan(5);
    expect(row.unique_holders).toBe(n);
    expect(row.total_holders).toBe(n);
    expect(Number(row.top_10_concentration)).toBeCloseTo(top(10), 2);
    expect(Number(row.top_25_concentration)).toBeCloseTo(top(25), 2);
    expect(Number(row.top_100_concentration)).toBeCloseTo(top(100), 2);
    expect(Number(row.gini_coefficient)).toBeCloseTo(gini, 4);
    expect([row.holders_1_100, row.holders_100_1k, row.holders_1k_10k, row.holders_10k_100k, row.holders_100k_plus]).toEqual([
      whole.filter((w) => w >= 1 && w < 100).length, whole.filter((w) => w >= 100 && w < 1_000).length, whole.filter((w) => w >= 1_000 && w < 10_000).length,
      whole.filter((w) => w >= 10_000 && w < 100_000).length, whole.filter((w) => w >= 100_000).length]);
    expect(Number(row.median_holding_size)).toBeCloseTo(median / 1e6, 5);
    expect(Number(row.average_holding_size)).toBeCloseTo(mean / 1e6, 5);
    expect(row.diamond_hands_count).toBe(0);
    expect(row.raw_distribution.top).toHaveLength(n);
    expect(result!.snapshot.uniqueHolders).toBe(n);
  });

  it('keeps exactly the top N in top_holders, the creator flagged and tagged dev', async () => {
    const { rows: top } = await db.query('select wallet_address, current_balance, percentage_held, is_creator, wallet_tags from top_holders where token_id = $1 order by current_balance desc', [tokenId]);
    const { rows: largest } = await db.query(`select owner, (balance / 1e6)::numeric(30,6)::text as whole from holder_balances where token_id = $1 and holder_kind = 'wallet' and balance > 0 order by balance desc, owner limit 5`, [tokenId]);
    expect(top.map((r) => [r.wallet_address, r.current_balance])).toEqual(largest.map((r) => [r.owner, r.whole]));
    const { rows: [token] } = await db.query('select creator_address from tokens where id = $1', [tokenId]);
    for (const r of top) {
      expect(r.is_creator).toBe(r.wallet_address === token.creator_address);
      if (r.is_creator) expect(r.wallet_tags).toContain('dev');
      expect(Number(r.percentage_held)).toBeCloseTo((Number(r.current_balance) * 1e6 / 1e15) * 100, 2);
    }
  });

  it('the snapshot job snapshots every due token once; a second run finds none due', async () => {
    const config = testConfig({ DATABASE_URL: database.url, HOLDER_RECONCILE_MAX_TOKENS: '0' });
    const jobs = createHolderJobs({ pool, config, logger: testLogger(), rpcUrl: rpc.url });
    const count = async (): Promise<number> => (await db.query('select count(*)::int as n from holder_snapshots')).rows[0].n;
    const tokens = (await db.query('select count(*)::int as n from tokens where last_trade_at is not null')).rows[0].n;
    const before = await count();
    await jobs.jobs.snapshots!.runNow();
    // Every traded token once, but the one snapshotted above (its snapshot is newer than its last trade).
    expect(await count()).toBe(before + tokens - 1);
    await jobs.jobs.snapshots!.runNow();
    expect(await count()).toBe(before + tokens - 1);
    await jobs.stop();
    // Launch buys in the creation slot (dev buy + snipers) make snipers and bundles; whale buys make whales;
    // the market's 200 wallets trade ~50 times a second between them, so some touch 5 tokens within 10 s.
    const { rows: tags } = await db.query('select distinct unnest(wallet_tags) as tag from top_holders order by 1');
    expect(tags.map((r) => r.tag)).toEqual(['bot', 'bundled', 'dev', 'sniper', 'whale']);
    const { rows: [mismatch] } = await db.query(`select count(*)::int as n from top_holders h join tokens t on t.id = h.token_id
      where ('dev' = any(h.wallet_tags)) <> (h.wallet_address = t.creator_address)`);
    expect(mismatch.n).toBe(0);
  });

  it('megatron holders --mint reconciles and prints the snapshot', async () => {
    let out = '';
    const stdout = new Writable({ write(chunk, _e, done) { out += String(chunk); done(); } });
    const config = testConfig({ DATABASE_URL: database.url, RPC_URL: rpc.url, HOLDER_TOP_N: '3' });
    const code = await holdersCommand.run(['--mint', mint], { config, logger: testLogger(), env: {}, stdin: process.stdin, stdout, stderr: stdout });
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    expect(printed).toMatchObject({ mint, reconciliation: { mint, complete: false }, snapshot: { uniqueHolders: expect.any(Number) } });
    expect(printed.topHolders).toHaveLength(3);
  });
});
