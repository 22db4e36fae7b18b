/**
 * The bonding curve of a pump mint, when the invocation does not list it (a curve hop of a PumpSwap
 * `multi_hop_swap`, a bare log line, an instruction of ours that lists no curve): it is the PDA
 * ["bonding-curve", mint] of the pump program. Pure computation, ~0.2 ms, so remembered per mint in a
 * small table that is emptied when full (hot mints repeat; a miss only costs the derivation again).
 */
import { decodeBase58 } from '../../shared/base58.js';
import { findProgramAddress } from '../../shared/program-address.js';
import { PUMPFUN_PROGRAM_ID } from '../../contracts/programs.js';

const SEED = Buffer.from('bonding-curve', 'utf8');
const MAX_REMEMBERED = 4096;
const remembered = new Map<string, string | null>();

/** The mint's bonding curve address, or null when the mint is not a 32-byte base58 key. */
export function bondingCurveOfMint(mint: string): string | null {
  const known = remembered.get(mint);
  if (known !== undefined) return known;
  let curve: string | null = null;
  try {
    const bytes = decodeBase58(mint);
    if (bytes.length === 32) curve = findProgramAddress([SEED, bytes], PUMPFUN_PROGRAM_ID)[0];
  } catch {
    curve = null; // not base58: no address to derive
  }
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(mint, curve);
  return curve;
}
