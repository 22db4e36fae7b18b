/**
 * A source around a finite producer (a replay, a backfill): it runs `produce(push)` once, then reports
 * itself finished so the app drains and stops.
 */
import type { Source, SourceContext } from '../app.js';
import { isTransactionItem, type StreamItem } from '../contracts/stream-item.js';

export function createFiniteSource(produce: (push: (item: StreamItem) => Promise<void>, ctx: SourceContext) => Promise<void>): (ctx: SourceContext) => Source {
  return (ctx) => {
    let lastSlot: bigint | null = null;
    let failure: unknown = null;
    let resolveFinished!: () => void;
    let rejectFinished!: (error: unknown) => void;
    const finished = new Promise<void>((resolve, reject) => {
      resolveFinished = resolve;
      rejectFinished = reject;
    });
    const push = async (item: StreamItem): Promise<void> => {
      if (isTransactionItem(item) && (lastSlot === null || item.slot > lastSlot)) lastSlot = item.slot;
      await ctx.queue.push(item);
    };
    return {
      finished,
      async start() {
        produce(push, ctx).then(resolveFinished, (error: unknown) => {
          failure = error;
          rejectFinished(error);
        });
      },
      async stop() {
        if (failure === null) resolveFinished();
      },
      status: () => ({ connected: failure === null, lastSlotSeen: lastSlot }),
    };
  };
}
