/**
 * What the Redis cache learns from a committed batch: the newest price per token, the hot-set
 * activity score, and announcements (new tokens, trades, graduations) for the pub/sub channel.
 *
 * Until the scoring job runs, a token's hot score is its trade activity: a count of successful trades
 * that halves every `ACTIVITY_HALF_LIFE_SLOTS` (~1 minute of slots), computed from slots so that a
 * replay computes the same numbers.
 */
import type { CacheEvent, HotScoreUpdate, PriceUpdate, RedisBatch } from '../contracts/cache-batch.js';
import type { Batch, TradeRow } from '../contracts/rows.js';

export const ACTIVITY_HALF_LIFE_SLOTS = 150;
/**
 * Trades per `trade` announcement (~80 KB of JSON). A batch of 10,000 trades in one message was ~4 MB:
 * more than a subscriber's default pub/sub output buffer allows for long (`client-output-buffer-limit
 * pubsub 32mb 8mb 60`), and each such string cost the process fresh memory pages (~12 µs per 4 KB page
 * fault on a VM) in the JSON, in ioredis' command text and again in the socket write.
 */
export const TRADES_PER_ANNOUNCEMENT = 200;
const ACTIVITY_MAX_TOKENS = 100_000;

interface Activity {
  score: number;
  slot: bigint;
}

export class ActivityTracker {
  private readonly byToken = new Map<string, Activity>();

  /** Adds one trade at `slot`; returns the token's decayed score. */
  record(tokenId: string, slot: bigint): HotScoreUpdate {
    const seen = this.byToken.get(tokenId);
    const score = seen ? decay(seen.score, slot - seen.slot) + 1 : 1;
    const at = seen && seen.slot > slot ? seen.slot : slot;
    this.byToken.delete(tokenId);
    this.byToken.set(tokenId, { score, slot: at });
    if (this.byToken.size > ACTIVITY_MAX_TOKENS) {
      const oldest = this.byToken.keys().next().value;
      if (oldest !== undefined) this.byToken.delete(oldest);
    }
    return { tokenId, score: Math.round(score * 1000) / 1000, slot: at };
  }
}

function decay(score: number, slots: bigint): number {
  if (slots <= 0n) return score;
  return score * Math.pow(0.5, Number(slots) / ACTIVITY_HALF_LIFE_SLOTS);
}

/** Builds the cache writes for a committed batch (failed attempts never move a price). */
export function buildCacheUpdates(batch: Batch, activity: ActivityTracker): RedisBatch {
  const newest = new Map<string, TradeRow>();
  const hot = new Map<string, HotScoreUpdate>();
  const events: CacheEvent[] = [];
  for (const token of batch.tokens) {
    if (token.discoverySource !== 'create_event') continue;
    events.push({ type: 'new_token', slot: token.slot, payload: { tokenId: token.id, mint: token.mint, platform: token.platform, symbol: token.symbol, name: token.name, creator: token.creator, signature: token.creationSignature } });
  }
  let trades: Record<string, unknown>[] = [];
  let newestSlot = 0n;
  for (const trade of batch.trades) {
    if (!trade.success) continue;
    trades.push(tradePayload(trade));
    if (trade.slot > newestSlot) newestSlot = trade.slot;
    if (trades.length === TRADES_PER_ANNOUNCEMENT) {
      events.push({ type: 'trade', slot: newestSlot, payload: { count: trades.length, trades } });
      trades = [];
    }
    if (trade.priceQuotePerToken === null) continue;
    hot.set(trade.tokenId, activity.record(trade.tokenId, trade.slot));
    const seen = newest.get(trade.tokenId);
    if (!seen || isLater(trade, seen)) newest.set(trade.tokenId, trade);
  }
  // An announcement carries up to TRADES_PER_ANNOUNCEMENT trades of the committed batch, in order: a
  // message per trade cost more than the rest of the Redis work at thousands of trades per second.
  if (trades.length > 0) events.push({ type: 'trade', slot: newestSlot, payload: { count: trades.length, trades } });
  for (const graduation of batch.graduations) {
    events.push({ type: 'graduation', slot: graduation.slot, payload: { tokenId: graduation.tokenId, kind: graduation.kind, signature: graduation.signature, ammPool: graduation.ammPool?.address ?? null, ammPlatform: graduation.ammPool?.platform ?? null } });
  }
  const prices: PriceUpdate[] = [...newest.values()].map((t) => ({
    tokenId: t.tokenId,
    mint: t.mint,
    price: t.priceQuotePerToken!,
    slot: t.slot,
    txIndex: t.txIndex,
    eventIndex: t.eventIndex,
    blockTime: Math.floor(t.blockTime.getTime() / 1000),
    lastTradeTime: t.blockTime.toISOString(),
  }));
  return { prices, hotScores: [...hot.values()], events };
}

function isLater(a: TradeRow, b: TradeRow): boolean {
  if (a.slot !== b.slot) return a.slot > b.slot;
  if ((a.txIndex ?? -1) !== (b.txIndex ?? -1)) return (a.txIndex ?? -1) > (b.txIndex ?? -1);
  return a.eventIndex > b.eventIndex;
}

function tradePayload(t: TradeRow): Record<string, unknown> {
  return {
    tokenId: t.tokenId,
    signature: t.signature,
    type: t.type,
    user: t.user,
    quoteMint: t.quoteMint,
    solAmount: t.solAmount,
    tokenAmount: t.tokenAmount,
    price: t.priceQuotePerToken,
    blockTime: t.blockTime.toISOString(),
  };
}
