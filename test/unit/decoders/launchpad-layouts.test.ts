/**
 * LaunchLab layouts built from the IDL field lists (TradeEvent v1 / v2-no-exact-in / v2, PoolCreateEvent v1 /
 * v2, the initialize / initialize_v2 / initialize_with_token_2022 arguments), serialised with the simulator's
 * writer and decoded as whole events, with a payload cut or extended at each trailing-field boundary.
 */
import { describe, expect, it } from 'vitest';
import type { ChainTokenBalance } from '../../../src/contracts/chain-transaction.js';
import type { DecodedEvent, PoolCreateEvent, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { RAYDIUM_LAUNCHPAD_PROGRAM_ID, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { readInitializeArgs } from '../../../src/decoders/raydium-launchpad/initialize-args.js';
import { launchpadBrandOf } from '../../../src/decoders/raydium-launchpad/platforms.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { anchorDiscriminator, buildTransaction, key } from './transaction-builder.js';

const WSOL = 'So11111111111111111111111111111111111111112';
const LETSBONK = 'FfYek5vEz23cMkWsdJwG2oa6EphsvXSHrGpdALN4g6W1';
const STONKFUN_REWARD = '6BwHHDg3u1854jC8PDLXvR4spTcLNaoBxLJNGC4nTESt';
const MINT = key('mint');
const USER = key('user');
const POOL = key('pool');

/** buy_exact_in accounts (IDL order), then the creator-fee upgrade's system program and fee vaults. */
function tradeAccounts(platformConfig: string, baseProgram = TOKEN_PROGRAM_ID, remaining = true): string[] {
  const fixed = [USER, key('auth'), key('global'), platformConfig, POOL, key('user-base'), key('user-quote'), key('base-vault'), key('quote-vault'), MINT, WSOL, baseProgram, TOKEN_PROGRAM_ID, key('event-auth'), RAYDIUM_LAUNCHPAD_PROGRAM_ID];
  return remaining ? [...fixed, '11111111111111111111111111111111', key('platform-fee-vault'), key('creator-fee-vault')] : fixed;
}
const tradeIx = (name: string) => new BorshWriter().bytes(anchorDiscriminator('global', name)).u64(1_000n).u64(2_000n).u64(0n).finish();

/** TradeEvent bytes in IDL field order: v1 (IDL v0.1.0), v2-no-exact-in (raydium-docs f22e0b6), v2 (df7e7e4 and later). */
function tradeEvent(layout: 'v1' | 'v2-no-exact-in' | 'v2', direction: 0 | 1 = 0): Uint8Array {
  const w = new BorshWriter().bytes(anchorDiscriminator('event', 'TradeEvent')).pubkey(POOL)
    .u64(793_100n).u64(1_073_025n).u64(30_000n).u64(10n).u64(20n).u64(15n).u64(25n).u64(5_000n).u64(600n).u64(3n).u64(4n);
  if (layout !== 'v1') w.u64(7n); // creator_fee, inserted before share_fee
  w.u64(1n).u8(direction).u8(0);
  if (layout === 'v2') w.bool(true); // exact_in, appended
  return w.finish();
}

function decodeAll(ixData: Uint8Array, accounts: string[], payload: Uint8Array, balances: { pre?: ChainTokenBalance[]; post?: ChainTokenBalance[] } = {}) {
  const tx = buildTransaction({ programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID, ixData, accounts, events: [payload], withLogs: true });
  tx.preTokenBalances = balances.pre ?? [];
  tx.postTokenBalances = balances.post ?? [];
  return decodeTransaction(tx);
}
function decodeOne(ixData: Uint8Array, accounts: string[], payload: Uint8Array, balances?: { pre?: ChainTokenBalance[]; post?: ChainTokenBalance[] }): DecodedEvent {
  const result = decodeAll(ixData, accounts, payload, balances);
  expect(result.quarantine).toEqual([]);
  expect(result.events).toHaveLength(1);
  return result.events[0] as DecodedEvent;
}

const TRADE_FIELDS = {
  kind: 'trade', program: 'raydium_launchpad', mint: MINT, user: USER, quoteMint: WSOL, pool: POOL, poolState: POOL,
  virtualTokenReserves: 1_073_025n, virtualSolReserves: 30_000n, realTokenReserves: 15n, realSolReserves: 25n,
  amountIn: 5_000n, amountOut: 600n, protocolFee: 3n, platformFee: 4n, shareFee: 1n, poolStatus: 0, ixName: 'buy_exact_in', timestamp: null,
};

describe('LaunchLab TradeEvent layouts by length, newest last', () => {
  const cases = [
    { layout: 'v1', bytes: 138, creatorFee: null, fee: 8n, exactIn: null },
    { layout: 'v2-no-exact-in', bytes: 146, creatorFee: 7n, fee: 15n, exactIn: null },
    { layout: 'v2', bytes: 147, creatorFee: 7n, fee: 15n, exactIn: true },
  ] as const;
  for (const c of cases) {
    it(`reads ${c.layout} (${c.bytes} B) as a whole event, trader and mints from the instruction`, () => {
      const payload = tradeEvent(c.layout);
      expect(payload.length).toBe(c.bytes);
      const e = decodeOne(tradeIx('buy_exact_in'), tradeAccounts(LETSBONK), payload);
      expect(e).toMatchObject({
        ...TRADE_FIELDS, layout: `launchpad.TradeEvent.${c.layout}`, trailingBytes: 0, isBuy: true, solAmount: 5_000n, tokenAmount: 600n,
        creatorFee: c.creatorFee, fee: c.fee,
        extra: {
          totalBaseSell: '793100', realBaseBefore: '10', realQuoteBefore: '20', tradeDirection: 0, exactIn: c.exactIn,
          globalConfig: key('global'), platformConfig: LETSBONK, brand: 'letsbonk',
          platformFeeVault: key('platform-fee-vault'), creatorFeeVault: key('creator-fee-vault'), baseTransferFee: null,
        },
      });
    });
  }

  it('at each trailing-field boundary: 137 B is malformed, 139..145 B are v1 with trailing bytes, 147 + 9 B is v2 with 9', () => {
    const v1 = tradeEvent('v1');
    const short = decodeAll(tradeIx('buy_exact_in'), tradeAccounts(LETSBONK), v1.subarray(0, 137));
    expect([short.events, short.quarantine.map((q) => [q.kind, q.reason])]).toEqual([[], [['malformed', 'malformed at byte 137: TradeEvent has 137 bytes, needs 138']]]);
    for (let extra = 1; extra <= 7; extra += 1) {
      const e = decodeOne(tradeIx('buy_exact_in'), tradeAccounts(LETSBONK), Uint8Array.from([...v1, ...new Array<number>(extra).fill(9)]));
      expect([e.layout, e.trailingBytes, (e as TradeEvent).creatorFee, (e as TradeEvent).shareFee]).toEqual(['launchpad.TradeEvent.v1', extra, null, 1n]);
    }
    const longer = decodeOne(tradeIx('buy_exact_in'), tradeAccounts(LETSBONK), Uint8Array.from([...tradeEvent('v2'), 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect([longer.layout, longer.trailingBytes, (longer as TradeEvent).extra.exactIn]).toEqual(['launchpad.TradeEvent.v2', 9, true]);
  });

  it('reads a sell (trade_direction 1): tokens in, quote out', () => {
    const e = decodeOne(tradeIx('sell_exact_in'), tradeAccounts(LETSBONK), tradeEvent('v2', 1)) as TradeEvent;
    expect([e.isBuy, e.tokenAmount, e.solAmount, e.ixName, e.extra.tradeDirection]).toEqual([false, 5_000n, 600n, 'sell_exact_in', 1]);
  });

  it('names the brand of a known platform_config, keeps an unknown one as its address, and has no fee vaults before the upgrade', () => {
    const unknown = key('another-launchpad');
    const e = decodeOne(tradeIx('buy_exact_in'), tradeAccounts(unknown, TOKEN_PROGRAM_ID, false), tradeEvent('v1')) as TradeEvent;
    expect([e.extra.platformConfig, e.extra.brand, e.extra.platformFeeVault, e.extra.creatorFeeVault]).toEqual([unknown, unknown, null, null]);
    expect([launchpadBrandOf(STONKFUN_REWARD), launchpadBrandOf('4Bu96XjU84XjPDSpveTVf6LYGCkfW5FK7SNkREWcEfV4'), launchpadBrandOf(null)]).toEqual(['stonkfun', 'raydium', null]);
  });

  it('reads the transfer fee a Token-2022 reward coin withheld from the trader, from the token balances', () => {
    const account = key('user-base');
    const balance = (amount: bigint): ChainTokenBalance => ({ accountIndex: 6, account, mint: MINT, owner: USER, programId: TOKEN_2022_PROGRAM_ID, amount, decimals: 6 });
    const accounts = tradeAccounts(STONKFUN_REWARD, TOKEN_2022_PROGRAM_ID);
    const buy = decodeOne(tradeIx('buy_exact_in'), accounts, tradeEvent('v2'), { pre: [balance(1_000n)], post: [balance(1_594n)] }) as TradeEvent;
    expect([buy.tokenAmount, buy.extra.baseTransferFee, buy.extra.brand]).toEqual([600n, '6', 'stonkfun']);
    const sell = decodeOne(tradeIx('sell_exact_in'), accounts, tradeEvent('v2', 1), { pre: [balance(9_000n)], post: [balance(3_950n)] }) as TradeEvent;
    expect([sell.tokenAmount, sell.extra.baseTransferFee]).toEqual([5_000n, '50']);
    const noBalances = decodeOne(tradeIx('buy_exact_in'), accounts, tradeEvent('v2')) as TradeEvent;
    expect(noBalances.extra.baseTransferFee).toBeNull();
  });

  it('gives an event under a non-trade instruction no accounts: no mint, no quote (the pipeline quarantines it)', () => {
    const e = decodeOne(new BorshWriter().bytes(anchorDiscriminator('global', 'claim_creator_fee')).finish(), tradeAccounts(LETSBONK), tradeEvent('v2')) as TradeEvent;
    expect([e.mint, e.quoteMint, e.user, e.extra.platformConfig, e.extra.brand]).toEqual(['', '', '', null, null]);
  });
});

type Curve = 'constant' | 'fixed' | 'linear';
/** MintParams, CurveParams, VestingParams in IDL order (the event's and the instruction's shared part). */
function launchParams(w: BorshWriter, curve: Curve = 'constant'): BorshWriter {
  w.u8(6).string('Name').string('SYM').string('https://x').u8(['constant', 'fixed', 'linear'].indexOf(curve)).u64(1_000_000n);
  if (curve === 'constant') w.u64(793_100n);
  return w.u64(85_000n).u8(1).u64(50_000n).u64(86_400n).u64(604_800n);
}
function initIx(name: 'initialize' | 'initialize_v2' | 'initialize_with_token_2022', tail: (w: BorshWriter) => BorshWriter = (w) => w, curve: Curve = 'constant'): Uint8Array {
  return tail(launchParams(new BorshWriter().bytes(anchorDiscriminator('global', name)), curve)).finish();
}
function poolCreateEvent(ammFeeOn: number | null, curve: Curve = 'constant'): Uint8Array {
  const w = launchParams(new BorshWriter().bytes(anchorDiscriminator('event', 'PoolCreateEvent')).pubkey(POOL).pubkey(key('creator')).pubkey(key('global')), curve);
  if (ammFeeOn !== null) w.u8(ammFeeOn);
  return w.finish();
}
/** initialize / initialize_v2: 18 accounts (metadata account 10, base token program 11); the Token-2022 variant has 15. */
function initAccounts(name: string): string[] {
  const head = [USER, key('creator'), key('global'), STONKFUN_REWARD, key('auth'), POOL, MINT, WSOL, key('base-vault'), key('quote-vault')];
  return name === 'initialize_with_token_2022'
    ? [...head, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, '11111111111111111111111111111111', key('event-auth'), RAYDIUM_LAUNCHPAD_PROGRAM_ID]
    : [...head, key('metadata'), TOKEN_PROGRAM_ID, TOKEN_PROGRAM_ID, key('metaplex'), '11111111111111111111111111111111', key('rent'), key('event-auth'), RAYDIUM_LAUNCHPAD_PROGRAM_ID];
}
const VESTING = { totalLockedAmount: 50_000n, cliffPeriod: 86_400n, unlockPeriod: 604_800n };

describe('LaunchLab PoolCreateEvent and the initialize* arguments', () => {
  it('reads v1 (ends after vesting_param) and v2 (+ amm_fee_on) as whole events, mint and quote from the accounts', () => {
    for (const [ammFeeOn, layout, named] of [[null, 'v1', null], [0, 'v2', 'quote_token'], [1, 'v2', 'both_tokens']] as const) {
      const e = decodeOne(initIx('initialize'), initAccounts('initialize'), poolCreateEvent(ammFeeOn)) as PoolCreateEvent;
      expect(e).toMatchObject({
        kind: 'pool_create', layout: `launchpad.PoolCreateEvent.${layout}`, trailingBytes: 0, poolState: POOL, creator: key('creator'), config: key('global'),
        mint: MINT, quoteMint: WSOL, platformConfig: STONKFUN_REWARD, name: 'Name', symbol: 'SYM', uri: 'https://x', decimals: 6,
        baseVault: key('base-vault'), quoteVault: key('quote-vault'), tokenProgram: TOKEN_PROGRAM_ID, curveType: 'constant',
        supply: 1_000_000n, totalBaseSell: 793_100n, totalQuoteFundRaising: 85_000n, migrateType: 1,
        launch: { instruction: 'initialize', brand: 'stonkfun', vesting: VESTING, ammFeeOn: named, transferFee: null },
      });
    }
    const longer = decodeOne(initIx('initialize'), initAccounts('initialize'), Uint8Array.from([...poolCreateEvent(0), 7, 7, 7]));
    expect([longer.layout, longer.trailingBytes]).toEqual(['launchpad.PoolCreateEvent.v2', 3]);
  });

  it('reads fixed and linear curves (no total_base_sell)', () => {
    for (const curve of ['fixed', 'linear'] as const) {
      const e = decodeOne(initIx('initialize', (w) => w, curve), initAccounts('initialize'), poolCreateEvent(0, curve)) as PoolCreateEvent;
      expect([e.curveType, e.supply, e.totalBaseSell, e.totalQuoteFundRaising, e.migrateType, e.trailingBytes]).toEqual([curve, 1_000_000n, null, 85_000n, 1, 0]);
    }
  });

  it('takes amm_fee_on from initialize_v2 when the event predates it', () => {
    const e = decodeOne(initIx('initialize_v2', (w) => w.u8(1)), initAccounts('initialize_v2'), poolCreateEvent(null)) as PoolCreateEvent;
    expect([e.layout, e.launch]).toEqual(['launchpad.PoolCreateEvent.v1', { instruction: 'initialize_v2', brand: 'stonkfun', vesting: VESTING, ammFeeOn: 'both_tokens', transferFee: null }]);
  });

  it('reads initialize_with_token_2022 with the transfer fee Some, None, None + the SDK\'s zero body, and omitted', () => {
    const cases: Array<[string, (w: BorshWriter) => BorshWriter, unknown, number]> = [
      ['Some (a 3 % reward coin)', (w) => w.u8(0).u8(1).u16(300).u64(30_000_000_000n), { basisPoints: 300, maximumFee: 30_000_000_000n }, 0],
      ['None', (w) => w.u8(0).u8(0), null, 0],
      ['None + 10 zero bytes', (w) => w.u8(0).u8(0).u16(0).u64(0n), null, 10],
      ['omitted', (w) => w.u8(0), null, 0],
    ];
    for (const [what, tail, transferFee, trailing] of cases) {
      const data = initIx('initialize_with_token_2022', tail);
      expect(readInitializeArgs(data, 'initialize_with_token_2022'), what).toMatchObject({ ammFeeOn: 'quote_token', transferFee, trailingBytes: trailing, vesting: VESTING, decimals: 6 });
      const e = decodeOne(data, initAccounts('initialize_with_token_2022'), poolCreateEvent(0)) as PoolCreateEvent;
      expect([e.tokenProgram, e.launch], what).toEqual([TOKEN_2022_PROGRAM_ID, { instruction: 'initialize_with_token_2022', brand: 'stonkfun', vesting: VESTING, ammFeeOn: 'quote_token', transferFee }]);
    }
    // amm_fee_on itself may be left out too: the arguments end after vesting_param.
    expect(readInitializeArgs(initIx('initialize_with_token_2022'), 'initialize_with_token_2022')).toMatchObject({ ammFeeOn: null, transferFee: null, trailingBytes: 0 });
  });

  it('quarantines what does not fit: a bad Option tag, a cut TransferFeeExtensionParams, an unknown curve, no initialize instruction', () => {
    const reasons = (ix: Uint8Array, accounts: string[], payload: Uint8Array) => decodeAll(ix, accounts, payload).quarantine.map((q) => q.reason);
    const accounts = initAccounts('initialize_with_token_2022');
    const badTag = initIx('initialize_with_token_2022', (w) => w.u8(0).u8(2));
    expect(reasons(badTag, accounts, poolCreateEvent(0))).toEqual([`malformed at byte ${badTag.length - 1}: Option tag 2 of transfer_fee_extension_param is neither 0 nor 1`]);
    const cut = initIx('initialize_with_token_2022', (w) => w.u8(0).u8(1).u16(100).u32(1));
    expect(reasons(cut, accounts, poolCreateEvent(0))).toEqual([`malformed at byte ${cut.length - 4}: needs 8 bytes, has 4`]);
    const event = poolCreateEvent(0);
    const badCurve = Uint8Array.from(event);
    badCurve[8 + 96 + 1 + 8 + 7 + 13] = 3; // CurveParams variant after pool_state, creator, config, MintParams
    expect(reasons(initIx('initialize'), initAccounts('initialize'), badCurve)).toEqual([`malformed at byte ${8 + 96 + 1 + 8 + 7 + 13}: unknown CurveParams variant 3`]);
    expect(reasons(tradeIx('buy_exact_in'), tradeAccounts(LETSBONK), event)).toEqual(['malformed: PoolCreateEvent under buy_exact_in: only an initialize instruction lists its mints']);
    expect(reasons(initIx('initialize'), initAccounts('initialize').slice(0, 9), event)).toEqual(['malformed: initialize lists 9 accounts, needs 10']);
  });
});
