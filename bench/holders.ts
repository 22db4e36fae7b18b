/**
 * Holder benchmark:
 *  (a) the time to snapshot one token with 50,000 holder wallets (balances, snapshot row, top 100 with
 *      their tag evidence over 5 trades each), in a fresh database;
 *  (b) ingest throughput of the same synthetic market with and without holder tracking
 *      (HOLDERS_ENABLED=true / false), in the same run, each into a fresh database;
 *  (c) one batch's holder write (850 token accounts, half of them new) against 1,000,000 stored
 *      accounts: it must cost index lookups, not scans of the table.
 * Run: `npm run bench -- holders` or `npx tsx bench/holders.ts [--holders N] [--trades N]`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { snapshotToken } from '../src/analytics/jobs/snapshot-holders.js';
import { readHolderSettings } from '../src/analytics/jobs/settings-from-config.js';
import { createPgPool } from '../src/postgres/pg-pool.js';
import { applyAccountBalances, type AccountBalanceInput } from '../src/postgres/holders-repository.js';
import { createMigratedDatabase } from '../test/helpers/database.js';
import { seedHolderAccounts, seededTokenId } from '../test/helpers/holder-accounts-seed.js';
import { prepareMarket } from '../test/helpers/market-source.js';
import { testConfig } from '../test/helpers/app-config.js';
import { runOnce } from './ingest.js';

export interface BenchHoldersOptions {
  holders?: number;
  trades?: number;
}

const TOKEN_ID = '00000000-0000-5000-8000-00000000b0b0';
const POOL_ID = '00000000-0000-5000-8000-00000000b0b1';

// One token, `$1` holder wallets with a long-tailed distribution, one account each, the curve's vault,
// and 5 trades for each of the 200 largest holders (the tag evidence of the top 100 reads them).
const SEED_SQL = `
insert into tokens (id, mint_address, decimals, platform, discovery_source, creation_signature, creation_timestamp, creator_address, initial_supply, last_trade_at, last_trade_slot)
values ('${TOKEN_ID}', 'BenchMint1111111111111111111111111111111111', 6, 'pumpfun', 'create_event', 'bench-create', now() - interval '2 days', 'w1', 1000000000000000, now(), 1000);
insert into pools (id, pool_address, token_id, base_mint, quote_mint, platform, pool_type, program_id)
values ('${POOL_ID}', 'BenchCurve111111111111111111111111111111111', '${TOKEN_ID}', 'BenchMint1111111111111111111111111111111111', 'So11111111111111111111111111111111111111112', 'pumpfun', 'bonding_curve', '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P');
insert into holder_balances (token_id, owner, balance, holder_kind, first_seen, last_seen, last_slot)
select '${TOKEN_ID}', 'w' || i, (1000000000000 / i)::numeric + i, 'wallet', now() - (i % 48) * interval '1 hour', now(), 1000 from generate_series(1, $1::int) i;
insert into holder_balances (token_id, owner, balance, holder_kind, first_seen, last_seen, last_slot)
values ('${TOKEN_ID}', 'BenchCurve111111111111111111111111111111111', 500000000000000, 'curve', now(), now(), 1000);
insert into holder_token_accounts (token_id, account, owner, balance, holder_kind, first_seen, last_seen, last_slot)
select token_id, 'a' || owner, owner, balance, holder_kind, first_seen, last_seen, last_slot from holder_balances where token_id = '${TOKEN_ID}';
insert into transactions (signature, ix_index, block_time, slot, pool_id, token_id, type, user_address, quote_mint, amount_in, amount_in_decimals, amount_out, amount_out_decimals, sol_amount, token_amount, transaction_fee)
select 'sig' || w || '-' || k, 0, now() - interval '1 minute', 1000 + w * 3 + k, '${POOL_ID}', '${TOKEN_ID}', case when k = 4 then 'sell' else 'buy' end, 'w' || w,
  'So11111111111111111111111111111111111111112', 1000000, 9, 1000000, 6, 0.001, 1, 5000
from generate_series(1, 200) w, generate_series(0, 4) k;
analyze`;

async function benchSnapshot(holders: number): Promise<void> {
  const database = await createMigratedDatabase('bench_holders_snapshot');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (const statement of SEED_SQL.split(';').map((s) => s.trim()).filter(Boolean)) await client.query(statement, statement.includes('$1') ? [holders] : []);
  await client.end();
  const pool = createPgPool({ connectionString: database.url, max: 2 });
  const settings = readHolderSettings(testConfig());
  const timings: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const result = await snapshotToken(pool, TOKEN_ID, settings);
    timings.push(performance.now() - started);
    if (result?.snapshot.uniqueHolders !== holders) throw new Error(`snapshot saw ${result?.snapshot.uniqueHolders} holders, expected ${holders}`);
  }
  await pool.end();
  await database.drop();
  timings.sort((a, b) => a - b);
  console.log(`holders: snapshot of one token with ${holders} holders (+ top 100 with tags): median ${timings[2]!.toFixed(0)} ms, best ${timings[0]!.toFixed(0)} ms, worst ${timings[4]!.toFixed(0)} ms over 5 runs`);
}

async function benchThroughput(trades: number): Promise<void> {
  console.log(`holders: preparing ${trades} synthetic trades...`);
  const slots = prepareMarket(7, trades, 310_000_000n, 20_000);
  for (const enabled of ['false', 'true', 'false', 'true']) {
    const database = await createMigratedDatabase(`bench_holders_ingest_${enabled}`);
    const run = await runOnce(database.url, slots, null, { HOLDERS_ENABLED: enabled });
    const rows = enabled === 'true' ? await countRows(database.url) : 0;
    console.log(`holders: ingest with HOLDERS_ENABLED=${enabled}: ${Math.round(run.trades / run.seconds)} trades/s (${run.trades} trades in ${run.seconds.toFixed(1)} s)${enabled === 'true' ? `, ${rows} token accounts tracked` : ''}`);
    await database.drop();
  }
}

async function countRows(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from holder_token_accounts');
  await client.end();
  return rows[0]?.n ?? 0;
}

/** Holder write of one batch against a large table: 20,000 tokens, `stored` accounts, 850 accounts per batch. */
export async function benchScale(stored: number): Promise<void> {
  const database = await createMigratedDatabase('bench_holders_scale');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const tokenId = (i: number): string => seededTokenId(i, 20_000);
  await seedHolderAccounts(client, 20_000, stored);
  const timings: number[] = [];
  for (let run = 0; run < 11; run++) {
    const inputs: AccountBalanceInput[] = [];
    const used = new Set<number>();
    for (let k = 0; k < 850; k++) {
      const i = k % 2 === 0 ? Math.floor(Math.random() * stored) : stored + run * 1_000 + k;
      if (used.has(i)) continue;
      used.add(i);
      inputs.push({ tokenId: tokenId(i), account: `a${i}`, owner: `w${i}`, balance: BigInt(5_000 + k), holderKind: 'wallet', slot: 2_000n + BigInt(run), txIndex: k, seenAt: new Date(), source: 'stream' });
    }
    await client.query('begin');
    const started = performance.now();
    await applyAccountBalances(client, inputs);
    timings.push(performance.now() - started);
    await client.query('commit');
  }
  await client.end();
  await database.drop();
  timings.sort((a, b) => a - b);
  console.log(`holders: one batch's holder write (850 accounts, half new) with ${stored} accounts stored: median ${timings[5]!.toFixed(0)} ms, best ${timings[0]!.toFixed(0)}, worst ${timings[10]!.toFixed(0)} over 11 batches`);
}

export async function benchHolders(options: BenchHoldersOptions = {}): Promise<void> {
  await benchSnapshot(options.holders ?? 50_000);
  await benchScale(1_000_000);
  await benchThroughput(options.trades ?? 60_000);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { holders: { type: 'string' }, trades: { type: 'string' } } });
  await benchHolders({
    ...(values.holders ? { holders: Number(values.holders) } : {}),
    ...(values.trades ? { trades: Number(values.trades) } : {}),
  });
}
