/**
 * The decoder stage: `ChainTransaction` → `DecodedEvent[]` + quarantine records. Pure: no I/O.
 * Registry: one `ProgramDecoder` per program id (routing by program id comes before discriminators).
 */
import { decodeWith } from './decode-transaction.js';
import type { ProgramDecoder } from './program-decoder.js';
import { pumpfunDecoder } from './pumpfun/index.js';
import { pumpswapDecoder } from './pumpswap/index.js';
import { raydiumAmmV4Decoder } from './raydium-amm-v4/index.js';
import { raydiumCpmmDecoder } from './raydium-cpmm/index.js';
import { raydiumLaunchpadDecoder } from './raydium-launchpad/index.js';
import type { ChainTransaction } from '../contracts/chain-transaction.js';
import type { DecodeResult } from '../contracts/decoded-event.js';
import { describeError } from '../shared/errors.js';

const DECODERS: ReadonlyMap<string, ProgramDecoder> = new Map(
  [pumpfunDecoder, raydiumLaunchpadDecoder, pumpswapDecoder, raydiumCpmmDecoder, raydiumAmmV4Decoder].map((d) => [d.programId, d]));

/**
 * Decodes every Pump.fun / LaunchLab event and every PumpSwap / Raydium CPMM / AMM v4 trade of one
 * transaction, in transaction order (whose pools are ours is decided by the pipeline).
 */
export function decodeTransaction(tx: ChainTransaction): DecodeResult {
  try {
    return decodeWith(DECODERS, tx);
  } catch (error) {
    // Last guard: a bug must cost one transaction (kept in quarantine), never the stream.
    const reason = `decoder failure: ${describeError(error)}`;
    const position = { outerIndex: null, innerIndex: null };
    return { events: [], quarantine: [{ stage: 'decode', kind: 'decoder_failure', program: null, discriminator: null, raw: new Uint8Array(0), reason, signature: tx.signature, slot: tx.slot, position }], notMine: false };
  }
}
