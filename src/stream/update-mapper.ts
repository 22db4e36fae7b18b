/**
 * Turns one Yellowstone `SubscribeUpdate`, as the protobuf bytes the server sent, into the item the
 * pipeline receives (or nothing, for pings, pongs, duplicates and updates at or below the committed
 * checkpoint). A transaction update stays bytes (its envelope read, its signature checked): the pipeline
 * normalises it with the normaliser it was given (see `transaction_bytes` in contracts/stream-item.ts).
 * Corrupt bytes become a quarantine record holding them; nothing here throws.
 */
import { SlotStatus } from '@triton-one/yellowstone-grpc';
import { quarantineRaw, type QuarantineRecord } from '../contracts/quarantine.js';
import { describeError } from '../shared/errors.js';
import { readUpdateEnvelope, type UpdateEnvelope } from './update-envelope.js';
import type { SignatureDedupe } from './signature-dedupe.js';
import type { SlotStatusName, StreamItem, TransactionItem } from '../contracts/stream-item.js';

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
  dedupe: SignatureDedupe;
  /** Last committed slot when the connection was opened; updates at or below it are skipped. */
  committedSlot: bigint | null;
}

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
      const item: TransactionItem = { kind: 'transaction_bytes', slot: envelope.slot, bytes, start: envelope.start, end: envelope.end, receivedAtNs: process.hrtime.bigint() };
      return { item };
    }
    default:
      return { skipped: 'other' };
  }
}

function corruptUpdate(bytes: Uint8Array, error: unknown): QuarantineRecord {
  return {
    stage: 'normalize',
    kind: 'unreadable_update',
    program: null,
    discriminator: null,
    raw: quarantineRaw(bytes),
    reason: `unreadable SubscribeUpdate: ${describeError(error)}`,
    signature: null,
    slot: null,
    position: { outerIndex: null, innerIndex: null },
  };
}
