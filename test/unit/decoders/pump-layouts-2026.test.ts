/**
 * The Pump.fun layouts of 2026, each built field by field in its IDL order (pump-sdk 2.0.0's pump.json for
 * the 2026-09 fields; TRADE_V3.md, SWEEP_FEES.md, SYNTHETIC_MIGRATION.md for 2026-10), decoded and compared
 * as whole events, with a payload one field short and one longer at every trailing-field boundary.
 */
import { PublicKey } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { readPumpInstructionArgs } from '../../../src/decoders/pumpfun/instruction-args.js';
import type { DecodedEvent, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { PUMPFUN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { anchorDiscriminator, buildTransaction, key } from './transaction-builder.js';

const WSOL = 'So11111111111111111111111111111111111111112';
const DEFAULT_KEY = '11111111111111111111111111111111';
const MINT = key('mint');
const USER = key('user');
const CURVE = key('curve');
const ix = (name: string, args: (w: BorshWriter) => BorshWriter = (w) => w) => args(new BorshWriter().bytes(anchorDiscriminator('global', name))).finish();
/** The 17 accounts of a v3 trade (TRADE_V3.md): bonding_curve at 5, user at 8. */
const V3_ACCOUNTS = ['global', 'base_mint', 'quote_mint', 'btp', 'qtp', 'bonding_curve', 'abbc', 'aqbc', 'user', 'abu', 'aqu', 'uva', 'fee_config', 'buyback', 'sys', 'ea', 'program']
  .map((n) => (n === 'base_mint' ? MINT : n === 'bonding_curve' ? CURVE : n === 'user' ? USER : n === 'quote_mint' ? WSOL : key(n)));

function decodeAll(ixName: string, accounts: string[], payloads: Uint8Array[], ixData?: Uint8Array): { events: DecodedEvent[]; quarantine: unknown[] } {
  const r = decodeTransaction(buildTransaction({ programId: PUMPFUN_PROGRAM_ID, ixData: ixData ?? ix(ixName, (w) => w.u64(1n).u64(2n)), accounts, events: payloads, withLogs: true }));
  return { events: r.events, quarantine: r.quarantine };
}

function decodeOne(ixName: string, accounts: string[], payload: Uint8Array): DecodedEvent {
  const r = decodeAll(ixName, accounts, [payload]);
  expect(r.quarantine).toEqual([]);
  expect(r.events).toHaveLength(1);
  return r.events[0] as DecodedEvent;
}

const envelope = (eventIndex = 0) => ({
  program: 'pumpfun', source: 'cpi', signature: key('sig'), slot: 1n, txIndex: 0, blockTime: 1_700_000_000, success: true, errorCode: null,
  position: { outerIndex: 0, innerIndex: null, eventIndex },
});

/** TradeEvent in the pump-sdk 2.0.0 field order (34 fields) plus creator_fee_unclaimed; `fields` stops early. */
function tradeEvent(fields: 32 | 34 | 35, ixName = 'buy_v3', feeRecipient = DEFAULT_KEY): Uint8Array {
  const w = new BorshWriter().bytes(anchorDiscriminator('event', 'TradeEvent'))
    .pubkey(MINT).u64(97_777_777n).u64(665_934_640_579n).bool(true).pubkey(USER).i64(1_791_420_246n)
    .u64(68_797_649_833n).u64(467_893_896_517_915n).u64(38_797_649_833n).u64(187_993_896_517_915n)
    .pubkey(feeRecipient).u64(95n).u64(928_889n).pubkey(key('creator')).u64(30n).u64(293_334n)
    .bool(false).u64(0n).u64(0n).u64(0n).i64(0n).string(ixName).bool(false).u64(0n).u64(0n).u64(5000n).u64(464_444n)
    .u32(0).pubkey(DEFAULT_KEY).u64(97_777_777n).u64(68_797_649_833n).u64(38_797_649_833n);
  if (fields >= 34) w.u64(30n).u64(293_334n);
  if (fields >= 35) w.u64(501_663n);
  return w.finish();
}

const tradeFields = (layout: string, more: Partial<TradeEvent> = {}): Record<string, unknown> => ({
  ...envelope(), kind: 'trade', layout, trailingBytes: 0, mint: MINT, user: USER, isBuy: true, solAmount: 97_777_777n,
  tokenAmount: 665_934_640_579n, quoteMint: WSOL, pool: CURVE, timestamp: 1_791_420_246n, virtualSolReserves: 68_797_649_833n,
  virtualTokenReserves: 467_893_896_517_915n, realSolReserves: 38_797_649_833n, realTokenReserves: 187_993_896_517_915n,
  fee: 928_889n, creatorFee: 293_334n, protocolFee: null, platformFee: null, shareFee: null, ixName: 'buy_v3', poolState: null,
  amountIn: null, amountOut: null, poolStatus: null,
  extra: {
    feeRecipient: DEFAULT_KEY, feeBasisPoints: '95', creator: key('creator'), creatorFeeBasisPoints: '30', trackVolume: false,
    mayhemMode: false, cashbackFeeBasisPoints: '0', cashback: '0', buybackFeeBasisPoints: '5000', buybackFee: '464444', shareholders: 0,
    quoteAmount: '97777777',
  },
  holderRewardsBps: null, holderRewards: null, creatorFeeUnclaimed: null, ...more,
});

describe('pump TradeEvent of 2026 (v8 holder rewards, v9 creator_fee_unclaimed), under a v3 trade', () => {
  it('reads v9 whole: holder rewards, creator_fee_unclaimed, the curve at account 5, and a kept fee (all-ones recipient) stays the fee', () => {
    expect(decodeOne('buy_v3', V3_ACCOUNTS, tradeEvent(35))).toStrictEqual(tradeFields('pump.TradeEvent.v9', { holderRewardsBps: 30n, holderRewards: 293_334n, creatorFeeUnclaimed: 501_663n }));
  });

  it('reads v8 (34 fields) and v7 (32 fields) with the later fields null', () => {
    expect(decodeOne('buy_v3', V3_ACCOUNTS, tradeEvent(34))).toStrictEqual(tradeFields('pump.TradeEvent.v8', { holderRewardsBps: 30n, holderRewards: 293_334n }));
    expect(decodeOne('buy_v3', V3_ACCOUNTS, tradeEvent(32))).toStrictEqual(tradeFields('pump.TradeEvent.v7'));
  });

  it('counts bytes at each boundary: v7 + 15 stays v7, v8 + 7 stays v8, v9 + 5 stays v9', () => {
    const plus = (p: Uint8Array, n: number) => Uint8Array.from([...p, ...Array.from({ length: n }, (_, i) => i + 1)]);
    const cases: Array<[Uint8Array, string, number]> = [
      [plus(tradeEvent(32), 15), 'pump.TradeEvent.v7', 15],
      [plus(tradeEvent(34), 7), 'pump.TradeEvent.v8', 7],
      [plus(tradeEvent(35), 5), 'pump.TradeEvent.v9', 5],
    ];
    for (const [payload, layout, trailing] of cases) expect(decodeOne('buy_v3', V3_ACCOUNTS, payload)).toMatchObject({ layout, trailingBytes: trailing });
  });

  it('takes mint, user and curve from the v3 accounts for sell_v3 and buy_exact_quote_in_v3 too', () => {
    for (const name of ['sell_v3', 'buy_exact_quote_in_v3']) expect(decodeOne(name, V3_ACCOUNTS, tradeEvent(35, name))).toMatchObject({ pool: CURVE, ixName: name });
  });

  it('derives the curve from the mint when the invocation lists none (multi_hop_curve_swap, a bare log line)', () => {
    const real = 'ZpmYmsQadhPYAWu1ygRx9KmgPzBHC4ssnLZ7m5vpump';
    const payload = tradeEvent(35, 'multi_hop_swap');
    payload.set(new PublicKey(real).toBytes(), 8);
    const [expected] = PublicKey.findProgramAddressSync([Buffer.from('bonding-curve'), new PublicKey(real).toBytes()], new PublicKey(PUMPFUN_PROGRAM_ID));
    const hop = decodeOne('multi_hop_curve_swap', [key('x')], payload);
    expect(hop).toMatchObject({ mint: real, pool: expected.toBase58(), ixName: 'multi_hop_swap' });
    expect(expected.toBase58()).toBe('9VUPe3Km58a2oQKg2ZiXfvsPZpHcWzW5xv8cc9mAsvkM'); // the real trade's account
  });

  it('reads a failed v3 buy as an attempt from its 17 accounts, with partial_fill given or left out', () => {
    for (const data of [ix('buy_v3', (w) => w.u64(1000n).u64(2000n)), ix('buy_v3', (w) => w.u64(1000n).u64(2000n).bool(true))]) {
      const r = decodeTransaction(buildTransaction({ programId: PUMPFUN_PROGRAM_ID, ixData: data, accounts: V3_ACCOUNTS, events: [], success: false }));
      expect(r.quarantine).toEqual([]);
      expect(r.events).toMatchObject([{ kind: 'trade', success: false, layout: 'pump.instruction.buy_v3', trailingBytes: 0, mint: MINT, user: USER, pool: CURVE, tokenAmount: 1000n, solAmount: 2000n, quoteMint: WSOL }]);
    }
  });
});

/** CreateEvent in pump-sdk 2.0.0 order (19 fields) plus depth (2026-10); `upTo` stops after that many. */
function createEvent(upTo: 17 | 19 | 20): Uint8Array {
  const w = new BorshWriter().bytes(anchorDiscriminator('event', 'CreateEvent')).string('Name').string('SYM').string('https://u')
    .pubkey(MINT).pubkey(CURVE).pubkey(USER).pubkey(key('creator')).i64(1_791_515_015n).u64(1_073_000_000_000_000n).u64(30_000_000_000n)
    .u64(793_100_000_000_000n).u64(1_000_000_000_000_000n).pubkey(key('token-program')).bool(true).bool(false)
    .pubkey(DEFAULT_KEY).u64(30_000_000_000n);
  if (upTo >= 19) w.u64(75n).bool(true);
  if (upTo >= 20) w.u8(1);
  return w.finish();
}

describe('pump CreateEvent of 2026 (v6 creator_fee_bps + is_holder_reward, v7 depth)', () => {
  const accounts = [MINT, key('ma'), CURVE];
  const expected = (layout: string, more: Record<string, unknown>) => ({
    ...envelope(), kind: 'create', layout, trailingBytes: 0, name: 'Name', symbol: 'SYM', uri: 'https://u', mint: MINT, bondingCurve: CURVE,
    user: USER, creator: key('creator'), tokenProgram: key('token-program'), quoteMint: WSOL, decimals: 6, timestamp: 1_791_515_015n,
    virtualTokenReserves: 1_073_000_000_000_000n, virtualSolReserves: 30_000_000_000n, realTokenReserves: 793_100_000_000_000n,
    tokenTotalSupply: 1_000_000_000_000_000n, isMayhemMode: true, isCashbackEnabled: false, creatorFeeBps: null, isHolderReward: null, depth: null, ...more,
  });
  it('reads v7, v6 and v5 whole', () => {
    expect(decodeOne('create_v2', accounts, createEvent(20))).toStrictEqual(expected('pump.CreateEvent.v7', { creatorFeeBps: 75n, isHolderReward: true, depth: 1 }));
    expect(decodeOne('create_v2', accounts, createEvent(19))).toStrictEqual(expected('pump.CreateEvent.v6', { creatorFeeBps: 75n, isHolderReward: true }));
    expect(decodeOne('create_v2', accounts, createEvent(17))).toStrictEqual(expected('pump.CreateEvent.v5', {}));
  });
  it('counts bytes at each boundary: v5 + 8 stays v5, v7 + 3 stays v7', () => {
    expect(decodeOne('create_v2', accounts, Uint8Array.from([...createEvent(17), 1, 2, 3, 4, 5, 6, 7, 8]))).toMatchObject({ layout: 'pump.CreateEvent.v5', trailingBytes: 8 });
    expect(decodeOne('create_v2', accounts, Uint8Array.from([...createEvent(20), 1, 2, 3]))).toMatchObject({ layout: 'pump.CreateEvent.v7', trailingBytes: 3 });
  });
});

function postCompleteBuy(): Uint8Array {
  return new BorshWriter().bytes(anchorDiscriminator('event', 'PostCompleteBuyEvent')).pubkey(USER).pubkey(MINT).pubkey(CURVE).pubkey(DEFAULT_KEY)
    .i64(1_791_600_000n).u64(5_000_000_000n).u64(400_000_000n).u64(95n).u64(3_800_000n).u64(30n).u64(1_200_000n).u64(1_900_000n)
    .u64(206_900_000_000_000n).u64(84_990_359_056n).u64(206_895_000_000_000n).u64(84_990_759_056n).finish();
}

describe('the other pump events of 2026', () => {
  it('PostCompleteBuyEvent (224 B body): every field; one byte short is malformed, longer is counted', () => {
    expect(decodeOne('buy_v3', V3_ACCOUNTS, postCompleteBuy())).toStrictEqual({
      ...envelope(), kind: 'post_complete_buy', layout: 'pump.PostCompleteBuyEvent.v0', trailingBytes: 0, mint: MINT, user: USER, bondingCurve: CURVE,
      quoteMint: WSOL, timestamp: 1_791_600_000n, baseOut: 5_000_000_000n, quoteIn: 400_000_000n, feeBasisPoints: 95n, fee: 3_800_000n,
      creatorFeeBasisPoints: 30n, creatorFee: 1_200_000n, buybackFee: 1_900_000n, poolBaseReservesBefore: 206_900_000_000_000n,
      poolQuoteReservesBefore: 84_990_359_056n, poolBaseReservesAfter: 206_895_000_000_000n, poolQuoteReservesAfter: 84_990_759_056n,
    });
    const short = decodeAll('buy_v3', V3_ACCOUNTS, [postCompleteBuy().subarray(0, 231)]);
    expect(short.events).toEqual([]);
    expect(short.quarantine).toMatchObject([{ kind: 'malformed', reason: 'malformed at byte 224: needs 8 bytes, has 7' }]);
    expect(decodeOne('buy_v3', V3_ACCOUNTS, Uint8Array.from([...postCompleteBuy(), 9, 9]))).toMatchObject({ trailingBytes: 2 });
  });

  it('SweepBondingCurveFeeEvent (145 B body) is a fee payout, bucket by number', () => {
    const sweep = (bucket: number) => new BorshWriter().bytes(anchorDiscriminator('event', 'SweepBondingCurveFeeEvent')).i64(1_791_515_006n).pubkey(MINT)
      .pubkey(CURVE).pubkey('pumpCmXqMfrsAkQ5r49WcJnRayYRqmXz6ae8H7H9Dfn').pubkey(key('recipient')).u64(1_226_612_132n).u8(bucket).finish();
    expect(decodeOne('sweep_creator_fee', [key('a')], sweep(1))).toStrictEqual({
      ...envelope(), kind: 'fee_payout', layout: 'pump.SweepBondingCurveFeeEvent.v0', trailingBytes: 0, mint: MINT, venue: CURVE,
      quoteMint: 'pumpCmXqMfrsAkQ5r49WcJnRayYRqmXz6ae8H7H9Dfn', recipient: key('recipient'), amount: 1_226_612_132n, bucket: 'creator', timestamp: 1_791_515_006n,
    });
    expect([0, 7].map((b) => (decodeOne('sweep_protocol_fee', [key('a')], sweep(b)) as DecodedEvent & { bucket: string }).bucket)).toEqual(['protocol', 'unknown']);
    expect(decodeAll('sweep_creator_fee', [key('a')], [sweep(1).subarray(0, 152)]).quarantine).toMatchObject([{ kind: 'malformed' }]);
  });

  it('AdminCtoEvent (pump-sdk 2.0.0 order) is a creator change with the takeover settings', () => {
    const payload = new BorshWriter().bytes(anchorDiscriminator('event', 'AdminCtoEvent')).i64(1_791_000_000n).pubkey(key('admin')).pubkey(MINT).pubkey(CURVE)
      .pubkey(key('old')).pubkey(key('new')).bool(true).bool(false).u64(30n).u64(50n).bool(true).u64(12_345n).bool(false).finish();
    const expected = {
      ...envelope(), kind: 'creator_change', layout: 'pump.AdminCtoEvent.v0', trailingBytes: 0, mint: MINT, bondingCurve: CURVE, changeSource: 'admin_cto',
      oldCreator: key('old'), newCreator: key('new'), authority: key('admin'), timestamp: 1_791_000_000n, isHolderReward: true, oldCreatorFeeBps: 30n, newCreatorFeeBps: 50n,
    };
    expect(decodeOne('admin_cto', [key('a')], payload)).toStrictEqual(expected);
    expect(decodeOne('admin_cto', [key('a')], Uint8Array.from([...payload, 0, 0]))).toStrictEqual({ ...expected, trailingBytes: 2 });
  });

  it('SetCreatorEvent, AdminSetCreatorEvent and MigrateBondingCurveCreatorEvent are creator changes', () => {
    const w = (name: string) => new BorshWriter().bytes(anchorDiscriminator('event', name)).i64(1_790_000_000n);
    const set = w('SetCreatorEvent').pubkey(MINT).pubkey(CURVE).pubkey(key('new')).finish();
    const adminSet = w('AdminSetCreatorEvent').pubkey(key('admin')).pubkey(MINT).pubkey(CURVE).pubkey(key('old')).pubkey(key('new')).finish();
    const migrate = w('MigrateBondingCurveCreatorEvent').pubkey(MINT).pubkey(CURVE).pubkey(key('sharing')).pubkey(key('old')).pubkey(key('new')).finish();
    const base = { kind: 'creator_change', trailingBytes: 0, mint: MINT, bondingCurve: CURVE, newCreator: key('new'), timestamp: 1_790_000_000n, isHolderReward: null, oldCreatorFeeBps: null, newCreatorFeeBps: null };
    expect(decodeOne('set_creator', [key('a')], set)).toStrictEqual({ ...envelope(), ...base, layout: 'pump.SetCreatorEvent.v0', changeSource: 'set_creator', oldCreator: null, authority: null });
    expect(decodeOne('admin_set_creator', [key('a')], adminSet)).toStrictEqual({ ...envelope(), ...base, layout: 'pump.AdminSetCreatorEvent.v0', changeSource: 'admin_set_creator', oldCreator: key('old'), authority: key('admin') });
    expect(decodeOne('migrate_bonding_curve_creator', [key('a')], migrate)).toStrictEqual({ ...envelope(), ...base, layout: 'pump.MigrateBondingCurveCreatorEvent.v0', changeSource: 'migrate_bonding_curve_creator', oldCreator: key('old'), authority: null });
  });

  it('UpdateMayhemVirtualParamsEvent is a reserves reset, the curve from set_mayhem_virtual_params account 4 or the mint', () => {
    const payload = new BorshWriter().bytes(anchorDiscriminator('event', 'UpdateMayhemVirtualParamsEvent')).i64(1_790_500_000n).pubkey(MINT)
      .u64(900_000_000_000_000n).u64(40_000_000_000n).u64(1_200_000_000_000_000n).u64(25_000_000_000n).u64(620_000_000_000_000n).u64(10_000_000_000n).finish();
    const accounts = [key('sva'), key('mtv'), MINT, key('global'), CURVE, key('tp'), key('ea'), PUMPFUN_PROGRAM_ID];
    expect(decodeOne('set_mayhem_virtual_params', accounts, payload)).toStrictEqual({
      ...envelope(), kind: 'reserves_reset', layout: 'pump.UpdateMayhemVirtualParamsEvent.v0', trailingBytes: 0, timestamp: 1_790_500_000n, mint: MINT,
      bondingCurve: CURVE, oldVirtualTokenReserves: 900_000_000_000_000n, oldVirtualSolReserves: 40_000_000_000n, virtualTokenReserves: 1_200_000_000_000_000n,
      virtualSolReserves: 25_000_000_000n, realTokenReserves: 620_000_000_000_000n, realSolReserves: 10_000_000_000n,
    });
    const [pda] = PublicKey.findProgramAddressSync([Buffer.from('bonding-curve'), new PublicKey(MINT).toBytes()], new PublicKey(PUMPFUN_PROGRAM_ID));
    expect(decodeOne('extend_account', [key('a')], payload)).toMatchObject({ bondingCurve: pda.toBase58() });
  });

  it('keeps the order TradeEvent → CompleteEvent → PostCompleteBuyEvent of a completing buy', () => {
    const complete = new BorshWriter().bytes(anchorDiscriminator('event', 'CompleteEvent')).pubkey(USER).pubkey(MINT).pubkey(CURVE).i64(1_791_600_000n).pubkey(DEFAULT_KEY).finish();
    const r = decodeAll('buy_v3', V3_ACCOUNTS, [tradeEvent(35), complete, postCompleteBuy()]);
    expect(r.quarantine).toEqual([]);
    expect(r.events.map((e) => [e.kind, e.position.eventIndex])).toEqual([['trade', 0], ['complete', 1], ['post_complete_buy', 2]]);
  });
});

describe('pump instruction arguments with omitted trailing options', () => {
  const bytes = (name: string, body: (w: BorshWriter) => BorshWriter) => ix(name, body);
  it('reads buy_v3 / buy_exact_quote_in_v3 / buy with and without their trailing OptionBool', () => {
    expect(readPumpInstructionArgs('buy_v3', bytes('buy_v3', (w) => w.u64(5n).u64(6n)))).toEqual({ name: 'buy_v3', args: { amount: 5n, max_sol_cost: 6n, partial_fill: null }, omitted: ['partial_fill'], trailingBytes: 0 });
    expect(readPumpInstructionArgs('buy_v3', bytes('buy_v3', (w) => w.u64(5n).u64(6n).bool(true)))?.args).toEqual({ amount: 5n, max_sol_cost: 6n, partial_fill: true });
    expect(readPumpInstructionArgs('buy_exact_quote_in_v3', bytes('buy_exact_quote_in_v3', (w) => w.u64(5n).u64(6n).bool(false)))?.args).toEqual({ spendable_quote_in: 5n, min_tokens_out: 6n, partial_fill: false });
    expect(readPumpInstructionArgs('buy', bytes('buy', (w) => w.u64(5n).u64(6n)))?.omitted).toEqual(['track_volume']);
    expect(readPumpInstructionArgs('sell_v3', bytes('sell_v3', (w) => w.u64(5n).u64(6n).u8(9)))).toEqual({ name: 'sell_v3', args: { amount: 5n, min_sol_output: 6n }, omitted: [], trailingBytes: 1 });
  });

  it('reads create_v2 at each trailing boundary (IDL order: is_cashback_enabled, creator_fee_bps, is_holder_reward)', () => {
    const head = (w: BorshWriter) => w.string('N').string('S').string('U').pubkey(key('creator')).bool(false);
    const read = (tail: (w: BorshWriter) => BorshWriter) => readPumpInstructionArgs('create_v2', bytes('create_v2', (w) => tail(head(w))));
    expect(read((w) => w)).toMatchObject({ args: { is_cashback_enabled: null, creator_fee_bps: null, is_holder_reward: null }, omitted: ['is_cashback_enabled', 'creator_fee_bps', 'is_holder_reward'] });
    expect(read((w) => w.bool(false))).toMatchObject({ args: { is_cashback_enabled: false, creator_fee_bps: null, is_holder_reward: null }, omitted: ['creator_fee_bps', 'is_holder_reward'] });
    expect(read((w) => w.bool(false).u64(40n))).toMatchObject({ args: { creator_fee_bps: 40n, is_holder_reward: null }, omitted: ['is_holder_reward'] });
    expect(read((w) => w.bool(false).u64(40n).bool(true))).toMatchObject({ args: { creator_fee_bps: 40n, is_holder_reward: true }, omitted: [], trailingBytes: 0 });
    expect(() => read((w) => w.bool(false).u32(7))).toThrow('needs 8 bytes, has 4'); // a cut u64 is malformed, not omitted
  });

  it('reads admin_cto with its Borsh options left out, None, or Some', () => {
    const read = (body: (w: BorshWriter) => BorshWriter) => readPumpInstructionArgs('admin_cto', bytes('admin_cto', body))?.args;
    expect(read((w) => w)).toEqual({ is_holder_reward: null, creator_fee_bps: null, new_creator: null });
    expect(read((w) => w.u8(0).u8(0).u8(0))).toEqual({ is_holder_reward: null, creator_fee_bps: null, new_creator: null });
    expect(read((w) => w.u8(1).bool(true).u8(1).u64(25n).u8(1).pubkey(key('new')))).toEqual({ is_holder_reward: true, creator_fee_bps: 25n, new_creator: key('new') });
  });
});
