import type { SubscribeUpdateTransaction } from '@triton-one/yellowstone-grpc';
import type { NormalizeResult } from '../types.js';

/** Normalises a Yellowstone `SubscribeUpdateTransaction` (as the live stream delivers it). */
export function normalizeYellowstoneTransaction(update: SubscribeUpdateTransaction, txIndexHint?: number): NormalizeResult {
  void txIndexHint;
  return { ok: false, quarantine: { stage: 'normalize', program: null, discriminator: null, raw: new Uint8Array(), reason: 'not implemented yet', signature: null, slot: BigInt(update.slot), position: { outerIndex: null, innerIndex: null } } };
}
