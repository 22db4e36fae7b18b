/**
 * Stream items: what the stream stage (live Yellowstone, replay files, RPC backfill) puts on the bounded
 * queue and the pipeline takes off it. Items are data, never functions.
 */
import type { ChainTransaction, NormalizeResult } from './chain-transaction.js';
import type { QuarantineRecord } from './quarantine.js';

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
 * Turns the `SubscribeUpdateTransaction` between `start` and `end` of an update's bytes into a transaction.
 * The stream stage provides it (`stream/normalize/from-yellowstone-bytes.ts`); the pipeline receives it as an
 * option, as it receives `decode`, and calls it once the slot's block time is known.
 */
export type NormalizeTransactionBytes = (bytes: Uint8Array, start: number, end: number) => NormalizeResult;

/**
 * What the stream stage hands to the pipeline, in arrival order. Live stream, replay files and RPC
 * backfill all produce these through the same bounded queue.
 * - `transaction`: a normalised transaction touching a decoded program (RPC backfill, JSON files);
 *   `receivedAtNs` is `process.hrtime.bigint()` when it was read, for latency metrics.
 * - `transaction_bytes`: a Yellowstone transaction update still as the bytes the server sent (its slot read,
 *   its signature checked for duplicates), normalised only when the pipeline processes it. A normalised
 *   transaction is a graph of hundreds of small objects; thousands of them waiting in the queue or for their
 *   block time survive young-generation collections and get copied twice, which cost a third of the main
 *   thread at 10,000 trades/s. Bytes from the native client live outside the JS heap and cost nothing there.
 * - `slot`: a slot status change. With `confirmed` commitment a slot's `confirmed` status arrives after
 *   all its transactions, so the consumer may treat it as "slot complete".
 * - `block_meta`: a block's time (Yellowstone transaction updates carry none; it arrives after them).
 * - `quarantine`: an update that could not be read (kept with its raw bytes).
 */
export type StreamItem =
  | NormalizedTransactionItem
  | TransactionBytesItem
  | { kind: 'slot'; slot: bigint; status: SlotStatusName }
  | { kind: 'block_meta'; slot: bigint; blockTime: number | null }
  | { kind: 'quarantine'; record: QuarantineRecord };

export type NormalizedTransactionItem = { kind: 'transaction'; slot: bigint; tx: ChainTransaction; receivedAtNs: bigint };
/** Data only: the pipeline normalises `bytes[start, end)` with the `NormalizeTransactionBytes` it was given. */
export type TransactionBytesItem = { kind: 'transaction_bytes'; slot: bigint; bytes: Uint8Array; start: number; end: number; receivedAtNs: bigint };
export type TransactionItem = NormalizedTransactionItem | TransactionBytesItem;

/** A transaction item from an already normalised transaction. */
export function transactionItem(tx: ChainTransaction, receivedAtNs = process.hrtime.bigint()): NormalizedTransactionItem {
  return { kind: 'transaction', slot: tx.slot, tx, receivedAtNs };
}

export function isTransactionItem(item: StreamItem): item is TransactionItem {
  return item.kind === 'transaction' || item.kind === 'transaction_bytes';
}
