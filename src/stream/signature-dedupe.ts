/**
 * Remembers which transactions of not-yet-committed slots were already handed to the queue, so that a
 * reconnect (which replays from the checkpoint) does not enqueue them twice. Slots at or below the
 * committed checkpoint are forgotten; the remembered set is also capped by slot count.
 */
export interface SignatureDedupe {
  /** True the first time (slot, signature) is seen; false for a repeat. */
  markFirstSeen(slot: bigint, signatureKey: string): boolean;
  /** Forgets every slot <= `slot` (called with the committed checkpoint). */
  forgetThrough(slot: bigint): void;
  /** Number of slots remembered. */
  readonly slotCount: number;
}

/** Keeps at most `maxSlots` slots (the oldest are evicted first). */
export function createSignatureDedupe(maxSlots: number): SignatureDedupe {
  const slots = new Map<bigint, Set<string>>();
  function evictOldest(): void {
    let oldest: bigint | null = null;
    for (const slot of slots.keys()) if (oldest === null || slot < oldest) oldest = slot;
    if (oldest !== null) slots.delete(oldest);
  }
  return {
    markFirstSeen(slot, signatureKey) {
      let seen = slots.get(slot);
      if (!seen) {
        if (slots.size >= maxSlots) evictOldest();
        seen = new Set();
        slots.set(slot, seen);
      }
      if (seen.has(signatureKey)) return false;
      seen.add(signatureKey);
      return true;
    },
    forgetThrough(slot) {
      for (const key of slots.keys()) if (key <= slot) slots.delete(key);
    },
    get slotCount() {
      return slots.size;
    },
  };
}
