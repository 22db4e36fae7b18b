/** PDAs and the ed25519 curve test, against @solana/web3.js and real bonding curves of mainnet mints. */
import { randomBytes } from 'node:crypto';
import { Keypair, PublicKey } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import { decodeBase58 } from '../../../src/shared/base58.js';
import { findProgramAddress, isOnCurve } from '../../../src/shared/program-address.js';
import { PUMPFUN_PROGRAM_ID } from '../../../src/contracts/programs.js';

/** (mint, bonding curve) pairs read from the accounts of real pump trades (../shared/fixtures/2026-12). */
const REAL_CURVES = [
  ['ZpmYmsQadhPYAWu1ygRx9KmgPzBHC4ssnLZ7m5vpump', '9VUPe3Km58a2oQKg2ZiXfvsPZpHcWzW5xv8cc9mAsvkM'],
  ['EPGWfGAvwXrkY2aveqeHSfV3ZVNn5kkBBEJvX1YApump', 'FQbRvG22GNaPauUpMfjgwUFftPMXERj6RrXcVxRyD23Z'],
  ['AxkgsqnUcv48KpctcDKb13d51rRhhQk5kydotA1Lpump', 'A4a8foWCmeV6ZPR7dashsDEih2RCFDrQee6akyxqJPaH'],
];

describe('program derived addresses', () => {
  it('derives the real bonding curves of mainnet mints (seeds "bonding-curve", mint)', () => {
    for (const [mint, curve] of REAL_CURVES) {
      expect(findProgramAddress([Buffer.from('bonding-curve'), decodeBase58(mint!)], PUMPFUN_PROGRAM_ID)[0]).toBe(curve);
    }
  });

  it('agrees with @solana/web3.js on random seeds, address and bump', () => {
    const program = new PublicKey(PUMPFUN_PROGRAM_ID);
    for (let i = 0; i < 40; i += 1) {
      const seeds = [Buffer.from('bonding-curve'), randomBytes(32)];
      const [address, bump] = PublicKey.findProgramAddressSync(seeds, program);
      expect(findProgramAddress(seeds, PUMPFUN_PROGRAM_ID)).toEqual([address.toBase58(), bump]);
    }
  });

  it('tells curve points from other bytes as web3.js does (random bytes, real keys, the edge encodings)', () => {
    for (let i = 0; i < 500; i += 1) {
      const bytes = randomBytes(32);
      expect(isOnCurve(bytes)).toBe(PublicKey.isOnCurve(bytes));
    }
    for (let i = 0; i < 20; i += 1) expect(isOnCurve(Keypair.generate().publicKey.toBytes())).toBe(true);
    const yOne = new Uint8Array(32);
    yOne[0] = 1; // y = 1: x = 0, a point
    const yOneNegative = Uint8Array.from(yOne);
    yOneNegative[31] = 0x80; // x = 0 with the sign bit: not a canonical point
    const aboveP = new Uint8Array(32).fill(0xff);
    aboveP[31] = 0x7f; // y = 2^255 - 1 ≥ p
    for (const bytes of [yOne, yOneNegative, aboveP]) expect(isOnCurve(bytes)).toBe(PublicKey.isOnCurve(bytes));
    expect(isOnCurve(new Uint8Array(31))).toBe(false);
  });

  it('refuses a seed longer than 32 bytes', () => {
    expect(() => findProgramAddress([new Uint8Array(33)], PUMPFUN_PROGRAM_ID)).toThrow(RangeError);
  });
});
