/**
 * Holder balances from the real fixtures: the whole app in process, then holder_balances compared with an
 * independent computation from the transactions' own token balances (newest post balance per account, 0
 * when only the pre balance is there, summed per owner, successful transactions of tracked mints only);
 * the launch pools' and AMM pools' accounts are kept but flagged; a replay changes nothing.
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { readTransactionsFromPath } from '../../../src/stream/transaction-files.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../../helpers/fixtures.js';
import { createArraySource, transactionItems } from '../../helpers/array-source.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';

const skipReason = fixturesMissingReason();
if (skipReason) console.warn(skipReason);

/** Expected owner balances: key `mint|owner` → raw balance; computed without any Megatron code. */
function expectedOwnerBalances(txs: readonly ChainTransaction[], tracked: ReadonlySet<string>): Map<string, bigint> {
  const ordered = [...txs].filter((tx) => tx.success).sort((a, b) => (a.slot === b.slot ? (a.txIndex ?? -1) - (b.txIndex ?? -1) : a.slot < b.slot ? -1 : 1));
  const accounts = new Map<string, { mint: string; owner: string; amount: bigint }>();
  for (const tx of ordered) {
    const seen = new Set<string>();
    for (const b of tx.postTokenBalances) {
      const account = b.account ?? tx.accountKeys[b.accountIndex]!;
      if (!tracked.has(b.mint) || b.owner === null) continue;
      seen.add(account);
      accounts.set(account, { mint: b.mint, owner: b.owner, amount: b.amount });
    }
    for (const b of tx.preTokenBalances) {
      const account = b.account ?? tx.accountKeys[b.accountIndex]!;
      if (tracked.has(b.mint) && b.owner !== null && !seen.has(account)) accounts.set(account, { mint: b.mint, owner: b.owner, amount: 0n });
    }
  }
  const owners = new Map<string, bigint>();
  for (const a of accounts.values()) owners.set(`${a.mint}|${a.owner}`, (owners.get(`${a.mint}|${a.owner}`) ?? 0n) + a.amount);
  return owners;
}

describe.skipIf(skipReason !== null)('holder balances from the real fixtures', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let txs: ChainTransaction[];

  async function ingest(): Promise<void> {
    const config = testConfig({ DATABASE_URL: database.url });
    const app = await startApp({ config, logger: testLogger(), databaseUrl: database.url, createSource: createArraySource(transactionItems(txs)), http: false, jobs: false });
    await app.done;
    await app.stop();
  }

  async function holderTables(): Promise<unknown[]> {
    const accounts = await db.query('select * from holder_token_accounts order by token_id, account');
    const balances = await db.query('select * from holder_balances order by token_id, owner');
    return [accounts.rows, balances.rows];
  }

  beforeAll(async () => {
    database = await createMigratedDatabase('holders_fixtures');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const results = [
      ...(await readTransactionsFromPath(join(FIXTURES_DIR!, 'transactions/pump'))),
      ...(await readTransactionsFromPath(join(FIXTURES_DIR!, 'transactions/launchpad'))),
    ];
    // Transactions with a block time (the others are quarantined before any row is built).
    txs = results.flatMap((r) => (r.ok && r.tx.blockTime !== null ? [r.tx] : []));
    await ingest();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('keeps, per owner, the sum of the newest post balances of its token accounts', async () => {
    const tracked = new Set((await db.query<{ mint_address: string }>('select mint_address from tokens')).rows.map((r) => r.mint_address));
    const expected = expectedOwnerBalances(txs, tracked);
    const { rows } = await db.query<{ mint_address: string; owner: string; balance: string }>(
      'select t.mint_address, h.owner, h.balance from holder_balances h join tokens t on t.id = h.token_id');
    const actual = new Map(rows.map((r) => [`${r.mint_address}|${r.owner}`, BigInt(r.balance)]));
    expect(actual.size).toBeGreaterThan(20);
    expect(actual).toEqual(expected);
  });

  it('flags the bonding curve, the LaunchLab vault authority and the PumpSwap pool as non-holders', async () => {
    const { rows } = await db.query<{ owner: string; holder_kind: string; balance: string }>(
      `select h.owner, h.holder_kind, h.balance from holder_balances h join tokens t on t.id = h.token_id
       where t.mint_address in ('G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump', '4HhNdqkmMsMV9Z3d85sPYDw1MR3DpXRrxknRTLYXN22h') order by h.owner`);
    expect(rows).toEqual([
      { owner: '5yJ6hdVHDVax48F5Z9K2kLNzXzqsyqbbsmATMTi5Vyju', holder_kind: 'wallet', balance: '16967820845269' },
      { owner: 'B8wno3ipF3v1p59SHCZsUfjXwpv98bL7aJHXbo382nA6', holder_kind: 'curve', balance: '972129865168832' },
      { owner: 'HcvYEizKBqExpW4uJBnEqDKFtCBUKmuLpExwzcRWdbQE', holder_kind: 'wallet', balance: '27870134831168' },
      { owner: 'WLHv2UAZm6z4KyaaELi5pjdbJh6RESMva1Rnn8pJVVh', holder_kind: 'curve', balance: '837521213221631' },
    ]);
    const { rows: pool } = await db.query(`select h.holder_kind, h.balance from holder_balances h join tokens t on t.id = h.token_id
       where t.mint_address like 'npB9cxTz%' and h.owner like 'Ef7wUrba%'`);
    expect(pool).toEqual([{ holder_kind: 'pool', balance: '153021198276989' }]);
  });

  it('replaying the same transactions changes nothing', async () => {
    const before = await holderTables();
    await ingest();
    expect(await holderTables()).toEqual(before);
  }, 120_000);
});
