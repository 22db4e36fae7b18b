/**
 * Feeds the synthetic market into the local Geyser server in real time: one slot every 400 ms, with
 * block times that match the wall clock, until stopped.
 */
import type { GeyserServer } from './geyser-server.js';
import { createSyntheticMarket, type SyntheticMarket } from './synthetic-market.js';

export const SLOT_MS = 400;
/** Slots the server keeps for `from_slot` replays (~20 minutes); older ones are forgotten to bound memory. */
export const REPLAY_WINDOW_SLOTS = 3_000n;

export interface MarketFeed {
  market: SyntheticMarket;
  slotsPublished(): number;
  stop(): void;
}

export interface MarketFeedOptions {
  seed: number;
  tradesPerSecond: number;
  tokensPerMinute: number;
  startSlot: bigint;
}

export function startMarketFeed(server: GeyserServer, options: MarketFeedOptions): MarketFeed {
  const market = createSyntheticMarket({ ...options, startTime: Math.floor(Date.now() / 1000) });
  let published = 0;
  const started = Date.now();
  let timer: NodeJS.Timeout | null = null;
  const tick = (): void => {
    const due = Math.floor((Date.now() - started) / SLOT_MS) + 1;
    while (published < due) {
      const slot = market.nextSlot();
      server.publish(slot.updates);
      published += 1;
      if (published % 100 === 0 && slot.slot > REPLAY_WINDOW_SLOTS) server.forgetBefore(slot.slot - REPLAY_WINDOW_SLOTS);
    }
    timer = setTimeout(tick, SLOT_MS);
  };
  tick();
  return {
    market,
    slotsPublished: () => published,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
