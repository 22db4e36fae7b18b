/**
 * The decode benchmark's mix measures decoding, not errors: a slice of it (six cycles, every kind and every
 * variant: v3 buy / sell / buy_exact_quote_in, PumpSwap buy and sell, multi-hop both ways) goes through the
 * bytes path the bench times, and each transaction decodes with no quarantine record and exactly the
 * events of its kind, read from the newest layouts (no trailing bytes), with mints and pools from the
 * accounts the instructions list. The object path decodes the same bytes to the same result.
 */
import { describe, expect, it } from 'vitest';
import { buildBenchUpdate, DECODE_MIX, describeMix, mixKindOf, viaBytes, viaObjects, type MixKind } from '../../../bench/decode.js';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { WSOL_MINT, type ChainInstruction, type ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { DecodedEvent, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { PUMPFUN_PROGRAM_ID, PUMPSWAP_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../../../src/contracts/programs.js';

const CYCLE = DECODE_MIX.reduce((sum, m) => sum + m.share, 0);
const SLICE = Array.from({ length: 6 * CYCLE }, (_, n) => n);
const MULTI_HOP_FIXED_ACCOUNTS = 16;

function normalized(bytes: Uint8Array): ChainTransaction {
  const r = viaBytes(bytes);
  if (!r.ok) throw new Error(`bench transaction does not normalise: ${JSON.stringify(r)}`);
  return r.tx;
}

/** The program instruction of a bench transaction (after the two compute-budget instructions). */
function programInstruction(tx: ChainTransaction): ChainInstruction {
  const ix = tx.instructions.find((i) => i.innerIndex === null && i.outerIndex === 2);
  if (ix === undefined) throw new Error('no program instruction at outer index 2');
  return ix;
}

const trade = (e: DecodedEvent | undefined): TradeEvent => {
  expect(e?.kind).toBe('trade');
  return e as TradeEvent;
};

/** Checks the events of one transaction against its kind; returns how many there were. */
function checkEvents(kind: MixKind, tx: ChainTransaction, events: DecodedEvent[]): void {
  const ix = programInstruction(tx);
  const at = (i: number) => ix.accounts[i];
  for (const e of events) expect([e.success, e.trailingBytes]).toEqual([true, 0]);
  switch (kind) {
    case 'pump': {
      expect(ix.programId).toBe(PUMPFUN_PROGRAM_ID);
      expect(events).toHaveLength(1);
      const t = trade(events[0]);
      expect(t).toMatchObject({ program: 'pumpfun', layout: 'pump.TradeEvent.v5', mint: at(2), pool: at(3), quoteMint: WSOL_MINT });
      expect(t.ixName).toBe(t.isBuy ? 'buy' : 'sell');
      break;
    }
    case 'pump_v3': {
      expect(ix.programId).toBe(PUMPFUN_PROGRAM_ID);
      expect(ix.accounts).toHaveLength(17);
      expect(events).toHaveLength(1);
      const t = trade(events[0]);
      // The bonding curve at account 5, mint at 1, user at 8 (TRADE_V3.md); the 2026 fields are read.
      expect(t).toMatchObject({ program: 'pumpfun', layout: 'pump.TradeEvent.v9', mint: at(1), pool: at(5), user: at(8), quoteMint: WSOL_MINT });
      expect(['buy_v3', 'sell_v3', 'buy_exact_quote_in_v3']).toContain(t.ixName);
      expect(t.isBuy).toBe(t.ixName !== 'sell_v3');
      expect([t.holderRewardsBps, t.holderRewards, typeof t.creatorFeeUnclaimed]).toEqual([30n, 293_334n, 'bigint']);
      break;
    }
    case 'create':
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ program: 'pumpfun', kind: 'create' });
      break;
    case 'launch':
      expect(ix.programId).toBe(RAYDIUM_LAUNCHPAD_PROGRAM_ID);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ program: 'raydium_launchpad', kind: 'trade', ixName: 'buy_exact_in' });
      break;
    case 'pumpswap': {
      expect(ix.programId).toBe(PUMPSWAP_PROGRAM_ID);
      expect(events).toHaveLength(1);
      const t = trade(events[0]);
      expect(t).toMatchObject({ program: 'pumpswap', layout: t.isBuy ? 'pumpswap.BuyEvent.v9' : 'pumpswap.SellEvent.v7', pool: at(0), user: at(1), mint: at(3), quoteMint: WSOL_MINT });
      expect(t.ixName).toBe(t.isBuy ? 'buy' : 'sell');
      // Negative virtual quote reserves (signed i128): effective reserves below the vault.
      expect((t.virtualQuoteReserves ?? 0n) < 0n && (t.virtualSolReserves ?? 0n) < (t.realSolReserves ?? 0n)).toBe(true);
      expect(typeof t.creatorFeeUnclaimed).toBe('bigint');
      break;
    }
    case 'multi_hop': {
      expect(ix.programId).toBe(PUMPSWAP_PROGRAM_ID);
      expect(events).toHaveLength(2);
      const hops = Array.from({ length: (ix.accounts.length - MULTI_HOP_FIXED_ACCOUNTS) / 5 }, (_, h) => ix.accounts.slice(MULTI_HOP_FIXED_ACCOUNTS + 5 * h, MULTI_HOP_FIXED_ACCOUNTS + 5 * h + 5));
      expect(hops).toHaveLength(2);
      const pool = trade(events.find((e) => e.program === 'pumpswap'));
      const curve = trade(events.find((e) => e.program === 'pumpfun'));
      const poolHop = hops.find((g) => g[2] === pool.pool);
      const curveHop = hops.find((g) => g[2] === curve.pool);
      expect(poolHop).toBeDefined();
      expect(curveHop).toBeDefined();
      // Pool hop on PumpSwap (mints from its hop group); curve hop on pump, quoted in the pool hop's coin,
      // its curve derived from the mint equal to the curve its hop group lists.
      expect(pool).toMatchObject({ layout: pool.isBuy ? 'pumpswap.BuyEvent.v9' : 'pumpswap.SellEvent.v7', ixName: 'multi_hop_swap', mint: poolHop?.[0], quoteMint: WSOL_MINT });
      expect(curve).toMatchObject({ layout: 'pump.TradeEvent.v9', ixName: 'multi_hop_swap', mint: curveHop?.[0], quoteMint: poolHop?.[0], isBuy: pool.isBuy });
      expect(curve.position.innerIndex).not.toBeNull(); // under multi_hop_curve_swap, not the outer instruction
      break;
    }
    case 'other':
      expect(events).toEqual([]);
      break;
  }
}

