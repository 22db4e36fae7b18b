/**
 * The LaunchLab transactions of 2026-12 (../shared/fixtures/2026-12/transactions/launchpad, or their fetched
 * copy) through the whole app into a fresh PostgreSQL database: exactly the tokens, pools and trades they
 * imply, with the launchpad brand from the platform_config, any quote mint (SOL, an xStock with 8 decimals,
 * ORE with 11, a liquid-staking SOL) with its decimals from the transaction's token balances and never
 * assumed, sol_amount in whole units of that quote, and a second replay that changes nothing.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { tokenIdOf } from '../../../src/pipeline/ids.js';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { createArraySource, transactionItems } from '../../helpers/array-source.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { FIXTURE_LIST, fixturePath, relativeFixturePath } from '../../helpers/fixture-signatures.js';
import { realTransactionsMissingReason } from '../../helpers/fixtures.js';
import { snapshotTables } from '../../helpers/table-snapshot.js';

const entries = FIXTURE_LIST.transactions.filter((t) => t.path.startsWith('2026-12/transactions/launchpad/'));
const missing = realTransactionsMissingReason(...entries.map(relativeFixturePath));
if (missing !== null) console.warn(missing);

const WSOL = 'So11111111111111111111111111111111111111112';
const TOKEN_2022 = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
const STANDARD = '4E876qZTE9FJMrBzgVtBrSrzz2TLivB5Y5QXPjB4gZL7';
const REWARD = '6BwHHDg3u1854jC8PDLXvR4spTcLNaoBxLJNGC4nTESt';

describe.skipIf(missing !== null)('ingesting the LaunchLab transactions of 2026-12', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let txs: ChainTransaction[];

  async function ingest(): Promise<void> {
    const config = testConfig({ DATABASE_URL: database.url });
    const app = await startApp({ config, logger: testLogger(), databaseUrl: database.url, createSource: createArraySource(transactionItems(txs)), http: false, jobs: false });
    await app.done;
    await app.stop();
  }

  beforeAll(async () => {
    database = await createMigratedDatabase('launchpad_2026');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    txs = entries.flatMap((e) => readTransactionsFromText(readFileSync(fixturePath(e), 'utf8')).flatMap((r) => (r.ok ? [r.tx] : [])));
    expect(txs).toHaveLength(5);
    await ingest();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('stores one token per launch: the two creates with their launch, the three traded tokens discovered, each with its brand', async () => {
    const { rows } = await db.query(`
      select mint_address, platform, discovery_source, name, symbol, decimals, quote_mint, quote_decimals, token_program,
        launchpad_platform_config, launchpad_brand, bonding_curve_address, creator_address, initial_supply::text,
        metadata->'transferFee' as transfer_fee, metadata->'vesting' as vesting, metadata->>'instruction' as instruction, metadata->>'ammFeeOn' as amm_fee_on
      from tokens order by mint_address collate "C"`);
    const created = { platform: 'raydium_launchpad', discovery_source: 'create_event', decimals: 6, token_program: TOKEN_2022, launchpad_platform_config: STANDARD, launchpad_brand: 'stonkfun', initial_supply: '1000000000000000', transfer_fee: null, vesting: { totalLockedAmount: '0', cliffPeriod: '0', unlockPeriod: '0' }, instruction: 'initialize_with_token_2022', amm_fee_on: 'quote_token' };
    const traded = { platform: 'raydium_launchpad', discovery_source: 'trade', name: null, symbol: null, decimals: 6, token_program: null, launchpad_brand: 'stonkfun', creator_address: null, initial_supply: null, transfer_fee: null, vesting: null, instruction: null, amm_fee_on: null };
    expect(rows).toEqual([
      { ...traded, mint_address: '5cHHA3idGG1e7X1oMVuxTq2u8jWoY65iHvAC4Tc4H2ya', quote_mint: WSOL, quote_decimals: 9, launchpad_platform_config: STANDARD, bonding_curve_address: 'Bqbokd7TQq1RJG9bMEaeg4rixd9tNgfCt4PfbcJjY7ce' },
      { ...created, mint_address: 'E3myentprJHSWdUvD4LDS3A48QMnUNQVUaHwSmDNsm7k', name: 'ORE Party', symbol: 'PARTY', quote_mint: 'oreoU2P8bN6jkk3jbaiVxYnG1dCXcYxwhwyK9jSybcp', quote_decimals: 11, bonding_curve_address: '8S5qhNkfYHmFzhxDQhSPRxBcKgGTEh3oytRi8YDiXgd4', creator_address: 'FkKXAcfrso5t53QVxnKzHQaypDpCc7jQF2qpZENhYz2A' },
      { ...created, mint_address: 'J2V7tRwJqwr9a1gpL3VMQRuJVbebcH2YbvNezfiMhGUr', name: 'SpaceXSI', symbol: 'XSI', quote_mint: WSOL, quote_decimals: 9, bonding_curve_address: 'DgFe7zmq6x3AvJCVVgEJKQ97D73MRfdchLyQMEGhi6eT', creator_address: '9ePSmJyUxsXcWcjxeUpqJSxq3R65MvuFuLPkSWvU43TX' },
      { ...traded, mint_address: 'KUCxmmJJYmnzTbKWiXhauwxoa81Z38tC7FJtqti6Bhz', quote_mint: 'pSo1f9nQXWgXibFtKf7NWYxb5enAM4qfP6UJSiXRQfL', quote_decimals: 9, launchpad_platform_config: REWARD, bonding_curve_address: 'HcB1nwuqh1csZRJaHPJbpByJ8v5CQcbfi2uVbZcXP5Kx' },
      { ...traded, mint_address: 'WMgdN6XrdDxSamrZrKfEY6xe6QWD5bb9RaDuAbtwFPt', quote_mint: 'Xs3oZwbHvqis4NYcf4YKWmEia2eC84wSiVrcYcTqpH8', quote_decimals: 8, launchpad_platform_config: REWARD, bonding_curve_address: '51K3CNZcHKyAENexuu45Qia7fFkW3g7dtatqj2dPF2kr' },
    ]);
  });

  it('stores exactly the five trades, amounts in whole units of each quote mint, with its decimals', async () => {
    const { rows } = await db.query(`
      select left(t.signature, 12) as sig, k.mint_address, t.type, t.quote_mint, t.amount_in::text, t.amount_in_decimals, t.amount_out::text,
        t.amount_out_decimals, t.sol_amount::text, t.token_amount::text, t.protocol_fee::text, t.platform_fee::text, t.creator_fee::text, t.share_fee::text, t.success
      from transactions t join tokens k on k.id = t.token_id order by t.slot, t.signature`);
    expect(rows).toEqual([
      { sig: '1DnjawZs8ATP', mint_address: 'KUCxmmJJYmnzTbKWiXhauwxoa81Z38tC7FJtqti6Bhz', type: 'sell', quote_mint: 'pSo1f9nQXWgXibFtKf7NWYxb5enAM4qfP6UJSiXRQfL', amount_in: '16853904100388', amount_in_decimals: 6, amount_out: '910038594', amount_out_decimals: 9, sol_amount: '0.910038594', token_amount: '16853904.100388', protocol_fee: '2303896', platform_fee: '9215580', creator_fee: '0', share_fee: '0', success: true },
      { sig: '2FFqEKPYpMQf', mint_address: 'J2V7tRwJqwr9a1gpL3VMQRuJVbebcH2YbvNezfiMhGUr', type: 'buy', quote_mint: WSOL, amount_in: '400000000', amount_in_decimals: 9, amount_out: '13944175703634', amount_out_decimals: 6, sol_amount: '0.4', token_amount: '13944175.703634', protocol_fee: '1000000', platform_fee: '4000000', creator_fee: '0', share_fee: '0', success: true },
      { sig: '4FqXvdwKnch1', mint_address: 'E3myentprJHSWdUvD4LDS3A48QMnUNQVUaHwSmDNsm7k', type: 'buy', quote_mint: 'oreoU2P8bN6jkk3jbaiVxYnG1dCXcYxwhwyK9jSybcp', amount_in: '140538414920', amount_in_decimals: 11, amount_out: '51890634335484', amount_out_decimals: 6, sol_amount: '1.4053841492', token_amount: '51890634.335484', protocol_fee: '351346038', platform_fee: '1405384149', creator_fee: '0', share_fee: '0', success: true },
      { sig: 'dLsNUswJ1kbz', mint_address: 'WMgdN6XrdDxSamrZrKfEY6xe6QWD5bb9RaDuAbtwFPt', type: 'buy', quote_mint: 'Xs3oZwbHvqis4NYcf4YKWmEia2eC84wSiVrcYcTqpH8', amount_in: '500440085', amount_in_decimals: 8, amount_out: '177717073934162', amount_out_decimals: 6, sol_amount: '5.00440085', token_amount: '177717073.934162', protocol_fee: '1251101', platform_fee: '5004401', creator_fee: '0', share_fee: '0', success: true },
      { sig: 'uzuSemMhJ5x9', mint_address: '5cHHA3idGG1e7X1oMVuxTq2u8jWoY65iHvAC4Tc4H2ya', type: 'sell', quote_mint: WSOL, amount_in: '11568986763999', amount_in_decimals: 6, amount_out: '1273240715', amount_out_decimals: 9, sol_amount: '1.273240715', token_amount: '11568986.763999', protocol_fee: '3223395', platform_fee: '12893577', creator_fee: '0', share_fee: '0', success: true },
    ]);
    const { rows: prices } = await db.query(`select left(signature, 12) as sig, price_quote_per_token::float8 as price from transactions order by slot`);
    for (const { sig, price } of prices) {
      const trade = rows.find((r) => r.sig === sig);
      expect(price).toBeCloseTo(Number(trade.sol_amount) / Number(trade.token_amount), 18);
    }
  });

  it('keeps each launch pool in quote units of its own quote mint', async () => {
    const { rows } = await db.query(`select pool_address, base_mint, quote_mint, platform, pool_type, real_sol_reserves::text, real_token_reserves::text, bonding_curve_progress::text from pools order by pool_address collate "C"`);
    expect(rows).toEqual([
      { pool_address: '51K3CNZcHKyAENexuu45Qia7fFkW3g7dtatqj2dPF2kr', base_mint: 'WMgdN6XrdDxSamrZrKfEY6xe6QWD5bb9RaDuAbtwFPt', quote_mint: 'Xs3oZwbHvqis4NYcf4YKWmEia2eC84wSiVrcYcTqpH8', platform: 'raydium_launchpad', pool_type: 'launchpad', real_sol_reserves: '513613649', real_token_reserves: '606929176229988', bonding_curve_progress: '23.47' },
      { pool_address: '8S5qhNkfYHmFzhxDQhSPRxBcKgGTEh3oytRi8YDiXgd4', base_mint: 'E3myentprJHSWdUvD4LDS3A48QMnUNQVUaHwSmDNsm7k', quote_mint: 'oreoU2P8bN6jkk3jbaiVxYnG1dCXcYxwhwyK9jSybcp', platform: 'raydium_launchpad', pool_type: 'launchpad', real_sol_reserves: '138781684733', real_token_reserves: '741209365664516', bonding_curve_progress: '6.54' },
      { pool_address: 'Bqbokd7TQq1RJG9bMEaeg4rixd9tNgfCt4PfbcJjY7ce', base_mint: '5cHHA3idGG1e7X1oMVuxTq2u8jWoY65iHvAC4Tc4H2ya', quote_mint: WSOL, platform: 'raydium_launchpad', pool_type: 'launchpad', real_sol_reserves: '29255739935', real_token_reserves: '263333497445833', bonding_curve_progress: '66.79' },
      { pool_address: 'DgFe7zmq6x3AvJCVVgEJKQ97D73MRfdchLyQMEGhi6eT', base_mint: 'J2V7tRwJqwr9a1gpL3VMQRuJVbebcH2YbvNezfiMhGUr', quote_mint: WSOL, platform: 'raydium_launchpad', pool_type: 'launchpad', real_sol_reserves: '395000000', real_token_reserves: '779155824296366', bonding_curve_progress: '1.75' },
      { pool_address: 'HcB1nwuqh1csZRJaHPJbpByJ8v5CQcbfi2uVbZcXP5Kx', base_mint: 'KUCxmmJJYmnzTbKWiXhauwxoa81Z38tC7FJtqti6Bhz', quote_mint: 'pSo1f9nQXWgXibFtKf7NWYxb5enAM4qfP6UJSiXRQfL', platform: 'raydium_launchpad', pool_type: 'launchpad', real_sol_reserves: '12242992613', real_token_reserves: '461528725354906', bonding_curve_progress: '41.80' },
    ]);
    const { rows: quarantine } = await db.query('select stage, reason from quarantine');
    expect(quarantine).toEqual([]);
    expect((await db.query('select count(*)::int as n from tokens where id = $1', [tokenIdOf('WMgdN6XrdDxSamrZrKfEY6xe6QWD5bb9RaDuAbtwFPt')])).rows[0].n).toBe(1);
  });

  it('replaying the same transactions changes nothing', async () => {
    const before = await snapshotTables(db);
    await ingest();
    expect(await snapshotTables(db)).toEqual(before);
  }, 120_000);
});
