/**
 * Fuzz of the venue layouts: the newest PumpSwap BuyEvent / SellEvent (every field, IDL order) and Raydium
 * CPMM / AMM v4 swaps with their vault balances, truncated at every length and mutated at random, through
 * the transaction decoder. Nothing may throw; every outcome is an event or a decode-stage quarantine record.
 */
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import { PUMPSWAP_PROGRAM_ID, RAYDIUM_AMM_V4_PROGRAM_ID, RAYDIUM_CPMM_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { anchorDiscriminator, buildTransaction, key } from './transaction-builder.js';

const WSOL = 'So11111111111111111111111111111111111111112';
const CASES = 6_000;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function swapEvent(name: 'BuyEvent' | 'SellEvent', vqr: bigint): Uint8Array {
  const w = new BorshWriter().bytes(anchorDiscriminator('event', name)).i64(1_790_000_000n);
  for (let i = 0; i < 13; i += 1) w.u64(BigInt(1_000 + i));
  for (let i = 0; i < 7; i += 1) w.pubkey(key(`f${i}`));
  w.u64(5n).u64(1n);
  if (name === 'BuyEvent') w.bool(true).u64(1n).u64(2n).u64(3n).i64(4n).u64(5n).string('multi_hop_swap');
  return w.u64(0n).u64(0n).u64(5_000n).u64(1n).i128(vqr).bool(true).u64(9n).u64(0n).u64(0n).u64(7n).finish();
}

function mutate(data: Uint8Array, rnd: () => number): Uint8Array {
  const out = Uint8Array.from(data);
  switch (Math.floor(rnd() * 3)) {
    case 0:
      return out.subarray(0, Math.floor(rnd() * out.length));
    case 1:
      for (let i = 0; i < 1 + rnd() * 6; i += 1) out[8 + Math.floor(rnd() * (out.length - 8))] = Math.floor(rnd() * 256);
      return out;
    default:
      return Uint8Array.from([...out, ...Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256))]);
  }
}

function swapTransaction(rnd: () => number): ChainTransaction {
  const pick = rnd();
  if (pick < 0.5) {
    const payload = mutate(swapEvent(rnd() < 0.5 ? 'BuyEvent' : 'SellEvent', BigInt(Math.floor(rnd() * 2e9) - 1e9)), rnd);
    const name = ['buy', 'sell', 'buy_v2', 'sell_v2', 'multi_hop_swap'][Math.floor(rnd() * 5)] as string;
    const accounts = Array.from({ length: Math.floor(rnd() * 30) }, (_, i) => key(`ps${i}`));
    return buildTransaction({ programId: PUMPSWAP_PROGRAM_ID, ixData: anchorDiscriminator('global', name), accounts, events: [payload], withLogs: rnd() < 0.5, success: rnd() < 0.8 });
  }
  const cpmm = pick < 0.75;
  const data = cpmm
    ? new BorshWriter().bytes(anchorDiscriminator('global', rnd() < 0.5 ? 'swap_base_input' : 'swap_base_output')).u64(100n).u64(1n).finish()
    : new BorshWriter().u8([9, 11, 16, 17][Math.floor(rnd() * 4)]!).u64(100n).u64(1n).finish();
  const accounts = Array.from({ length: Math.floor(rnd() * 20) }, (_, i) => (i === 10 ? WSOL : key(`rv${i}`)));
  const tx = buildTransaction({ programId: cpmm ? RAYDIUM_CPMM_PROGRAM_ID : RAYDIUM_AMM_V4_PROGRAM_ID, ixData: mutate(data, rnd), accounts, events: [], success: rnd() < 0.8 });
  const balances = accounts.filter(() => rnd() < 0.4).map((account) => ({ accountIndex: -1, account, mint: rnd() < 0.5 ? WSOL : key('m'), owner: null, programId: TOKEN_PROGRAM_ID, amount: BigInt(Math.floor(rnd() * 1e6)), decimals: 6 }));
  return { ...tx, preTokenBalances: balances, postTokenBalances: balances.map((b) => ({ ...b, amount: BigInt(Math.floor(rnd() * 1e6)) })) };
}

describe('venue layout fuzz', () => {
  it(`survives ${CASES} truncated and mutated PumpSwap events and Raydium swaps without throwing`, () => {
    const rnd = rng(0x5eed);
    let events = 0;
    let quarantined = 0;
    for (let i = 0; i < CASES; i += 1) {
      const result = decodeTransaction(swapTransaction(rnd));
      events += result.events.length;
      quarantined += result.quarantine.length;
      for (const q of result.quarantine) expect([q.stage, q.kind === 'decoder_failure']).toEqual(['decode', false]);
      for (const e of result.events) if (e.kind === 'trade') expect(typeof e.solAmount).toBe('bigint');
    }
    expect(events).toBeGreaterThan(CASES / 4);
    expect(quarantined).toBeGreaterThan(0);
  });

  it('reads every truncation of the newest layouts as an event or a malformed record, never a failure', () => {
    for (const name of ['BuyEvent', 'SellEvent'] as const) {
      const full = swapEvent(name, -5n);
      for (let length = 8; length <= full.length; length += 1) {
        const result = decodeTransaction(buildTransaction({ programId: PUMPSWAP_PROGRAM_ID, ixData: anchorDiscriminator('global', 'buy'), accounts: [], events: [full.subarray(0, length)] }));
        expect(result.events.length + result.quarantine.filter((q) => q.kind === 'malformed').length, `${name} ${length}`).toBe(1);
      }
    }
  });
});
