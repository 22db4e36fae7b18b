/** Seeded pseudo-random numbers (mulberry32) and the helpers the market draws from. Deterministic. */
import bs58 from 'bs58';

export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** How many events happen this step when `rate` happen on average (integer part + a Bernoulli for the rest). */
  count(rate: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
  /** A random 32-byte address, base58. */
  address(): string;
  /** Lamports between `minSol` and `maxSol` SOL. */
  lamports(minSol: number, maxSol: number): bigint;
}

/** Creates a generator from a 32-bit seed. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const bytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => Math.floor(next() * 256));
  return {
    next,
    int,
    count: (rate) => Math.floor(rate) + (next() < rate - Math.floor(rate) ? 1 : 0),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    bytes,
    address: () => bs58.encode(bytes(32)),
    // Whole lamports from a millilamport grid: no float reaches an amount beyond this draw.
    lamports: (minSol, maxSol) => BigInt(Math.round(minSol * 1e9)) + BigInt(Math.floor(next() * (maxSol - minSol) * 1e6)) * 1_000n,
  };
}
