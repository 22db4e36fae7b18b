/**
 * The block-time gate: a slot's transactions wait for its block meta, are released with its time, in
 * arrival order; a slot whose meta never comes is let go after `maxHoldSlots` newer slots without a time.
 */
import { describe, expect, it } from 'vitest';
import { BlockTimeGate } from '../../../src/pipeline/block-time-gate.js';
import type { TransactionItem } from '../../../src/contracts/stream-item.js';

function item(slot: bigint, id: number): TransactionItem {
  return { kind: 'transaction_bytes', slot, bytes: new Uint8Array([id]), start: 0, end: 1, receivedAtNs: 0n };
}

function gateWithLog(maxHoldSlots?: bigint): { gate: BlockTimeGate; released: string[] } {
  const released: string[] = [];
  const gate = new BlockTimeGate((held, blockTime) => released.push(`${held.slot}:${(held as { bytes: Uint8Array }).bytes[0]}@${blockTime}`), maxHoldSlots);
  return { gate, released };
}

describe('BlockTimeGate', () => {
  it('holds a slot until its block meta, then releases its transactions in order with that time', () => {
    const { gate, released } = gateWithLog();
    gate.admit(item(100n, 1), null);
    gate.admit(item(100n, 2), null);
    expect(released).toEqual([]);
    expect({ held: gate.heldCount, lowest: gate.lowestHeldSlot() }).toEqual({ held: 2, lowest: 100n });
    gate.resolve(100n, 1_750_000_000);
    expect(released).toEqual(['100:1@1750000000', '100:2@1750000000']);
    expect({ held: gate.heldCount, lowest: gate.lowestHeldSlot() }).toEqual({ held: 0, lowest: null });
  });

  it('lets through at once a transaction that has its own time, or whose slot time is already known', () => {
    const { gate, released } = gateWithLog();
    gate.admit(item(100n, 1), 1_700_000_000);
    gate.resolve(101n, 1_750_000_001);
    gate.admit(item(101n, 2), null);
    expect(released).toEqual(['100:1@1700000000', '101:2@1750000001']);
    expect(gate.heldCount).toBe(0);
  });

  it('gives up on a slot whose meta never comes once maxHoldSlots newer slots arrived, before the newer transaction', () => {
    const { gate, released } = gateWithLog(3n);
    gate.admit(item(100n, 1), null);
    gate.admit(item(102n, 2), null);
    expect(released).toEqual([]);
    gate.admit(item(103n, 3), null);
    expect(released).toEqual(['100:1@null']);
    expect(gate.lowestHeldSlot()).toBe(102n);
  });

  it('releaseAll lets everything go oldest slot first without a time; discardAll forgets it', () => {
    const { gate, released } = gateWithLog();
    gate.admit(item(7n, 1), null);
    gate.admit(item(5n, 2), null);
    gate.admit(item(7n, 3), null);
    gate.releaseAll();
    expect(released).toEqual(['5:2@null', '7:1@null', '7:3@null']);
    gate.admit(item(9n, 4), null);
    gate.discardAll();
    expect({ held: gate.heldCount, lowest: gate.lowestHeldSlot(), released: released.length }).toEqual({ held: 0, lowest: null, released: 3 });
  });
});