describe('decode bench mix', () => {
  it('prints its mix: every kind, shares summing to 100%, v3, PumpSwap and multi-hop among them', () => {
    const percents = [...describeMix().matchAll(/(\d+)%/g)].map((m) => Number(m[1]));
    expect(percents.reduce((a, b) => a + b, 0)).toBe(100);
    expect(DECODE_MIX.map((m) => m.kind)).toEqual(['pump', 'pump_v3', 'create', 'launch', 'pumpswap', 'multi_hop', 'other']);
    expect(describeMix()).toMatch(/v3.*PumpSwap.*multi_hop_swap/);
    const counts = new Map<MixKind, number>();
    for (let n = 0; n < CYCLE; n += 1) counts.set(mixKindOf(n), (counts.get(mixKindOf(n)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(DECODE_MIX.map((m) => [m.kind, m.share])));
  });

  it('decodes every transaction of six cycles with no quarantine record and exactly the events of its kind', () => {
    const seen = new Map<string, number>();
    for (const n of SLICE) {
      const { kind, bytes } = buildBenchUpdate(n);
      const tx = normalized(bytes);
      const result = decodeTransaction(tx);
      expect(result.quarantine, `transaction ${n} (${kind})`).toEqual([]);
      checkEvents(kind, tx, result.events);
      const variant = result.events.map((e) => (e.kind === 'trade' ? `${e.program}:${(e as TradeEvent).ixName}:${(e as TradeEvent).isBuy}` : e.kind)).join('+');
      seen.set(`${kind} ${variant}`, (seen.get(`${kind} ${variant}`) ?? 0) + 1);
    }
    // Every variant is in the slice: the v3 instructions, both PumpSwap sides, multi-hop both ways.
    expect([...seen.keys()].sort()).toEqual([
      'create create',
      'launch raydium_launchpad:buy_exact_in:true',
      'multi_hop pumpswap:multi_hop_swap:false+pumpfun:multi_hop_swap:false',
      'multi_hop pumpswap:multi_hop_swap:true+pumpfun:multi_hop_swap:true',
      'other ',
      'pump pumpfun:buy:true',
      'pump pumpfun:sell:false',
      'pump_v3 pumpfun:buy_exact_quote_in_v3:true',
      'pump_v3 pumpfun:buy_v3:true',
      'pump_v3 pumpfun:sell_v3:false',
      'pumpswap pumpswap:buy:true',
      'pumpswap pumpswap:sell:false',
    ]);
  });

  it('gives the same decode result through the generated decoder + object normaliser', () => {
    for (const n of SLICE.slice(0, 2 * CYCLE)) {
      const { bytes } = buildBenchUpdate(n);
      const objects = viaObjects(bytes);
      expect(objects.ok).toBe(true);
      if (objects.ok) expect(decodeTransaction(objects.tx)).toEqual(decodeTransaction(normalized(bytes)));
    }
  });
});
