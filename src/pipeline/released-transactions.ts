/**
 * Transactions the block-time gate let through, with their block times, waiting to be processed. A block
 * meta releases a whole slot at once (thousands of transactions in a busy slot), and processing them in one
 * synchronous run would hold up the write in flight, whose every statement reply needs the event loop; the
 * pipeline takes them in chunks and yields between chunks. Until a transaction is processed its slot is
 * pending: the checkpoint stays below it (checkpoint-tracker.ts).
 */
import type { TransactionItem } from '../contracts/stream-item.js';
import type { ReleaseTransaction } from './block-time-gate.js';

/** What processes a released transaction (the ingest step). */
export interface ReleasedTransactionSink {
  processTransaction(item: TransactionItem, blockTime: number | null): void;
}

/** The list of released transactions, in release order; two parallel arrays, no object per entry. */
export class ReleasedTransactions {
  private readonly items: TransactionItem[] = [];
  private readonly times: (number | null)[] = [];
  private at = 0;

  /** The gate's release callback (a bound property, so it is passed as is). */
  readonly add: ReleaseTransaction = (item, blockTime) => {
    this.items.push(item);
    this.times.push(blockTime);
  };

  /** True while some released transaction is not processed yet. */
  get pending(): boolean {
    return this.at < this.items.length;
  }

  /** How many of the unprocessed transactions the next chunk takes: at most `maxItems`. */
  chunkSize(maxItems: number): number {
    return Math.min(this.items.length - this.at, maxItems);
  }

  /** Hands the oldest unprocessed transaction, with its block time, to `sink`; it no longer counts as pending. */
  processNext(sink: ReleasedTransactionSink): void {
    const at = this.at++;
    sink.processTransaction(this.items[at]!, this.times[at]!);
  }

  /** Lowest slot among the unprocessed transactions (null: none). */
  lowestSlot(): bigint | null {
    let lowest: bigint | null = null;
    for (let i = this.at; i < this.items.length; i++) {
      const slot = this.items[i]!.slot;
      if (lowest === null || slot < lowest) lowest = slot;
    }
    return lowest;
  }

  /** Empties the list once everything in it is processed. */
  reset(): void {
    this.items.length = 0;
    this.times.length = 0;
    this.at = 0;
  }
}
