/**
 * Names for every token: the token-metadata job against the local JSON-RPC stand-in (getMultipleAccounts)
 * and the real PostgreSQL. The 2026-12 LaunchLab transactions are ingested, one of them without its token
 * balances (so neither its token's nor its xStock quote's decimals are known): the job names the three
 * tokens first seen through a trade (Token-2022 metadata extension; Metaplex metadata account), reads their
 * decimals, token program and the quote's decimals, fills the trade stored without normalised amounts and
 * marks its candle bucket, retries a mint it could not read after a back-off, never re-reads a complete
 * token, survives a 429 and an RPC that fails or never answers; the social job then finds the uri. Last, the
 * service runs the job on its own (app.ts wiring) while ingesting.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { createTokenMetadataRun, scaledTrade } from '../../../src/analytics/jobs/token-metadata-job.js';
import { createAccountsReader } from '../../../src/analytics/jobs/token-metadata-rpc.js';
import { metaplexMetadataAddress, METAPLEX_METADATA_PROGRAM_ID } from '../../../src/analytics/tokens/metaplex-metadata.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { tokenIdOf } from '../../../src/pipeline/ids.js';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { listSocialCandidates } from '../../../src/postgres/social-repository.js';
import { createRpcClient } from '../../../src/rpc/rpc-client.js';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { createArraySource, transactionItems } from '../../helpers/array-source.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { FIXTURE_LIST, fixturePath, relativeFixturePath } from '../../helpers/fixture-signatures.js';
import { realTransactionsMissingReason } from '../../helpers/fixtures.js';
import { startRpcServer, type RpcServer } from '../../helpers/rpc-server.js';
import { metaplexMetadataAccount, mintAccount, token2022MetadataTlv } from '../../helpers/token-metadata-accounts.js';

const entries = FIXTURE_LIST.transactions.filter((t) => t.path.startsWith('2026-12/transactions/launchpad/'));
const missing = realTransactionsMissingReason(...entries.map(relativeFixturePath));
if (missing !== null) console.warn(missing);

const REWARD_COIN = 'WMgdN6XrdDxSamrZrKfEY6xe6QWD5bb9RaDuAbtwFPt';
const XSTOCK = 'Xs3oZwbHvqis4NYcf4YKWmEia2eC84wSiVrcYcTqpH8';
const STANDARD_COIN = '5cHHA3idGG1e7X1oMVuxTq2u8jWoY65iHvAC4Tc4H2ya';
const UNREAD_COIN = 'KUCxmmJJYmnzTbKWiXhauwxoa81Z38tC7FJtqti6Bhz';
const REWARD_TEXTS = { name: 'Reward Coin', symbol: 'RWD', uri: 'https://example.invalid/rwd.json' };
const STANDARD_TEXTS = { name: 'Standard Coin', symbol: 'STD', uri: 'ipfs://bafystandard' };
/** The block time of the transactions (2026-10-04): "now" for the runs, so the tokens count as active. */
const NOW = new Date(1_791_112_700 * 1000);
const ZERO = () => 0;

function loadTransactions(): ChainTransaction[] {
  return entries.flatMap((e) => readTransactionsFromText(readFileSync(fixturePath(e), 'utf8')).flatMap((r) => (r.ok ? [r.tx] : [])))
    // Without its token balances no transaction states the reward coin's or the xStock's decimals.
    .map((tx) => (tx.signature.startsWith('dLsN') ? { ...tx, preTokenBalances: [], postTokenBalances: [] } : tx));
}

