/**
 * The decoder stage: `ChainTransaction` → `DecodedEvent[]` + quarantine records. Pure: no I/O.
 */
import type { ChainTransaction, DecodeResult } from './types.js';

export * from './types.js';
export { DECODER_PROGRAMS } from './programs.js';

/** Decodes every Pump.fun / LaunchLab / PumpSwap event of one transaction, in transaction order. */
export function decodeTransaction(tx: ChainTransaction): DecodeResult {
  void tx;
  return { events: [], quarantine: [] };
}
