/**
 * A finite source for tests: pushes the given stream items into the app's queue (with backpressure,
 * like the real sources), then reports itself finished.
 */
import type { Source, SourceContext } from '../../src/app.js';
import type { ChainTransaction } from '../../src/contracts/chain-transaction.js';
import { isTransactionItem, transactionItem, type StreamItem } from '../../src/contracts/stream-item.js';

export function createArraySource(items: readonly StreamItem[]): (ctx: SourceContext) => Source {
  return (ctx) => {
    let lastSlot: bigint | null = null;
    let resolveFinished!: () => void;
    const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
    return {
      finished,
      async start() {
        void (async () => {
          for (const item of items) {
            await ctx.queue.push(item);
            if (isTransactionItem(item)) lastSlot = item.slot;
          }
          resolveFinished();
        })();
      },
      async stop() {
        resolveFinished();
      },
      status: () => ({ connected: true, lastSlotSeen: lastSlot }),
    };
  };
}

/** Wraps transactions as stream items, in slot order (ties keep their order). */
export function transactionItems(txs: readonly ChainTransaction[]): StreamItem[] {
  return [...txs]
    .sort((a, b) => (a.slot === b.slot ? 0 : a.slot < b.slot ? -1 : 1))
    .map((tx) => transactionItem(tx));
}
