/**
 * Plain transaction updates for stream tests: valid Yellowstone messages (header, 32-byte blockhash)
 * touching the Pump.fun program, one `confirmed` slot update after each slot's transactions.
 */
import type { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';
import { buildTransactionUpdate } from '../../src/simulate/transaction-update.js';

export const PUMPFUN = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P';
const UNRELATED_PROGRAM = 'Vote111111111111111111111111111111111111111';

function keyFrom(seed: number, tag: number): string {
  const bytes = new Uint8Array(32);
  new DataView(bytes.buffer).setUint32(0, seed);
  bytes[31] = tag;
  return bs58.encode(bytes);
}

/** Signature bytes that are unique per (slot, index). */
export function signatureFor(slot: bigint, index: number): Uint8Array {
  const bytes = new Uint8Array(64);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, slot);
  view.setUint32(8, index);
  bytes[63] = 1;
  return bytes;
}

/** One slot: `perSlot` transactions (every `unrelatedEvery`-th touches another program), then the slot update. */
export function buildSlotUpdates(slot: bigint, perSlot: number, options: { unrelatedEvery?: number; padBytes?: number } = {}): SubscribeUpdate[] {
  const updates: SubscribeUpdate[] = [];
  for (let index = 0; index < perSlot; index += 1) {
    const unrelated = options.unrelatedEvery !== undefined && index % options.unrelatedEvery === options.unrelatedEvery - 1;
    updates.push(buildTransactionUpdate({
      slot, index, signature: signatureFor(slot, index), payer: keyFrom(index, 1), recentBlockhash: new Uint8Array(32).fill(5),
      instructions: [{ programId: unrelated ? UNRELATED_PROGRAM : PUMPFUN, accounts: [keyFrom(index, 2), keyFrom(index, 3)], data: new Uint8Array(options.padBytes ?? 24).fill(index % 251), inner: [] }],
      logMessages: [`Program ${unrelated ? UNRELATED_PROGRAM : PUMPFUN} invoke [1]`, `Program ${unrelated ? UNRELATED_PROGRAM : PUMPFUN} success`],
      preTokenBalances: [], postTokenBalances: [], feeLamports: 5_000n, payerDeltaLamports: -5_000n,
    }));
  }
  updates.push({ filters: [], createdAt: new Date(0), slot: { slot: slot.toString(), status: 1 } });
  return updates;
}

/** Every slot in [from, from + count). */
export function buildSlotRange(from: bigint, count: number, perSlot: number, options: { unrelatedEvery?: number; padBytes?: number } = {}): SubscribeUpdate[] {
  return Array.from({ length: count }, (_, i) => buildSlotUpdates(from + BigInt(i), perSlot, options)).flat();
}

/** A seeded PRNG (mulberry32) for reproducible drop points. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
