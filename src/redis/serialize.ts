/**
 * The JSON stored under each key and published on the channel. Field names follow the seed design
 * (snake_case); every value also carries the chain position it reflects so the Lua scripts can refuse
 * an older write. Exact numbers (prices, volumes, slots) are decimal strings.
 */
import type { ActiveSignalUpdate, CacheEvent, PriceUpdate, TokenScoreUpdate } from '../contracts/cache-batch.js';

/** `price:current:{token_id}` value. */
export function serializePrice(update: PriceUpdate): string {
  return JSON.stringify({
    price: update.price,
    volume_1h: update.volume1hQuote ?? null,
    change_1h: update.change1hPct ?? null,
    last_trade: update.lastTradeTime,
    block_time: update.blockTime,
    mint: update.mint,
    slot: update.slot.toString(),
    tx_index: update.txIndex,
    event_index: update.eventIndex,
  });
}

/** `token:score:{token_id}` value. */
export function serializeTokenScore(update: TokenScoreUpdate): string {
  return JSON.stringify({
    technical_score: update.technicalScore,
    holder_score: update.holderScore,
    social_score: update.socialScore,
    total_score: update.totalScore,
    ml_probability: update.mlProbability,
    last_updated: update.calculatedAt,
    slot: update.slot.toString(),
  });
}

/** `signal:active:{token_id}` value. */
export function serializeActiveSignal(update: ActiveSignalUpdate): string {
  return JSON.stringify({
    signal_type: update.signalType,
    price: update.price,
    score: update.score,
    timestamp: update.timestamp,
    signal_id: update.signalId ?? null,
    slot: update.slot.toString(),
  });
}

/** Channel message `{"type","slot",...payload}`; `type` and `slot` always come from the event itself. */
export function serializeCacheEvent(event: CacheEvent): string {
  const head = { type: event.type, slot: event.slot.toString() };
  const message = Object.assign({ ...head }, event.payload, head);
  // Payloads are built from strings; a replacer function would be called for every key of every trade
  // of a batch's announcement (a few % of the main thread at full load), so it is only the fallback.
  try {
    return JSON.stringify(message);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(message, replaceBigint);
  }
}

function replaceBigint(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
