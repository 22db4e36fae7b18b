import type { ChainTransaction, QuarantineRecord } from '../decoders/types.js';

/** Slot progress as Yellowstone reports it (`SlotStatus` names, lower-cased). */
export type SlotStatusName =
  | 'processed'
  | 'confirmed'
  | 'finalized'
  | 'first_shred_received'
  | 'completed'
  | 'created_bank'
  | 'dead'
  | 'unknown';

/**
 * What the stream stage hands to the pipeline, in arrival order. Live stream, replay files and RPC
 * backfill all produce these through the same bounded queue.
 * - `transaction`: a normalised transaction touching a decoded program; `receivedAtNs` is
 *   `process.hrtime.bigint()` when it was read, for latency metrics.
 * - `slot`: a slot status change. With `confirmed` commitment a slot's `confirmed` status arrives after
 *   all its transactions, so the consumer may treat it as "slot complete".
 * - `block_meta`: a block's time (Yellowstone transaction updates carry none; it arrives after them).
 * - `quarantine`: an update that could not be normalised (kept with its raw bytes).
 */
export type StreamItem =
  | { kind: 'transaction'; tx: ChainTransaction; receivedAtNs: bigint }
  | { kind: 'slot'; slot: bigint; status: SlotStatusName }
  | { kind: 'block_meta'; slot: bigint; blockTime: number | null }
  | { kind: 'quarantine'; record: QuarantineRecord };
