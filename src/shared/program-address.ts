/**
 * Program derived addresses (PDAs), computed here so that pure code (decoders, pipeline) can derive one
 * without importing @solana/web3.js, which the purity rules keep out of those stages.
 *
 * A PDA is sha256(seeds ‖ [bump] ‖ program id ‖ "ProgramDerivedAddress") for the highest bump (255 down to
 * 0) whose hash is NOT a point of the ed25519 curve, so that no private key can sign for it. The curve test
 * follows the canonical point decoding (RFC 8032 §5.1.3, as @solana/web3.js applies it): y must be below p,
 * x² = (y² − 1) / (d·y² + 1) must have a square root, and x = 0 may not carry the sign bit. Whether u/v is a
 * square is Euler's criterion on u·v (same quadratic character, one exponentiation).
 *
 * Cost: one sha256 and one 255-bit modular exponentiation per bump tried (the first bump succeeds about
 * half the time), ~0.1 ms each on this machine: callers that derive on a hot path keep a cache.
 */
import { createHash } from 'node:crypto';
import { decodeBase58, encodeBase58 } from './base58.js';

const P = (1n << 255n) - 19n;
const LOW_255 = (1n << 255n) - 1n;
const PDA_MARKER = Buffer.from('ProgramDerivedAddress', 'utf8');
const MAX_SEED_BYTES = 32;

/** x mod p for 0 ≤ x < 2^510, using 2^255 ≡ 19 (mod p): about twice as fast as `%` (measured). */
function reduce(x: bigint): bigint {
  let r = (x & LOW_255) + 19n * (x >> 255n);
  r = (r & LOW_255) + 19n * (r >> 255n);
  return r >= P ? r - P : r;
}

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = ((base % P) + P) % P;
  let e = exponent;
  while (e > 0n) {
    if ((e & 1n) === 1n) result = reduce(result * b);
    b = reduce(b * b);
    e >>= 1n;
  }
  return result;
}

/** Edwards d = −121665 / 121666 mod p. */
const D = P - reduce(121665n * modPow(121666n, P - 2n));

/** True when the 32 bytes decode to a point of the ed25519 curve (then they cannot be a PDA). */
export function isOnCurve(bytes: Uint8Array): boolean {
  if (bytes.length !== 32) return false;
  let y = 0n;
  for (let i = 31; i >= 0; i -= 1) y = (y << 8n) | BigInt(bytes[i] as number);
  const sign = (y >> 255n) & 1n;
  y &= (1n << 255n) - 1n;
  if (y >= P) return false;
  const y2 = (y * y) % P;
  const u = (y2 - 1n + P) % P;
  const v = (D * y2 + 1n) % P;
  if (u === 0n) return sign === 0n; // x = 0: valid only without the sign bit
  return modPow(reduce(u * v), (P - 1n) / 2n) === 1n;
}

/** [address, bump] of the PDA of `seeds` under `programId` (base58); throws on a seed over 32 bytes. */
export function findProgramAddress(seeds: readonly Uint8Array[], programId: string): [string, number] {
  const program = decodeBase58(programId);
  for (const seed of seeds) if (seed.length > MAX_SEED_BYTES) throw new RangeError(`PDA seed of ${seed.length} bytes (max ${MAX_SEED_BYTES})`);
  const bump = Uint8Array.of(0);
  for (let b = 255; b >= 0; b -= 1) {
    bump[0] = b;
    const hash = createHash('sha256');
    for (const seed of seeds) hash.update(seed);
    const digest = hash.update(bump).update(program).update(PDA_MARKER).digest();
    if (!isOnCurve(digest)) return [encodeBase58(digest), b];
  }
  throw new RangeError('no viable bump seed');
}
