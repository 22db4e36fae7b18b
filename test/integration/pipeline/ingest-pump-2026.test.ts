/**
 * The Pump.fun facts of 2026 through the whole app into a fresh PostgreSQL database, as rows:
 * - the real pump transactions of ../shared/fixtures/2026-12 (holder rewards, creator_fee_unclaimed, the
 *   2026-09 CreateEvent fields, a migrate_v2), exactly the rows they imply;
 * - transactions built from the 2026-10 layouts, which no real capture has (MANIFEST "2026-12"): a token
 *   first seen through a v3 buy (with a kept fee), a curve hop whose curve is derived from its mint, a
 *   completing buy with its PostCompleteBuyEvent, a creator-fee sweep, a coin created, taken over
 *   (admin_cto), given a creator again (set_creator) and its mayhem reserves reset;
 * and a second replay of all of them changes nothing.
 */
import { readFileSync } from 'node:fs';
import { PublicKey } from '@solana/web3.js';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import type { ChainTokenBalance, ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { PUMPFUN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { poolIdOf, tokenIdOf } from '../../../src/pipeline/ids.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { readTransactionsFromText } from '../../../src/stream/normalize/read-input.js';
import { createArraySource, transactionItems } from '../../helpers/array-source.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { FIXTURE_LIST, fixturePath, relativeFixturePath } from '../../helpers/fixture-signatures.js';
import { realTransactionsMissingReason } from '../../helpers/fixtures.js';
import { INGESTION_TABLES, snapshotTables } from '../../helpers/table-snapshot.js';
import { anchorDiscriminator, buildTransaction, key } from '../../unit/decoders/transaction-builder.js';

const entries = FIXTURE_LIST.transactions.filter((t) => t.path.startsWith('2026-12/transactions/pump/'));
const missing = realTransactionsMissingReason(...entries.map(relativeFixturePath));
if (missing !== null) console.warn(missing);

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PREFIX = `test:ingest-pump-2026:${process.pid}:`;
const WSOL = 'So11111111111111111111111111111111111111112';
const KEPT = '11111111111111111111111111111111';
const T0 = 1_791_600_000;

// The built scenario's keys.
const V3_MINT = key('v3-mint');
const V3_CURVE = key('v3-curve');
const BUYER = key('buyer');
const LATE_BUYER = key('late-buyer');
const HOP_MINT = key('hop-mint');
const HOP_CURVE = PublicKey.findProgramAddressSync([Buffer.from('bonding-curve'), new PublicKey(HOP_MINT).toBytes()], new PublicKey(PUMPFUN_PROGRAM_ID))[0].toBase58();
const CTO_MINT = key('cto-mint');
const CTO_CURVE = key('cto-curve');
const [CREATOR_A, CREATOR_B, CREATOR_C] = [key('creator-a'), key('creator-b'), key('creator-c')];

const ix = (name: string, args: (w: BorshWriter) => BorshWriter = (w) => w) => args(new BorshWriter().bytes(anchorDiscriminator('global', name))).finish();
const event = (name: string) => new BorshWriter().bytes(anchorDiscriminator('event', name));
const v3Accounts = (mint: string, curve: string, user: string) => ['global', mint, WSOL, 'btp', 'qtp', curve, 'abbc', 'aqbc', user, 'abu', 'aqu', 'uva', 'fc', 'bb', 'sys', 'ea', 'prog']
  .map((a) => (a.length < 8 ? key(a) : a));

interface Trade { mint: string; user: string; sol: bigint; tokens: bigint; vSol: bigint; vTok: bigint; rSol: bigint; rTok: bigint; fee: bigint; creatorFee: bigint; unclaimed: bigint; ixName: string }

/** TradeEvent v9 (pump-sdk 2.0.0 order + creator_fee_unclaimed), fee kept on the curve (all-ones recipient). */
function tradeEvent(t: Trade): Uint8Array {
  return event('TradeEvent').pubkey(t.mint).u64(t.sol).u64(t.tokens).bool(true).pubkey(t.user).i64(BigInt(T0))
    .u64(t.vSol).u64(t.vTok).u64(t.rSol).u64(t.rTok).pubkey(KEPT).u64(95n).u64(t.fee).pubkey(CREATOR_A).u64(30n).u64(t.creatorFee)
    .bool(false).u64(0n).u64(0n).u64(0n).i64(0n).string(t.ixName).bool(false).u64(0n).u64(0n).u64(5000n).u64(t.fee / 2n)
    .u32(0).pubkey(KEPT).u64(t.sol).u64(t.vSol).u64(t.rSol).u64(0n).u64(0n).u64(t.unclaimed).finish();
}

function tokenBalance(mint: string, owner: string, amount: bigint, accountIndex: number): ChainTokenBalance {
  return { accountIndex, account: key(`ata-${owner}-${mint}`), mint, owner, programId: null, amount, decimals: 6 };
}

/** A successful pump transaction: one instruction, its events as self-CPIs and log lines, at (slot, time). */
function pumpTx(label: string, slot: number, ixData: Uint8Array, accounts: string[], payloads: Uint8Array[], balances: ChainTokenBalance[] = []): ChainTransaction {
  const tx = buildTransaction({ programId: PUMPFUN_PROGRAM_ID, ixData, accounts, events: payloads, withLogs: true });
  return { ...tx, signature: key(`sig-${label}`), slot: BigInt(slot), txIndex: 0, blockTime: T0 + (slot - 900), postTokenBalances: balances };
}

function builtTransactions(): ChainTransaction[] {
  const first: Trade = { mint: V3_MINT, user: BUYER, sol: 1_000_000_000n, tokens: 30_000_000_000_000n, vSol: 31_000_000_000n, vTok: 1_043_000_000_000_000n, rSol: 1_000_000_000n, rTok: 763_100_000_000_000n, fee: 9_500_000n, creatorFee: 3_000_000n, unclaimed: 3_000_000n, ixName: 'buy_v3' };
  const completing: Trade = { mint: V3_MINT, user: LATE_BUYER, sol: 84_000_000_000n, tokens: 763_100_000_000_000n, vSol: 115_000_000_000n, vTok: 279_900_000_000_000n, rSol: 85_000_000_000n, rTok: 0n, fee: 798_000_000n, creatorFee: 252_000_000n, unclaimed: 255_000_000n, ixName: 'buy_v3' };
  const complete = event('CompleteEvent').pubkey(LATE_BUYER).pubkey(V3_MINT).pubkey(V3_CURVE).i64(BigInt(T0)).pubkey(KEPT).finish();
  const postComplete = event('PostCompleteBuyEvent').pubkey(LATE_BUYER).pubkey(V3_MINT).pubkey(V3_CURVE).pubkey(KEPT).i64(BigInt(T0))
    .u64(2_000_000_000_000n).u64(1_000_000_000n).u64(95n).u64(9_500_000n).u64(30n).u64(3_000_000n).u64(4_750_000n)
    .u64(206_900_000_000_000n).u64(85_000_000_000n).u64(204_900_000_000_000n).u64(86_000_000_000n).finish();
  const sweep = event('SweepBondingCurveFeeEvent').i64(BigInt(T0)).pubkey(V3_MINT).pubkey(V3_CURVE).pubkey(KEPT).pubkey(CREATOR_A).u64(258_000_000n).u8(1).finish();
  const hop: Trade = { mint: HOP_MINT, user: BUYER, sol: 500_000_000n, tokens: 17_000_000_000_000n, vSol: 30_500_000_000n, vTok: 1_056_000_000_000_000n, rSol: 500_000_000n, rTok: 776_100_000_000_000n, fee: 4_750_000n, creatorFee: 1_500_000n, unclaimed: 1_500_000n, ixName: 'multi_hop_swap' };
  const create = event('CreateEvent').string('Takeover').string('CTO').string('https://cto').pubkey(CTO_MINT).pubkey(CTO_CURVE).pubkey(CREATOR_A).pubkey(CREATOR_A)
    .i64(BigInt(T0)).u64(1_073_000_000_000_000n).u64(30_000_000_000n).u64(793_100_000_000_000n).u64(1_000_000_000_000_000n)
    .pubkey('TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb').bool(true).bool(false).pubkey(KEPT).u64(30_000_000_000n).u64(0n).bool(true).u8(0).finish();
  const cto = event('AdminCtoEvent').i64(BigInt(T0)).pubkey(key('admin')).pubkey(CTO_MINT).pubkey(CTO_CURVE).pubkey(CREATOR_A).pubkey(CREATOR_B)
    .bool(true).bool(false).u64(30n).u64(50n).bool(false).u64(0n).bool(false).finish();
  const setCreator = event('SetCreatorEvent').i64(BigInt(T0)).pubkey(CTO_MINT).pubkey(CTO_CURVE).pubkey(CREATOR_C).finish();
  const reset = event('UpdateMayhemVirtualParamsEvent').i64(BigInt(T0)).pubkey(CTO_MINT).u64(1_073_000_000_000_000n).u64(30_000_000_000n)
    .u64(1_200_000_000_000_000n).u64(25_000_000_000n).u64(700_000_000_000_000n).u64(3_000_000_000n).finish();
  const createAccounts = [CTO_MINT, key('ma'), CTO_CURVE, key('abc'), key('global'), key('mpl'), key('meta'), CREATOR_A];
  return [
    pumpTx('v3-first', 1000, ix('buy_v3', (w) => w.u64(first.tokens).u64(2_000_000_000n)), v3Accounts(V3_MINT, V3_CURVE, BUYER), [tradeEvent(first)], [tokenBalance(V3_MINT, BUYER, first.tokens, 9)]),
    pumpTx('hop', 1001, ix('multi_hop_curve_swap'), [key('hop-a')], [tradeEvent(hop)], [tokenBalance(HOP_MINT, BUYER, hop.tokens, 1)]),
    pumpTx('completing', 1002, ix('buy_v3', (w) => w.u64(completing.tokens).u64(90_000_000_000n).bool(true)), v3Accounts(V3_MINT, V3_CURVE, LATE_BUYER),
      [tradeEvent(completing), complete, postComplete], [tokenBalance(V3_MINT, LATE_BUYER, 765_100_000_000_000n, 9)]),
    pumpTx('sweep', 1003, ix('sweep_creator_fee'), [key('sweep-a')], [sweep]),
    pumpTx('create', 1004, ix('create_v2', (w) => w.string('Takeover').string('CTO').string('https://cto').pubkey(CREATOR_A).bool(true)), createAccounts, [create]),
    pumpTx('cto', 1005, ix('admin_cto', (w) => w.u8(1).bool(true).u8(1).u64(50n).u8(1).pubkey(CREATOR_B)), [key('admin')], [cto]),
    pumpTx('set-creator', 1006, ix('set_creator', (w) => w.pubkey(CREATOR_C)), [key('sca')], [setCreator]),
    pumpTx('mayhem-reset', 1007, ix('set_mayhem_virtual_params'), [key('sva'), key('mtv'), CTO_MINT, key('global'), CTO_CURVE, key('tp'), key('ea'), PUMPFUN_PROGRAM_ID], [reset]),
  ];
}

function realTransactions(): ChainTransaction[] {
  return entries.map((entry) => {
    const [result] = readTransactionsFromText(readFileSync(fixturePath(entry), 'utf8'));
    if (result === undefined || !result.ok) throw new Error(`${entry.path}: not read`);
    return result.tx;
  });
}

const TABLES = [...INGESTION_TABLES, 'fee_payouts', 'token_creator_changes', 'holder_balances'];

describe.skipIf(missing !== null)('ingesting the Pump.fun transactions of 2026', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let redis: Redis;
  const txs: ChainTransaction[] = [];

  async function ingest(): Promise<void> {
    const config = testConfig({ DATABASE_URL: database.url, REDIS_URL, REDIS_KEY_PREFIX: PREFIX });
    const app = await startApp({ config, logger: testLogger(), databaseUrl: database.url, createSource: createArraySource(transactionItems(txs)), http: false, jobs: false });
    await app.done;
    await app.stop();
  }

  beforeAll(async () => {
    database = await createMigratedDatabase('ingest_pump_2026');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    redis = new Redis(REDIS_URL);
    txs.push(...realTransactions(), ...builtTransactions());
    await ingest();
  }, 120_000);

  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.end();
    await database?.drop();
  });

  const tradesOf = async (mint: string) => (await db.query('select * from transactions where token_id = $1 order by slot, ix_index', [tokenIdOf(mint)])).rows;

  it('stores each real trade once (4RUXQ comes in two encodings) with holder rewards and creator_fee_unclaimed, nothing quarantined', async () => {
    const { rows: count } = await db.query(`select count(*)::int as n, count(distinct signature)::int as sigs from transactions where signature = any($1)`, [entries.map((e) => e.signature)]);
    expect(count[0]).toEqual({ n: 5, sigs: 5 });
    const { rows: [holder] } = await db.query(`select * from transactions where signature like '4RUXQBSXzATG%'`);
    expect(holder).toMatchObject({
      type: 'buy', user_address: 'J9TYAsWWidbrcZybmLSfrLzryANf4CgJBLdvwdGuC8MB', quote_mint: WSOL, amount_in: '97777777', amount_out: '665934640579',
      protocol_fee: '928889', creator_fee: '293334', holder_rewards: '293334', creator_fee_unclaimed: '501663', raw_data: null, success: true,
      pool_id: poolIdOf('9VUPe3Km58a2oQKg2ZiXfvsPZpHcWzW5xv8cc9mAsvkM'),
    });
    const { rows: older } = await db.query(`select holder_rewards, creator_fee_unclaimed from transactions where signature like '65GCZZ3gmd2J%'`);
    expect(older).toEqual([{ holder_rewards: null, creator_fee_unclaimed: null }]);
    const { rows: quarantine } = await db.query(`select reason from quarantine`);
    expect(quarantine.filter((q) => /pump|pool address/i.test(q.reason as string))).toEqual([]);
  });

  it('keeps the 2026-09 CreateEvent fields on the token: the mayhem create of 4Qg8 (creator fee 0, no holder rewards)', async () => {
    const { rows: [token] } = await db.query('select * from tokens where mint_address = $1', ['PuuQ746gUr4mUkMzZhaYkgQomxQNpVgQfdEmZUVpump']);
    expect(token.metadata).toMatchObject({ layout: 'pump.CreateEvent.v6', isMayhemMode: true, isCashbackEnabled: false, creatorFeeBps: '0', isHolderReward: false, depth: null });
    expect(token).toMatchObject({ discovery_source: 'create_event', creator_address: '5htnuQWt3QynwBsbgPtaVQc8GKtgrdhxVK9cAYrfHQ44' });
  });

  it('graduates the migrate_v2 token', async () => {
    const { rows: [token] } = await db.query('select is_graduated, graduation_signature from tokens where mint_address = $1', ['BB5DMEmCSC2nH2nJNdcsxKPQcU6UWHDQF2mDKiJkh5xp']);
    expect(token.is_graduated).toBe(true);
    expect(token.graduation_signature).toMatch(/^3gsRn6ZLtwFj/);
  });

  it('a token first seen through a v3 buy gets its curve from account 5 and its trade, the kept fee stays the fee', async () => {
    const { rows: [token] } = await db.query('select * from tokens where mint_address = $1', [V3_MINT]);
    expect(token).toMatchObject({ discovery_source: 'trade', bonding_curve_address: V3_CURVE });
    const [first] = await tradesOf(V3_MINT);
    expect(first).toMatchObject({ signature: key('sig-v3-first'), user_address: BUYER, amount_in: '1000000000', amount_out: '30000000000000', protocol_fee: '9500000', creator_fee: '3000000', creator_fee_unclaimed: '3000000', pool_id: poolIdOf(V3_CURVE) });
  });

  it('a curve hop under multi_hop_curve_swap is stored on the curve derived from its mint', async () => {
    const trades = await tradesOf(HOP_MINT);
    expect(trades.map((t) => [t.pool_id, t.amount_in])).toEqual([[poolIdOf(HOP_CURVE), '500000000']]);
    const { rows: [token] } = await db.query('select bonding_curve_address from tokens where mint_address = $1', [HOP_MINT]);
    expect(token.bonding_curve_address).toBe(HOP_CURVE);
  });

  it('the completing buy is one row with the TradeEvent plus the PostCompleteBuyEvent; candles, holder balance and graduation count it once', async () => {
    const trades = await tradesOf(V3_MINT);
    expect(trades).toHaveLength(2);
    const completing = trades[1];
    expect(completing).toMatchObject({
      signature: key('sig-completing'), user_address: LATE_BUYER, amount_in: String(84_000_000_000n + 1_000_000_000n), amount_out: String(763_100_000_000_000n + 2_000_000_000_000n),
      sol_amount: '85', token_amount: '765100000', protocol_fee: String(798_000_000n + 9_500_000n), creator_fee: String(252_000_000n + 3_000_000n),
      real_token_reserves: '0', creator_fee_unclaimed: '255000000',
    });
    expect(completing.raw_data.postCompleteBuy).toMatchObject({ curve: { quote: '84000000000', tokens: '763100000000000' }, pool: { quote: '1000000000', tokens: '2000000000000', baseReservesAfter: '204900000000000' } });
    const { rows: candles } = await db.query('select sum(volume_sol)::text as sol, sum(volume_token)::text as tokens, sum(trade_count)::int as n from price_candles_1m where token_id = $1', [tokenIdOf(V3_MINT)]);
    expect(candles[0]).toEqual({ sol: '86', tokens: '795100000', n: 2 });
    const { rows: balances } = await db.query('select owner, balance from holder_balances where token_id = $1 order by owner', [tokenIdOf(V3_MINT)]);
    expect(Object.fromEntries(balances.map((b) => [b.owner, b.balance]))).toEqual({ [BUYER]: '30000000000000', [LATE_BUYER]: '765100000000000' });
    const { rows: [token] } = await db.query('select is_graduated, graduation_signature from tokens where mint_address = $1', [V3_MINT]);
    expect(token).toEqual({ is_graduated: true, graduation_signature: key('sig-completing') });
    const { rows: [curve] } = await db.query('select status, bonding_curve_progress from pools where pool_address = $1', [V3_CURVE]);
    expect([curve.status, Number(curve.bonding_curve_progress)]).toEqual(['complete', 100]);
  });

  it('the sweep is a fee payout, never a trade fee: the trades keep the fees they charged', async () => {
    const { rows } = await db.query('select * from fee_payouts');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ signature: key('sig-sweep'), token_id: tokenIdOf(V3_MINT), pool_id: poolIdOf(V3_CURVE), venue_address: V3_CURVE, program: 'pumpfun', quote_mint: WSOL, recipient: CREATOR_A, amount: '258000000', bucket: 'creator' });
    const { rows: fees } = await db.query('select sum(creator_fee)::text as creator, sum(protocol_fee)::text as protocol from transactions where token_id = $1', [tokenIdOf(V3_MINT)]);
    expect(fees[0]).toEqual({ creator: String(3_000_000n + 255_000_000n), protocol: String(9_500_000n + 807_500_000n) });
    const { rows: sweepTrades } = await db.query('select count(*)::int as n from transactions where signature = $1', [key('sig-sweep')]);
    expect(sweepTrades[0].n).toBe(0);
  });

  it('admin_cto then set_creator: tokens.creator_address follows, every earlier creator stays in token_creator_changes', async () => {
    const { rows: [token] } = await db.query('select creator_address, metadata from tokens where mint_address = $1', [CTO_MINT]);
    expect(token.creator_address).toBe(CREATOR_C);
    expect(token.metadata).toMatchObject({ layout: 'pump.CreateEvent.v7', isHolderReward: true, creatorFeeBps: '0', depth: 0 });
    const { rows } = await db.query('select change_source, old_creator, new_creator, authority, details from token_creator_changes where token_id = $1 order by slot', [tokenIdOf(CTO_MINT)]);
    expect(rows).toEqual([
      { change_source: 'admin_cto', old_creator: CREATOR_A, new_creator: CREATOR_B, authority: key('admin'), details: { isHolderReward: true, oldCreatorFeeBps: '30', newCreatorFeeBps: '50' } },
      { change_source: 'set_creator', old_creator: CREATOR_B, new_creator: CREATOR_C, authority: null, details: null },
    ]);
  });

  it('a mayhem reset moves the curve to the new virtual reserves; progress is what the live real reserves say', async () => {
    const { rows: [curve] } = await db.query('select * from pools where pool_address = $1', [CTO_CURVE]);
    expect(curve).toMatchObject({ virtual_token_reserves: '1200000000000000', virtual_sol_reserves: '25000000000', real_token_reserves: '700000000000000', real_sol_reserves: '3000000000', status: 'active' });
    // (793.1 M for sale at its create - 700 M left) / 793.1 M; from the virtual reserves it would read below 0.
    expect(curve.bonding_curve_progress).toBe('11.73');
  });

  it('replaying everything changes nothing', async () => {
    const before = await snapshotTables(db, TABLES);
    await ingest();
    expect(await snapshotTables(db, TABLES)).toEqual(before);
  }, 120_000);
});
