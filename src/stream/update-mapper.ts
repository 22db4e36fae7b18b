/**
 * Turns one Yellowstone `SubscribeUpdate`, as the protobuf bytes the server sent, into the item the
 * pipeline receives (or nothing, for pings, pongs, duplicates and updates at or below the committed
 * checkpoint). Corrupt bytes become a quarantine record holding them; nothing here throws.
 */
import { SlotStatus } from '@triton-one/yellowstone-grpc';
import type { NormalizeResult, QuarantineRecord } from '../decoders/types.js';
import { normalizeYellowstoneTransactionBytes, readUpdateEnvelope, type UpdateEnvelope } from '../decoders/transaction/from-yellowstone-bytes.js';
import type { SignatureDedupe } from './signature-dedupe.js';
import type { SlotStatusName, StreamItem } from './stream-item.js';

/** The normaliser the stream applies to a transaction update's bytes (the decoders' one by default). */
export type NormalizeYellowstone = (bytes: Uint8Array, start: number, end: number) => NormalizeResult;

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

/** The default context's normaliser. */
export const normalizeTransactionUpdate: NormalizeYellowstone = normalizeYellowstoneTransactionBytes;

/** What happened to one update, for counters. */
export type MapOutcome = { item: StreamItem } | { skipped: 'duplicate' | 'committed' | 'other' };

/** Maps a slot, block-meta or transaction update; everything else is `skipped: 'other'`. */
export function mapSubscribeUpdate(bytes: Uint8Array, context: MapUpdateContext): MapOutcome {
  let envelope: UpdateEnvelope;
  try {
    envelope = readUpdateEnvelope(bytes);
  } catch (error) {
    return { item: { kind: 'quarantine', record: corruptUpdate(bytes, error) } };
  }
  switch (envelope.kind) {
    case 'slot':
      if (context.committedSlot !== null && envelope.slot <= context.committedSlot) return { skipped: 'committed' };
      return { item: { kind: 'slot', slot: envelope.slot, status: nameSlotStatus(envelope.status) } };
    case 'block_meta':
      if (context.committedSlot !== null && envelope.slot <= context.committedSlot) return { skipped: 'committed' };
      return { item: { kind: 'block_meta', slot: envelope.slot, blockTime: envelope.blockTime } };
    case 'transaction': {
      if (context.committedSlot !== null && envelope.slot <= context.committedSlot) return { skipped: 'committed' };
      if (envelope.signatureEnd > envelope.signatureStart) {
        const key = (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString('base64', envelope.signatureStart, envelope.signatureEnd);
        if (!context.dedupe.markFirstSeen(envelope.slot, key)) return { skipped: 'duplicate' };
      }
      const receivedAtNs = process.hrtime.bigint();
      const result = normalizeSafely(context.normalize, bytes, envelope);
      if (result.ok) return { item: { kind: 'transaction', tx: result.tx, receivedAtNs } };
      return { item: { kind: 'quarantine', record: result.quarantine } };
    }
    default:
      return { skipped: 'other' };
  }
}

/** A normaliser must not throw; if one does anyway, the update becomes a quarantine record. */
function normalizeSafely(normalize: NormalizeYellowstone, bytes: Uint8Array, envelope: UpdateEnvelope & { kind: 'transaction' }): NormalizeResult {
  try {
    return normalize(bytes, envelope.start, envelope.end);
  } catch (error) {
    const record = corruptUpdate(bytes, error);
    record.reason = `normaliser threw: ${record.reason}`;
    record.slot = envelope.slot;
    return { ok: false, quarantine: record };
  }
}

const MAX_RAW_BYTES = 64 * 1024;

function corruptUpdate(bytes: Uint8Array, error: unknown): QuarantineRecord {
  return {
    stage: 'normalize',
    program: null,
    discriminator: null,
    raw: Uint8Array.from(bytes.subarray(0, MAX_RAW_BYTES)),
    reason: `unreadable SubscribeUpdate: ${error instanceof Error ? error.message : String(error)}`,
    signature: null,
    slot: null,
    position: { outerIndex: null, innerIndex: null },
  };
}
