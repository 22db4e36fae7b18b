/**
 * Yellowstone transaction updates carry no block time; the block-meta update of their slot does, and
 * it arrives after the slot's transactions. Rows need the block's time (it is part of a trade's key, so
 * it must be the same on every replay, never the wall clock). The gate holds a slot's transactions
 * until its block time is known, then releases them with it.
 *
 * A slot whose block meta never comes (a server without blocks-meta, a dropped update) is released
 * after `maxHoldSlots` newer slots: its rows then fall back to the time the event itself carries
 * (Pump.fun events have one) or go to quarantine. Memory is bounded by the slots held; what is held is
 * the stream's item (for the live stream, the update's bytes), not a normalised transaction.
 */
import type { TransactionItem } from '../contracts/stream-item.js';

/** Receives each transaction the gate lets through, with its slot's block time (null: not known). */
export type ReleaseTransaction = (item: TransactionItem, blockTime: number | null) => void;

export const DEFAULT_MAX_HOLD_SLOTS = 64n;
const KNOWN_TIMES_MAX = 512;

export class BlockTimeGate {
  private readonly held = new Map<bigint, TransactionItem[]>();
  private readonly times = new Map<bigint, number>();
  private newestSlot: bigint | null = null;

  constructor(private readonly release: ReleaseTransaction, private readonly maxHoldSlots = DEFAULT_MAX_HOLD_SLOTS) {}

  /**
   * Takes a transaction whose own block time is `blockTime` (null when it has none): releases it now when
   * that or its slot's time is known, else holds it. Releases first any slot that waited too long.
   */
  admit(item: TransactionItem, blockTime: number | null): void {
    this.advance(item.slot);
    if (blockTime !== null) return this.release(item, blockTime);
    const known = this.times.get(item.slot);
    if (known !== undefined) return this.release(item, known);
    const list = this.held.get(item.slot);
    if (list) list.push(item);
    else this.held.set(item.slot, [item]);
  }

  /** Records a slot's block time and releases its held transactions with it. */
  resolve(slot: bigint, blockTime: number): void {
    this.times.set(slot, blockTime);
    if (this.times.size > KNOWN_TIMES_MAX) {
      const oldest = this.times.keys().next().value;
      if (oldest !== undefined) this.times.delete(oldest);
    }
    this.advance(slot);
    const list = this.held.get(slot);
    if (!list) return;
    this.held.delete(slot);
    for (const item of list) this.release(item, blockTime);
  }

  /** Releases everything still held, oldest slot first, without block times (end of a finite source). */
  releaseAll(): void {
    const slots = [...this.held.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const lists = slots.map((slot) => this.held.get(slot)!);
    this.held.clear();
    for (const list of lists) for (const item of list) this.release(item, null);
  }

  /** Forgets everything held (a live stream stopped: those slots are replayed after restart). */
  discardAll(): void {
    this.held.clear();
  }

  /** Lowest slot with transactions still held (the checkpoint must stay below it). */
  lowestHeldSlot(): bigint | null {
    let lowest: bigint | null = null;
    for (const slot of this.held.keys()) if (lowest === null || slot < lowest) lowest = slot;
    return lowest;
  }

  get heldCount(): number {
    let n = 0;
    for (const list of this.held.values()) n += list.length;
    return n;
  }

  private advance(slot: bigint): void {
    if (this.newestSlot !== null && slot <= this.newestSlot) return;
    this.newestSlot = slot;
    for (const [heldSlot, list] of this.held) {
      if (slot - heldSlot < this.maxHoldSlots) continue;
      this.held.delete(heldSlot);
      for (const item of list) this.release(item, null);
    }
  }
}
