/**
 * The checkpoint: the slot a restart resumes after, written in the same database transaction as a batch's
 * rows (postgres/batch-writer.ts). It must be a slot whose every transaction is in that batch or an earlier one.
 *
 * - Complete slots. A slot is complete when the stream reports it at our commitment level
 *   (`slotCompleted`), when the next slot's first transaction arrives (the stream delivers in slot order:
 *   `transactionSeen`), or, at the close of a finite source, every slot seen (`completeAll`).
 * - Pending slots. A slot is still pending while the block-time gate holds some of its transactions, or
 *   while they are released but not yet processed (released-transactions.ts).
 * - The candidate checkpoint is the highest complete slot, but never at or past the lowest pending slot.
 * - Handed over: the last checkpoint given to the writer. A batch without rows whose checkpoint is that one
 *   has nothing to write (`isNew`), so an idle stream writes nothing.
 */
import type { BlockTimeGate } from './block-time-gate.js';
import type { ReleasedTransactions } from './released-transactions.js';

/** Tracks complete and pending slots, and the checkpoint last handed to the writer. */
export class CheckpointTracker {
  private completeSlot: bigint | null = null;
  private lastTransactionSlot: bigint | null = null;
  private handedOver: bigint | null = null;

  constructor(
    private readonly gate: Pick<BlockTimeGate, 'lowestHeldSlot'>,
    private readonly released: Pick<ReleasedTransactions, 'lowestSlot'>,
  ) {}

  /** The stream reported `slot` at our commitment level: all its transactions were delivered. */
  slotCompleted(slot: bigint): void {
    if (this.completeSlot === null || slot > this.completeSlot) this.completeSlot = slot;
  }

  /** A transaction of `slot` arrived: the first one of a newer slot completes the slot before it. */
  transactionSeen(slot: bigint): void {
    const last = this.lastTransactionSlot;
    if (last !== null && slot > last) this.slotCompleted(slot - 1n);
    if (last === null || slot > last) this.lastTransactionSlot = slot;
  }

  /** A finite source ended (at a slot boundary): every slot seen is complete. */
  completeAll(): void {
    if (this.lastTransactionSlot !== null) this.slotCompleted(this.lastTransactionSlot);
  }

  /** A live stream stopped: the pending slots will not complete here, so the checkpoint stays below them. */
  keepBelowPending(): void {
    const pending = this.lowestPendingSlot();
    if (pending !== null && this.completeSlot !== null && this.completeSlot >= pending) this.completeSlot = pending - 1n;
  }

  /** Lowest slot with a transaction held by the gate or released but not yet processed (null: none). */
  lowestPendingSlot(): bigint | null {
    const held = this.gate.lowestHeldSlot();
    const released = this.released.lowestSlot();
    if (held === null) return released;
    return released !== null && released < held ? released : held;
  }

  /** The checkpoint a batch flushed now would carry: complete, below every pending slot (null: none yet). */
  candidate(): bigint | null {
    const pending = this.lowestPendingSlot();
    const complete = this.completeSlot;
    const slot = pending === null || complete === null || complete < pending ? complete : pending - 1n;
    return slot !== null && slot >= 0n ? slot : null;
  }

  /** True when `slot` is a checkpoint not handed to the writer yet (a batch without rows writes only then). */
  isNew(slot: bigint | null): boolean {
    return slot !== null && slot !== this.handedOver;
  }

  /** Records `slot` as handed to the writer; returns it. */
  handOver(slot: bigint): bigint {
    this.handedOver = slot;
    return slot;
  }
}
