import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';
import { encodeBase58, encodePubkey } from '../../../src/shared/base58.js';

/** Deterministic bytes (xorshift), so a failure reproduces. */
function makeRandom(seed: number): (n: number) => Uint8Array {
  let s = seed >>> 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      out[i] = s & 0xff;
    }
    return out;
  };
}

/** Random keys, some with leading zero bytes, plus the edge values. */
function makeSamples(size: number, count: number): Uint8Array[] {
  const random = makeRandom(0x5eed + size);
  const samples: Uint8Array[] = [new Uint8Array(size), new Uint8Array(size).fill(0xff)];
  const one = new Uint8Array(size);
  one[size - 1] = 1;
  samples.push(one);
  for (let i = 0; i < count; i += 1) {
    const bytes = random(size);
    bytes.fill(0, 0, i % 7 === 0 ? i % (size + 1) : 0);
    if (i % 11 === 0) bytes.fill(0xff, 0, (i >> 3) % size);
    samples.push(bytes);
  }
  return samples;
}

describe('base58', () => {
  it.each([32, 64])('encodes %i-byte values exactly like bs58 (random, leading zeros, edges)', (size) => {
    const samples = makeSamples(size, 5_000);
    const mismatches = samples.filter((b) => encodeBase58(b) !== bs58.encode(b)).map((b) => Buffer.from(b).toString('hex'));
    expect(mismatches).toEqual([]);
  });

  it('encodes a slice of a larger buffer and other lengths like bs58', () => {
    const random = makeRandom(7);
    const big = random(200);
    big.fill(0, 40, 43);
    for (const [start, end] of [[40, 72], [10, 74], [0, 0], [5, 6], [40, 61], [3, 200]] as const) {
      expect([start, end, encodeBase58(big, start, end)]).toEqual([start, end, bs58.encode(big.subarray(start, end))]);
    }
  });

  it('returns the same text for a pubkey on a cache miss, a cache hit and after the cache is cleared', () => {
    const samples = makeSamples(32, 140_000);
    const flat = new Uint8Array(samples.length * 32);
    samples.forEach((b, i) => flat.set(b, i * 32));
    const expected = samples.map((b) => bs58.encode(b));
    for (let round = 0; round < 2; round += 1) {
      // 140k keys overflow the 131k-entry cache once per round: the clear path runs too.
      const wrong: number[] = [];
      for (let i = 0; i < samples.length; i += 1) if (encodePubkey(flat, i * 32) !== expected[i]) wrong.push(i);
      expect([round, wrong]).toEqual([round, []]);
    }
  });
});
