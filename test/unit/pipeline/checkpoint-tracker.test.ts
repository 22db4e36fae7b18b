/**
 * The checkpoint tracker: complete slots (slot statuses, the next slot's first transaction, close of a
 * finite source), pending slots holding the candidate below them, and the idle rule (a checkpoint already
 * handed to the writer is not new).
 */
import { describe, expect, it } from 'vitest';
import { CheckpointTracker } from '../../../src/pipeline/checkpoint-tracker.js';
import { ReleasedTransactions } from '../../../src/pipeline/released-transactions.js';
import { transactionItem, type TransactionItem } from '../../../src/contracts/stream-item.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';

function itemOf(slot: bigint): TransactionItem {
  return transactionItem({ slot } as ChainTransaction, 0n);
}

function trackerWith(held: { slot: bigint | null }): { tracker: CheckpointTracker; released: ReleasedTransactions } {
  const released = new ReleasedTransactions();
  const tracker = new CheckpointTracker({ lowestHeldSlot: () => held.slot }, released);
  return { tracker, released };
}

describe('checkpoint tracker', () => {
  it('keeps the candidate below a slot held by the gate or released but not yet processed', () => {
    const held: { slot: bigint | null } = { slot: null };
    const { tracker, released } = trackerWith(held);
    const readings: (bigint | null)[] = [tracker.candidate()];
    tracker.slotCompleted(10n);
    readings.push(tracker.candidate());
    held.slot = 8n;
    readings.push(tracker.candidate());
    released.add(itemOf(6n), 1_760_000_000);
    released.add(itemOf(9n), 1_760_000_000);
    readings.push(tracker.candidate());
    const processed: bigint[] = [];
    released.processNext({ processTransaction: (item) => processed.push(item.slot) });
    readings.push(tracker.candidate());
    held.slot = null;
    readings.push(tracker.candidate());
    released.processNext({ processTransaction: (item) => processed.push(item.slot) });
    readings.push(tracker.candidate());
    expect({ readings, processed }).toEqual({ readings: [null, 10n, 7n, 5n, 7n, 8n, 10n], processed: [6n, 9n] });
  });

  it('completes a slot at the next slot\'s first transaction, at a slot status, and every slot seen at close', () => {
    const { tracker } = trackerWith({ slot: null });
    const readings: (bigint | null)[] = [];
    tracker.transactionSeen(20n);
    tracker.transactionSeen(20n);
    readings.push(tracker.candidate());
    tracker.transactionSeen(21n);
    readings.push(tracker.candidate());
    tracker.slotCompleted(19n);
    readings.push(tracker.candidate());
    tracker.slotCompleted(21n);
    readings.push(tracker.candidate());
    tracker.transactionSeen(23n);
    tracker.completeAll();
    readings.push(tracker.candidate());
    expect(readings).toEqual([null, 20n, 20n, 21n, 23n]);
  });

  it('stays below the held slots when a live stream stops, and is never negative', () => {
    const held: { slot: bigint | null } = { slot: 15n };
    const { tracker } = trackerWith(held);
    tracker.slotCompleted(20n);
    tracker.keepBelowPending();
    held.slot = null; // the gate discarded them
    const afterStop = tracker.candidate();
    const { tracker: early } = trackerWith({ slot: 0n });
    early.slotCompleted(3n);
    expect({ afterStop, early: early.candidate() }).toEqual({ afterStop: 14n, early: null });
  });

  it('reports a checkpoint already handed to the writer as not new, so an idle stream writes nothing', () => {
    const { tracker } = trackerWith({ slot: null });
    const before = tracker.isNew(tracker.candidate());
    tracker.slotCompleted(30n);
    const first = tracker.isNew(tracker.candidate());
    tracker.handOver(30n);
    const idle = [tracker.isNew(tracker.candidate()), tracker.isNew(tracker.candidate())];
    tracker.slotCompleted(31n);
    const advanced = tracker.isNew(tracker.candidate());
    expect({ before, first, idle, advanced }).toEqual({ before: false, first: true, idle: [false, false], advanced: true });
  });
});
