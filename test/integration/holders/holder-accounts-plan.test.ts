/**
 * The holder write must cost index lookups per account, never a scan of holder_token_accounts: the table
 * holds every token account ever seen (millions after weeks), and a scan per batch would make ingestion
 * slower every day. The plan is checked on a table of 60,000 analysed accounts, where a sequential scan
 * looks cheap to the planner if the statement lets it choose.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountBalanceParams, APPLY_ACCOUNTS_SQL, applyAccountBalances, type AccountBalanceInput } from '../../../src/postgres/holders-repository.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { seedHolderAccounts, seededTokenId } from '../../helpers/holder-accounts-seed.js';

const STORED = 60_000;
const tokenId = (i: number): string => seededTokenId(i, 500);

function batch(slot: bigint): AccountBalanceInput[] {
  const inputs: AccountBalanceInput[] = [];
  for (let k = 0; k < 400; k++) {
    // Half stored accounts (spread over the table), half new; one of the stored ones changes owner.
    const i = k % 2 === 0 ? k * 149 : STORED + Number(slot) * 1_000 + k;
    inputs.push({ tokenId: tokenId(i), account: `a${i}`, owner: k === 0 ? 'new-owner' : `w${i}`, balance: BigInt(7_000 + k), holderKind: 'wallet', slot, txIndex: k, seenAt: new Date('2026-12-01T00:00:00Z'), source: 'stream' });
  }
  return inputs;
}

describe('holder write plan', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createMigratedDatabase('holder_accounts_plan');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await seedHolderAccounts(client, 500, STORED);
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('reads holder_token_accounts only through its indexes', async () => {
    const inputs = batch(2_000n);
    await client.query('begin');
    const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${APPLY_ACCOUNTS_SQL}`, accountBalanceParams(inputs));
    await client.query('rollback');
    const scans: string[] = [];
    const walk = (node: Record<string, unknown>): void => {
      if (node['Relation Name'] === 'holder_token_accounts' && node['Node Type'] !== 'ModifyTable') scans.push(String(node['Node Type']));
      for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((rows[0]!['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan);
    expect(scans.length).toBeGreaterThanOrEqual(2);
    expect(scans.filter((type) => !/Index|Bitmap Heap/.test(type))).toEqual([]);
  });

  it('still applies the batch: new and changed accounts, the old owner of a moved account emptied', async () => {
    await client.query('begin');
    const touched = await applyAccountBalances(client, batch(2_001n));
    await client.query('commit');
    expect(touched).toBe(401); // 400 owners of the batch + the previous owner of the moved account
    const { rows } = await client.query<{ owner: string; balance: string }>(
      `select owner, balance::text from holder_balances where token_id = $1 and owner in ('w0', 'new-owner', 'w298') order by owner`, [tokenId(0)]);
    expect(rows).toEqual([{ owner: 'new-owner', balance: '7000' }, { owner: 'w0', balance: '0' }]);
    const w298 = await client.query<{ balance: string }>(`select balance::text from holder_balances where owner = 'w298'`);
    expect(w298.rows).toEqual([{ balance: '7002' }]);
  });
});