describe.skipIf(missing !== null)('token-metadata job', () => {
  let database: TestDatabase;
  let pool: PgPool;
  let db: pg.Client;
  let rpc: RpcServer;
  let txs: ChainTransaction[];

  async function ingest(databaseUrl: string, overrides: Record<string, string> = {}, jobs = false): Promise<void> {
    const config = testConfig({ DATABASE_URL: databaseUrl, ...overrides });
    const app = await startApp({ config, logger: testLogger(), databaseUrl, createSource: createArraySource(transactionItems(txs)), http: false, jobs });
    await app.done;
    await app.stop();
  }

  const token = async (mint: string) => (await db.query(`
    select name, symbol, decimals, quote_decimals, token_program, metadata from tokens where mint_address = $1`, [mint])).rows[0];
  const reads = async () => (await db.query(`select k.mint_address, r.outcome, r.source, r.attempts, r.last_error, r.next_attempt_at is not null as retries
    from token_metadata_reads r join tokens k on k.id = r.token_id order by k.mint_address collate "C"`)).rows;
  const runWith = (rpcUrl: string, options: { timeoutMs?: number } = {}) => createTokenMetadataRun({
    db: pool, reader: createAccountsReader({ rpc: createRpcClient({ rpcUrl, requestsPerSecond: 1_000 }), timeoutMs: options.timeoutMs ?? 2_000, backoffMs: 5 }),
    maxTokensPerRun: 100, retryMaxMs: 3_600_000, random: ZERO,
  });

  beforeAll(async () => {
    txs = loadTransactions();
    database = await createMigratedDatabase('token_metadata_job');
    pool = createPgPool({ connectionString: database.url, max: 4 });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    rpc = await startRpcServer();
    rpc.setAccount(REWARD_COIN, { owner: TOKEN_2022_PROGRAM_ID, data: mintAccount(6, token2022MetadataTlv(REWARD_COIN, REWARD_TEXTS)) });
    rpc.setAccount(XSTOCK, { owner: TOKEN_2022_PROGRAM_ID, data: mintAccount(8) });
    rpc.setAccount(STANDARD_COIN, { owner: TOKEN_PROGRAM_ID, data: mintAccount(6) });
    rpc.setAccount(metaplexMetadataAddress(STANDARD_COIN), { owner: METAPLEX_METADATA_PROGRAM_ID, data: metaplexMetadataAccount(STANDARD_COIN, STANDARD_TEXTS) });
    rpc.setContextSlot(453_240_700);
    await ingest(database.url);
  }, 120_000);

  afterAll(async () => {
    await rpc?.close();
    await db?.end();
    await pool?.end();
    await database?.drop();
  });

  it('finds the trade stored without decimals: raw amounts only, nothing assumed', async () => {
    expect(await token(REWARD_COIN)).toEqual({ name: null, symbol: null, decimals: null, quote_decimals: null, token_program: null, metadata: null });
    const { rows } = await db.query(`select amount_in::text, amount_in_decimals, amount_out::text, amount_out_decimals, sol_amount, token_amount, price_quote_per_token from transactions where signature like 'dLsN%'`);
    expect(rows).toEqual([{ amount_in: '500440085', amount_in_decimals: null, amount_out: '177717073934162', amount_out_decimals: null, sol_amount: null, token_amount: null, price_quote_per_token: null }]);
  });

  it('survives a 429 (the rate limiter waits it out) and names, completes and fills in one run', async () => {
    await db.query('delete from candle_dirty_buckets');
    rpc.rateLimitNext(1, 0);
    const result = await runWith(rpc.url).run(NOW);
    expect(result).toEqual({ candidates: 3, named: 2, complete: 2, failed: 0, tradesFilled: 1 });
    // One call for the three mints and the xStock, one for the Metaplex PDA of the SPL mint; the 429 retried.
    expect(rpc.requestCounts.get('getMultipleAccounts')).toBe(3);
    expect(await token(REWARD_COIN)).toEqual({ ...REWARD_TEXTS, uri: undefined, decimals: 6, quote_decimals: 8, token_program: TOKEN_2022_PROGRAM_ID, metadata: { uri: REWARD_TEXTS.uri, metadataSource: 'token_2022' } });
    expect(await token(STANDARD_COIN)).toEqual({ name: STANDARD_TEXTS.name, symbol: STANDARD_TEXTS.symbol, decimals: 6, quote_decimals: 9, token_program: TOKEN_PROGRAM_ID, metadata: { uri: STANDARD_TEXTS.uri, metadataSource: 'metaplex' } });
    expect(await reads()).toEqual([
      { mint_address: STANDARD_COIN, outcome: 'complete', source: 'metaplex', attempts: 1, last_error: null, retries: false },
      { mint_address: UNREAD_COIN, outcome: 'incomplete', source: null, attempts: 1, last_error: 'mint account not found', retries: true },
      { mint_address: REWARD_COIN, outcome: 'complete', source: 'token_2022', attempts: 1, last_error: null, retries: false },
    ]);
    const { rows: trades } = await db.query(`select amount_in_decimals, amount_out_decimals, sol_amount::text, token_amount::text, price_quote_per_token::text from transactions where signature like 'dLsN%'`);
    expect(trades).toEqual([{ amount_in_decimals: 8, amount_out_decimals: 6, sol_amount: '5.00440085', token_amount: '177717073.934162', price_quote_per_token: scaledTrade({ signature: '', ixIndex: 0, innerIxIndex: 0, blockTime: NOW, tokenId: '', type: 'buy', amountIn: 500_440_085n, amountOut: 177_717_073_934_162n, success: true, decimals: 6, quoteDecimals: 8 }).priceQuotePerToken }]);
    const { rows: marks } = await db.query('select token_id, bucket from candle_dirty_buckets');
    expect(marks).toEqual([{ token_id: tokenIdOf(REWARD_COIN), bucket: new Date(Math.floor(1_791_112_668 / 60) * 60_000) }]);
  });

  it('lets the social job read the uri of a token first seen through a trade', async () => {
    const candidates = await listSocialCandidates(pool, NOW, 60);
    expect(candidates).toEqual(expect.arrayContaining([{ tokenId: tokenIdOf(REWARD_COIN), uri: REWARD_TEXTS.uri }, { tokenId: tokenIdOf(STANDARD_COIN), uri: STANDARD_TEXTS.uri }]));
  });

  it('retries a mint it could not read only after its back-off, and never reads a complete token again', async () => {
    const before = rpc.totalRequests;
    expect(await runWith(rpc.url).run(new Date(NOW.getTime() + 1_000))).toEqual({ candidates: 0, named: 0, complete: 0, failed: 0, tradesFilled: 0 });
    expect(rpc.totalRequests).toBe(before);
    rpc.setAccount(UNREAD_COIN, { owner: TOKEN_2022_PROGRAM_ID, data: mintAccount(6, token2022MetadataTlv(UNREAD_COIN, { name: 'Late', symbol: 'LATE', uri: 'https://example.invalid/late.json' })) });
    // The first retry waits half to all of a minute (random = 0 takes the half).
    expect(await runWith(rpc.url).run(new Date(NOW.getTime() + 31_000))).toMatchObject({ candidates: 1, named: 1, complete: 1 });
    expect(await token(UNREAD_COIN)).toMatchObject({ name: 'Late', symbol: 'LATE', decimals: 6, token_program: TOKEN_2022_PROGRAM_ID });
    expect((await reads()).find((r) => r.mint_address === UNREAD_COIN)).toMatchObject({ outcome: 'complete', attempts: 2, last_error: null });
  });

  it('records a failing or silent RPC as failed for each token, and tries again later', async () => {
    const id = tokenIdOf(UNREAD_COIN);
    await db.query(`update tokens set name = null where id = $1`, [id]);
    await db.query(`update token_metadata_reads set outcome = 'incomplete', next_attempt_at = $2 where token_id = $1`, [id, NOW]);
    rpc.disableMethod('getMultipleAccounts');
    expect(await runWith(rpc.url).run(new Date(NOW.getTime() + 120_000))).toMatchObject({ candidates: 1, failed: 1 });
    const failed = (await reads()).find((r) => r.mint_address === UNREAD_COIN);
    expect(failed).toMatchObject({ outcome: 'failed', attempts: 3, retries: true });
    expect(failed.last_error).toMatch(/^rpc: getMultipleAccounts: Method not found/);
    // An RPC that never answers: each call times out, the run still ends and records the failure.
    const silent = { callRaw: () => new Promise<unknown>(() => undefined) };
    const run = createTokenMetadataRun({ db: pool, reader: createAccountsReader({ rpc: silent, timeoutMs: 50, backoffMs: 5 }), maxTokensPerRun: 10, retryMaxMs: 3_600_000, random: ZERO });
    const started = Date.now();
    expect(await run.run(new Date(NOW.getTime() + 86_400_000))).toMatchObject({ candidates: 1, failed: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('runs inside the service beside ingestion (app.ts): trade-discovered tokens get their names while trades are stored', async () => {
    const second = await createMigratedDatabase('token_metadata_app');
    const served = await startRpcServer();
    try {
      served.setAccount(REWARD_COIN, { owner: TOKEN_2022_PROGRAM_ID, data: mintAccount(6, token2022MetadataTlv(REWARD_COIN, REWARD_TEXTS)) });
      const config = { RPC_URL: served.url, TOKEN_METADATA_INTERVAL_MS: '1000', INTELLIGENCE_ENABLED: 'false', HOLDERS_ENABLED: 'false' };
      const app = await startApp({ config: testConfig({ DATABASE_URL: second.url, ...config }), logger: testLogger(), databaseUrl: second.url, createSource: createArraySource(transactionItems(txs)), http: false });
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      try {
        await app.done;
        const deadline = Date.now() + 15_000;
        let named: string | null = null;
        while (named === null && Date.now() < deadline) {
          named = (await client.query('select name from tokens where mint_address = $1', [REWARD_COIN])).rows[0]?.name ?? null;
          if (named === null) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(named).toBe(REWARD_TEXTS.name);
        expect((await client.query('select count(*)::int as n from transactions')).rows[0].n).toBe(5);
      } finally {
        await client.end();
        await app.stop();
      }
    } finally {
      await served.close();
      await second.drop();
    }
  }, 60_000);
});
