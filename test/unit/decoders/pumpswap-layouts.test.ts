/**
 * PumpSwap BuyEvent / SellEvent in every layout, written in the IDL's field order (pump-public-docs
 * pump_amm.json history, pump-sdk 2.0.0, then creator_fee_unclaimed of 2026-10), decoded as whole trades;
 * each layout exact, one byte short of it (the previous layout with the rest trailing) and with unknown
 * bytes after it; negative virtual_quote_reserves; v2 trades (fee kept); multi_hop_swap hops; attempts.
 */
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import type { ChainInstruction, ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { DecodedEvent, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { PUMPFUN_PROGRAM_ID, PUMPSWAP_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { anchorDiscriminator, buildTransaction, EVENT_TAG, key } from './transaction-builder.js';

const WSOL = 'So11111111111111111111111111111111111111112';
const ZERO_KEY = '11111111111111111111111111111111';
const MINT = key('ps-mint');
const POOL = key('ps-pool');
const USER = key('ps-user');
const ACCOUNTS = [POOL, USER, key('global-config'), MINT, WSOL, key('uba'), key('uqa'), key('base-vault'), key('quote-vault'), key('pfr'), key('pfra')];
const POOL_BASE = 1_000_000_000n;
const POOL_QUOTE = 500_000_000n;

interface EventOptions {
  vqr?: bigint;
  feeRecipient?: string;
  ixName?: string;
  pool?: string;
}

/** BuyEvent of layout `v` (0..9), fields in IDL order. */
function buyEvent(v: number, o: EventOptions = {}): Uint8Array {
  const w = new BorshWriter().bytes(anchorDiscriminator('event', 'BuyEvent'))
    .i64(1_790_000_000n).u64(1_000n).u64(2_100n).u64(0n).u64(9_000n).u64(POOL_BASE).u64(POOL_QUOTE)
    .u64(2_000n).u64(20n).u64(4n).u64(5n).u64(1n).u64(2_004n).u64(2_006n)
    .pubkey(o.pool ?? POOL).pubkey(USER).pubkey(key('uba')).pubkey(key('uqa')).pubkey(o.feeRecipient ?? key('pfr')).pubkey(key('pfra'));
  if (v >= 1) w.pubkey(key('creator')).u64(5n).u64(1n);
  if (v >= 2) w.bool(true).u64(11n).u64(12n).u64(13n).i64(14n);
  if (v >= 3) w.u64(900n).string(o.ixName ?? 'buy');
  if (v >= 4) w.u64(0n).u64(0n);
  if (v >= 5) w.u64(5_000n).u64(1n);
  if (v >= 6) w.i128(o.vqr ?? 30_000n);
  if (v >= 7) w.bool(true).u64(999_000_000n);
  if (v >= 8) w.u64(0n).u64(0n);
  if (v >= 9) w.u64(77n);
  return w.finish();
}

/** SellEvent of layout `v` (0..7), fields in IDL order. */
function sellEvent(v: number, o: EventOptions = {}): Uint8Array {
  const w = new BorshWriter().bytes(anchorDiscriminator('event', 'SellEvent'))
    .i64(1_790_000_000n).u64(3_000n).u64(1_000n).u64(3_000n).u64(0n).u64(POOL_BASE).u64(POOL_QUOTE)
    .u64(1_500n).u64(20n).u64(3n).u64(5n).u64(1n).u64(1_497n).u64(1_495n)
    .pubkey(o.pool ?? POOL).pubkey(USER).pubkey(key('uba')).pubkey(key('uqa')).pubkey(o.feeRecipient ?? key('pfr')).pubkey(key('pfra'));
  if (v >= 1) w.pubkey(key('creator')).u64(5n).u64(1n);
  if (v >= 2) w.u64(0n).u64(0n);
  if (v >= 3) w.u64(5_000n).u64(1n);
  if (v >= 4) w.i128(o.vqr ?? 30_000n);
  if (v >= 5) w.bool(false).u64(999_000_000n);
  if (v >= 6) w.u64(0n).u64(0n);
  if (v >= 7) w.u64(0n);
  return w.finish();
}

const ix = (name: string) => new BorshWriter().bytes(anchorDiscriminator('global', name)).u64(1_000n).u64(2_100n).finish();

function decodeOne(payload: Uint8Array, name = 'buy', accounts = ACCOUNTS): TradeEvent {
  const result = decodeTransaction(buildTransaction({ programId: PUMPSWAP_PROGRAM_ID, ixData: ix(name), accounts, events: [payload], withLogs: true }));
  expect(result.quarantine).toEqual([]);
  expect(result.events).toHaveLength(1);
  return result.events[0] as TradeEvent;
}

describe('PumpSwap BuyEvent, every layout', () => {
  for (let v = 0; v <= 9; v += 1) {
    it(`reads v${v} exactly, one byte short of it as v${Math.max(v - 1, 0)}, and with 5 unknown bytes after it`, () => {
      const payload = buyEvent(v);
      const vqr = v >= 6 ? 30_000n : 0n;
      const vault = POOL_QUOTE + 2_004n;
      const e = decodeOne(payload);
      expect(e.creatorFeeUnclaimed ?? null).toBe(v >= 9 ? 77n : null);
      expect(e).toMatchObject({
        program: 'pumpswap', kind: 'trade', layout: `pumpswap.BuyEvent.v${v}`, trailingBytes: 0, mint: MINT, quoteMint: WSOL, pool: POOL,
        user: USER, isBuy: true, tokenAmount: 1_000n, solAmount: 2_000n, timestamp: 1_790_000_000n,
        fee: v >= 1 ? 6n : 5n, protocolFee: 1n, creatorFee: v >= 1 ? 1n : null, ixName: 'buy',
        virtualTokenReserves: POOL_BASE - 1_000n, realTokenReserves: POOL_BASE - 1_000n, realSolReserves: vault, virtualSolReserves: vault + vqr,
        virtualQuoteReserves: v >= 6 ? 30_000n : null,
      });
      if (v > 0) {
        const short = decodeOne(payload.subarray(0, payload.length - 1));
        expect([short.layout, short.trailingBytes]).toEqual([`pumpswap.BuyEvent.v${v - 1}`, payload.length - 1 - buyEvent(v - 1).length]);
      }
      const longer = decodeOne(Uint8Array.from([...payload, 1, 2, 3, 4, 5]));
      expect([longer.layout, longer.trailingBytes]).toEqual([`pumpswap.BuyEvent.v${v}`, 5]);
    });
  }

  it('keeps every field of the newest layout (2026-10, 144 bytes past v1)', () => {
    const e = decodeOne(buyEvent(9, { ixName: 'buy_exact_quote_in' }), 'buy_exact_quote_in');
    expect(buyEvent(9, { ixName: 'buy_exact_quote_in' }).length - buyEvent(1).length).toBe(144);
    expect(e.extra).toEqual({
      limit: '2100', userBaseTokenReserves: '0', userQuoteTokenReserves: '9000', poolBaseReservesBefore: String(POOL_BASE),
      poolQuoteReservesBefore: String(POOL_QUOTE), quoteAmount: '2000', lpFeeBasisPoints: '20', lpFee: '4', protocolFeeBasisPoints: '5',
      quoteAmountLpAdjusted: '2004', userQuoteAmount: '2006', userBaseTokenAccount: key('uba'), userQuoteTokenAccount: key('uqa'),
      protocolFeeRecipient: key('pfr'), protocolFeeRecipientTokenAccount: key('pfra'), feeKept: false, coinCreator: key('creator'),
      coinCreatorFeeBasisPoints: '5', trackVolume: true, totalUnclaimedTokens: '11', totalClaimedTokens: '12', currentSolVolume: '13',
      lastUpdateTimestamp: '14', minBaseAmountOut: '900', cashbackFeeBasisPoints: '0', cashback: '0', buybackFeeBasisPoints: '5000',
      buybackFee: '1', canBoost: true, baseSupply: '999000000',
    });
    expect(e).toMatchObject({ ixName: 'buy_exact_quote_in', holderRewardsBps: 0n, holderRewards: 0n, creatorFeeUnclaimed: 77n, virtualQuoteReserves: 30_000n });
  });

  it('stops at an ix_name that is not a name: the rest is trailing, nothing misread', () => {
    const bad = buyEvent(9, { ixName: 'Buy Now!' });
    const e = decodeOne(bad);
    expect([e.layout, e.trailingBytes, e.ixName]).toEqual(['pumpswap.BuyEvent.v2', bad.length - buyEvent(2).length, 'buy']);
  });
});

describe('PumpSwap SellEvent, every layout', () => {
  for (let v = 0; v <= 7; v += 1) {
    it(`reads v${v} exactly, one byte short of it as v${Math.max(v - 1, 0)}, and with 5 unknown bytes after it`, () => {
      const payload = sellEvent(v);
      const vault = POOL_QUOTE - 1_497n;
      expect(decodeOne(payload, 'sell')).toMatchObject({
        layout: `pumpswap.SellEvent.v${v}`, trailingBytes: 0, mint: MINT, isBuy: false, tokenAmount: 3_000n, solAmount: 1_500n,
        ixName: 'sell', virtualTokenReserves: POOL_BASE + 3_000n, realSolReserves: vault, virtualSolReserves: vault + (v >= 4 ? 30_000n : 0n),
      });
      if (v > 0) {
        const short = decodeOne(payload.subarray(0, payload.length - 1), 'sell');
        expect([short.layout, short.trailingBytes]).toEqual([`pumpswap.SellEvent.v${v - 1}`, payload.length - 1 - sellEvent(v - 1).length]);
      }
      const longer = decodeOne(Uint8Array.from([...payload, 1, 2, 3, 4, 5]), 'sell');
      expect([longer.layout, longer.trailingBytes]).toEqual([`pumpswap.SellEvent.v${v}`, 5]);
    });
  }

  it('reads a negative virtual_quote_reserves as a signed i128: effective reserves below the vault', () => {
    const e = decodeOne(sellEvent(7, { vqr: -12_345_678_901n }), 'sell');
    expect([e.virtualQuoteReserves, e.realSolReserves, e.virtualSolReserves]).toEqual([-12_345_678_901n, POOL_QUOTE - 1_497n, POOL_QUOTE - 1_497n - 12_345_678_901n]);
  });

  it('prices a v2 sell (fee kept: zero-key recipient) on the vault plus the fees it keeps', () => {
    const e = decodeOne(sellEvent(7, { feeRecipient: ZERO_KEY, vqr: -2n }), 'sell_v2');
    // kept = protocol 1 - buyback 1 + creator 1 stays in the vault; the effective reserves discount it.
    expect(e).toMatchObject({ ixName: 'sell_v2', fee: 5n, realSolReserves: POOL_QUOTE - 1_497n + 1n, virtualSolReserves: POOL_QUOTE - 1_497n + 1n - 2n });
    expect(e.extra.feeKept).toBe(true);
  });
});

describe('PumpSwap instructions', () => {
  it('names the v2 trades, multi_hop_swap and the sweeps (derived discriminators) instead of quarantining them', () => {
    for (const name of ['buy_v2', 'sell_v2', 'buy_exact_quote_in_v2', 'multi_hop_swap', 'sweep_protocol_fee', 'sweep_creator_fee', 'admin_cto_pool', 'boost_buy_and_burn']) {
      const tx = buildTransaction({ programId: PUMPSWAP_PROGRAM_ID, ixData: ix(name), accounts: ACCOUNTS, events: [] });
      expect(decodeTransaction(tx), name).toMatchObject({ events: [], quarantine: [] });
    }
  });

  it('reads a buy_v2 trade like a buy (17 accounts, same first nine)', () => {
    const e = decodeOne(buyEvent(9, { ixName: 'buy_v2', feeRecipient: ZERO_KEY }), 'buy_v2', [...ACCOUNTS.slice(0, 9), ...Array.from({ length: 8 }, (_, i) => key(`v2-${i}`))]);
    expect(e).toMatchObject({ ixName: 'buy_v2', mint: MINT, quoteMint: WSOL, solAmount: 2_000n, realSolReserves: POOL_QUOTE + 2_004n + 1n });
  });

  it('records a failed buy / buy_exact_quote_in / sell as an attempt with its limits', () => {
    const attempts = ['buy', 'buy_exact_quote_in', 'sell_v2'].map((name) => {
      const result = decodeTransaction(buildTransaction({ programId: PUMPSWAP_PROGRAM_ID, ixData: ix(name), accounts: ACCOUNTS, events: [], success: false }));
      return result.events[0] as TradeEvent;
    });
    expect(attempts.map((t) => [t.success, t.isBuy, t.tokenAmount, t.solAmount, t.mint, t.pool, t.layout])).toEqual([
      [false, true, 1_000n, 2_100n, MINT, POOL, 'pumpswap.instruction.buy'],
      [false, true, 2_100n, 1_000n, MINT, POOL, 'pumpswap.instruction.buy_exact_quote_in'],
      [false, false, 1_000n, 2_100n, MINT, POOL, 'pumpswap.instruction.sell_v2'],
    ]);
  });
});

describe('PumpSwap multi_hop_swap', () => {
  const MINT_A = key('coin-a');
  const POOL_A = key('pool-a');
  const MINT_B = key('coin-b');
  const CURVE_B = key('curve-b');
  const fixed = Array.from({ length: 16 }, (_, i) => key(`mh-fixed-${i}`));
  const accounts = [...fixed, MINT_A, WSOL, POOL_A, key('a-base'), key('a-quote'), MINT_B, MINT_A, CURVE_B, key('b-base'), key('b-quote')];

  /** The pump TradeEvent of a curve hop (2026-05 layout, quoted in coin A), fields in IDL order. */
  function curveHopTrade(): Uint8Array {
    return new BorshWriter().bytes(anchorDiscriminator('event', 'TradeEvent'))
      .pubkey(MINT_B).u64(0n).u64(4_000n).bool(true).pubkey(USER).i64(1_790_000_000n).u64(31n).u64(32n).u64(33n).u64(34n)
      .pubkey(key('recipient')).u64(95n).u64(5n).pubkey(key('creator')).u64(30n).u64(2n).bool(false).u64(0n).u64(0n).u64(0n).i64(0n)
      .string('multi_hop_swap').bool(false).u64(0n).u64(0n).u64(0n).u64(0n).u32(0).pubkey(MINT_A).u64(1_000n).u64(41n).u64(42n).finish();
  }

  function route(): ChainTransaction {
    const outer: ChainInstruction = { programId: PUMPSWAP_PROGRAM_ID, accounts, data: new BorshWriter().bytes(anchorDiscriminator('global', 'multi_hop_swap')).u64(2_006n).u64(1n).finish(), stackHeight: 1, outerIndex: 0, innerIndex: null };
    const cpi = (programId: string, payload: Uint8Array, innerIndex: number, stackHeight: number): ChainInstruction => ({ programId, accounts: [key('event-authority')], data: Uint8Array.from([...EVENT_TAG, ...payload]), stackHeight, outerIndex: 0, innerIndex });
    const curveSwap: ChainInstruction = { programId: PUMPFUN_PROGRAM_ID, accounts: [], data: anchorDiscriminator('global', 'multi_hop_curve_swap'), stackHeight: 2, outerIndex: 0, innerIndex: 1 };
    const tx = buildTransaction({ programId: PUMPSWAP_PROGRAM_ID, ixData: outer.data, accounts, events: [] });
    tx.instructions = [outer, cpi(PUMPSWAP_PROGRAM_ID, buyEvent(9, { ixName: 'multi_hop_swap', pool: POOL_A }), 0, 2), curveSwap, cpi(PUMPFUN_PROGRAM_ID, curveHopTrade(), 2, 3)];
    tx.logMessages = [`Program ${PUMPSWAP_PROGRAM_ID} invoke [1]`, `Program ${PUMPSWAP_PROGRAM_ID} invoke [2]`, `Program ${PUMPSWAP_PROGRAM_ID} success`,
      `Program ${PUMPFUN_PROGRAM_ID} invoke [2]`, `Program ${PUMPFUN_PROGRAM_ID} invoke [3]`, `Program ${PUMPFUN_PROGRAM_ID} success`, `Program ${PUMPFUN_PROGRAM_ID} success`, `Program ${PUMPSWAP_PROGRAM_ID} success`];
    return tx;
  }

  it('makes each hop a trade on its own venue: the pool hop on PumpSwap (mints from its hop group), the curve hop on pump', () => {
    const trades = decodeTransaction(route()).events.filter((e): e is TradeEvent => e.kind === 'trade');
    expect(trades.map((t) => [t.program, t.mint, t.quoteMint, t.isBuy, t.tokenAmount, t.ixName, t.position.innerIndex])).toEqual([
      ['pumpswap', MINT_A, WSOL, true, 1_000n, 'multi_hop_swap', null],
      ['pumpfun', MINT_B, MINT_A, true, 4_000n, 'multi_hop_swap', 1],
    ]);
    expect((trades[0] as TradeEvent).pool).toBe(POOL_A);
  });

  it('leaves the mint empty when no hop group names the event pool (the pipeline then stores nothing)', () => {
    const tx = route();
    tx.instructions[1] = { ...tx.instructions[1]!, data: Uint8Array.from([...EVENT_TAG, ...buyEvent(9, { ixName: 'multi_hop_swap', pool: key('elsewhere') })]) };
    const hop = decodeTransaction(tx).events.find((e): e is TradeEvent => e.kind === 'trade' && e.program === 'pumpswap') as DecodedEvent & TradeEvent;
    expect([hop.mint, hop.quoteMint, hop.pool]).toEqual(['', '', key('elsewhere')]);
  });
});
