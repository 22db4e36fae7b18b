/**
 * The synthetic market as an app source, for benchmarks and load tests: slots generated up front and
 * kept as protobuf bytes, then decoded and mapped exactly as the live stream does (normalise, block
 * meta, slot status) and pushed to the app's queue, as fast as it takes them or paced to a trade rate.
 */
import { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import type { Source, SourceContext } from '../../src/app.js';
import { createSignatureDedupe } from '../../src/stream/signature-dedupe.js';
import { mapSubscribeUpdate } from '../../src/stream/update-mapper.js';
import { QueueClosedError } from '../../src/shared/bounded-queue.js';
import { createSyntheticMarket, type SyntheticSlot } from '../../src/simulate/synthetic-market.js';
import { sleep } from '../../src/shared/time.js';

export interface PreparedSlot {
  slot: bigint;
  blockTime: number;
  /** The slot's updates as protobuf bytes in Buffers, as the native client hands them over (off the JS
   * heap, so holding a whole market does not inflate garbage collection the way object graphs would). */
  updates: Uint8Array[];
  trades: number;
}

/** Pre-generates market slots holding about `trades` trades (generation is not what we measure). */
export function prepareMarket(seed: number, trades: number, startSlot: bigint, tradesPerSecond: number, startTime = Math.floor(Date.now() / 1000) - 60): PreparedSlot[] {
  const market = createSyntheticMarket({ seed, tokensPerMinute: 600, tradesPerSecond, startSlot, startTime });
  const slots: PreparedSlot[] = [];
  let generated = 0;
  while (generated < trades) {
    const before = market.truth.length + market.failed.length;
    const slot: SyntheticSlot = market.nextSlot();
    const count = market.truth.length + market.failed.length - before;
    generated += count;
    slots.push({ slot: slot.slot, blockTime: slot.blockTime, updates: slot.updates.map((u) => Buffer.from(SubscribeUpdate.encode(u).finish())), trades: count });
  }
  return slots;
}

/**
 * A source that maps the prepared updates exactly as the live stream does (normalise, block meta, slot
 * status) and pushes them, as fast as the queue takes them or paced to a trade rate.
 */
export function marketSource(slots: PreparedSlot[], tradesPerSecond: number | null): (ctx: SourceContext) => Source {
  return (ctx) => {
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    let stopped = false;
    let last: bigint | null = null;
    const context = { dedupe: createSignatureDedupe(3_000), committedSlot: null };
    return {
      finished,
      async start() {
        void (async () => {
          try {
            const started = performance.now();
            let sent = 0;
            for (const slot of slots) {
              if (stopped) break;
              if (tradesPerSecond !== null) {
                const due = started + (sent / tradesPerSecond) * 1000;
                const wait = due - performance.now();
                if (wait > 0) await sleep(wait);
              }
              // As the live source does: forget duplicates-to-be of slots already committed.
              const committed = ctx.committedSlot();
              if (committed !== null) context.dedupe.forgetThrough(committed);
              for (const bytes of slot.updates) {
                const outcome = mapSubscribeUpdate(bytes, context);
                if ('item' in outcome) await ctx.queue.push(outcome.item);
              }
              last = slot.slot;
              sent += slot.trades;
            }
          } catch (error) {
            // The app closed the queue (stopped early): nothing more to push.
            if (!(error instanceof QueueClosedError)) throw error;
          }
          done();
        })();
      },
      async stop() {
        stopped = true;
      },
      status: () => ({ connected: true, lastSlotSeen: last }),
    };
  };
}

