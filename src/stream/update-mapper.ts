/**
 * Turns one Yellowstone `SubscribeUpdate` into the item the pipeline receives (or nothing, for pings,
 * pongs, duplicates and updates at or below the committed checkpoint).
 */
import { SlotStatus, type SubscribeUpdate, type SubscribeUpdateTransaction } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';
import type { NormalizeResult } from '../decoders/types.js';
import type { SignatureDedupe } from './signature-dedupe.js';
import type { SlotStatusName, StreamItem } from './stream-item.js';

/** The normaliser the stream applies to transaction updates (the decoders' one by default). */
export type NormalizeYellowstone = (update: SubscribeUpdateTransaction, txIndexHint?: number) => NormalizeResult;

const SLOT_STATUS_NAMES: Record<number, SlotStatusName> = {
  [SlotStatus.SLOT_PROCESSED]: 'processed',
  [SlotStatus.SLOT_CONFIRMED]: 'confirmed',
  [SlotStatus.SLOT_FINALIZED]: 'finalized',
  [SlotStatus.SLOT_FIRST_SHRED_RECEIVED]: 'first_shred_received',
  [SlotStatus.SLOT_COMPLETED]: 'completed',
  [SlotStatus.SLOT_CREATED_BANK]: 'created_bank',
  [SlotStatus.SLOT_DEAD]: 'dead',
};

/** Lower-case name of a Yellowstone slot status. */
export function nameSlotStatus(status: number): SlotStatusName {
  return SLOT_STATUS_NAMES[status] ?? 'unknown';
}

export interface MapUpdateContext {
  normalize: NormalizeYellowstone;
  dedupe: SignatureDedupe;
  /** Last committed slot when the connection was opened; updates at or below it are skipped. */
  committedSlot: bigint | null;
}

/** What happened to one update, for counters. */
export type MapOutcome = { item: StreamItem } | { skipped: 'duplicate' | 'committed' | 'other' };

/** Maps a slot, block-meta or transaction update; everything else is `skipped: 'other'`. */
export function mapSubscribeUpdate(update: SubscribeUpdate, context: MapUpdateContext): MapOutcome {
  if (update.slot) {
    const slot = BigInt(update.slot.slot);
    if (context.committedSlot !== null && slot <= context.committedSlot) return { skipped: 'committed' };
    return { item: { kind: 'slot', slot, status: nameSlotStatus(update.slot.status) } };
  }
  if (update.blockMeta) {
    const slot = BigInt(update.blockMeta.slot);
    if (context.committedSlot !== null && slot <= context.committedSlot) return { skipped: 'committed' };
    const stamp = update.blockMeta.blockTime?.timestamp;
    return { item: { kind: 'block_meta', slot, blockTime: stamp === undefined ? null : Number(stamp) } };
  }
  const transaction = update.transaction;
  if (!transaction) return { skipped: 'other' };
  const slot = BigInt(transaction.slot);
  if (context.committedSlot !== null && slot <= context.committedSlot) return { skipped: 'committed' };
  const signature = transaction.transaction?.signature;
  const key = signature ? Buffer.from(signature).toString('base64') : '';
  if (key !== '' && !context.dedupe.markFirstSeen(slot, key)) return { skipped: 'duplicate' };
  const receivedAtNs = process.hrtime.bigint();
  const index = transaction.transaction?.index;
  const result = normalizeSafely(context.normalize, transaction, index === undefined ? undefined : Number(index));
  if (result.ok) return { item: { kind: 'transaction', tx: result.tx, receivedAtNs } };
  return { item: { kind: 'quarantine', record: result.quarantine } };
}

/** A normaliser must not throw; if one does anyway, the update becomes a quarantine record. */
function normalizeSafely(normalize: NormalizeYellowstone, update: SubscribeUpdateTransaction, txIndex?: number): NormalizeResult {
  try {
    return normalize(update, txIndex);
  } catch (error) {
    const signature = update.transaction?.signature;
    return {
      ok: false,
      quarantine: {
        stage: 'normalize',
        program: null,
        discriminator: null,
        raw: new Uint8Array(),
        reason: `normaliser threw: ${error instanceof Error ? error.message : String(error)}`,
        signature: signature ? bs58.encode(signature) : null,
        slot: BigInt(update.slot),
        position: { outerIndex: null, innerIndex: null },
      },
    };
  }
}
