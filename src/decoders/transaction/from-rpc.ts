import type { NormalizeResult } from '../types.js';

/** Normalises a Solana RPC `getTransaction` result (json, jsonParsed or base64 encoding). */
export function normalizeRpcTransaction(json: unknown, hints?: { slot?: bigint; blockTime?: number | null; txIndex?: number }): NormalizeResult {
  void json; void hints;
  return { ok: false, quarantine: { stage: 'normalize', program: null, discriminator: null, raw: new Uint8Array(), reason: 'not implemented yet', signature: null, slot: null, position: { outerIndex: null, innerIndex: null } } };
}

/** Normalises every transaction of a `getBlock` result (transactionDetails `full`). */
export function normalizeRpcBlock(block: unknown, slot: bigint): NormalizeResult[] {
  void block; void slot;
  return [];
}
