/**
 * Yellowstone transaction updates carry no block time; the block-meta update of their slot does, and
 * it arrives after the slot's transactions. Rows need the block's time (it is part of a trade's key, so
 * it must be the same on every replay, never the wall clock). The gate holds a slot's transactions
 * until its block time is known, then releases them with it.
 *
 * A slot whose block meta never comes (a server without blocks-meta, a dropped update) is released
 * after `maxHoldSlots` newer slots: its rows then fall back to the time the event itself carries
 * (Pump.fun events have one) or go to quarantine. Memory is bounded by the slots held.
 */
import type { ChainTransaction } from '../decoders/types.js';

export interface HeldTransaction {
  tx: ChainTransaction;
  receivedAtNs: bigint;
}

export const DEFAULT_MAX_HOLD_SLOTS = 64n;
const KNOWN_TIMES_MAX = 512;

export class BlockTimeGate {
  private readonly held = new Map<bigint, HeldTransaction[]>();
  private readonly times = new Map<bigint, number>();
  private newestSlot: bigint | null = null;

  constructor(private readonly maxHoldSlots = DEFAULT_MAX_HOLD_SLOTS) {}

  /**
   * Takes a transaction; returns the transactions ready to process now (this one with its block time
   * filled in when known, and any slot released because it waited too long).
   */
  admit(item: HeldTransaction): HeldTransaction[] {
    const ready = this.advance(item.tx.slot);
    if (item.tx.blockTime !== null) {
      ready.push(item);
      return ready;
    }
    const known = this.times.get(item.tx.slot);
    if (known !== undefined) {
      item.tx.blockTime = known;
      ready.push(item);
      return ready;
    }
    const list = this.held.get(item.tx.slot);
    if (list) list.push(item);
    else this.held.set(item.tx.slot, [item]);
    return ready;
  }

  /** Records a slot's block time; returns its held transactions, now stamped. */
  resolve(slot: bigint, blockTime: number): HeldTransaction[] {
    this.times.set(slot, blockTime);
    if (this.times.size > KNOWN_TIMES_MAX) {
      const oldest = this.times.keys().next().value;
      if (oldest !== undefined) this.times.delete(oldest);
    }
    const ready = this.advance(slot);
    const list = this.held.get(slot);
    if (!list) return ready;
    this.held.delete(slot);
    for (const item of list) item.tx.blockTime = blockTime;
    return ready.concat(list);
  }

  /** Releases everything still held (end of a finite source), without block times. */
  releaseAll(): HeldTransaction[] {
    const out = [...this.held.keys()].sort((a, b) => (a < b ? -1 : 1)).flatMap((slot) => this.held.get(slot)!);
    this.held.clear();
    return out;
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

  private advance(slot: bigint): HeldTransaction[] {
    if (this.newestSlot !== null && slot <= this.newestSlot) return [];
    this.newestSlot = slot;
    const ready: HeldTransaction[] = [];
    for (const [heldSlot, list] of this.held) {
      if (slot - heldSlot < this.maxHoldSlots) continue;
      this.held.delete(heldSlot);
      ready.push(...list);
    }
    return ready;
  }
}
