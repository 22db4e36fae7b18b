/**
 * The cache batch: what the pipeline and the analytics jobs hand to the Redis sink after each database
 * commit, and the snapshot the PostgreSQL sink reads back to rebuild the cache after a Redis outage. Both
 * sinks and both producers import it from here; neither sink imports the other.
 *
 * Ordering: every cached value carries the chain position it reflects, `(slot, txIndex, eventIndex)`.
 * The sink never replaces a value with one from an older position (newer slot wins), so replays, late
 * batches and rebuild snapshots can be written in any order and the cache still ends on the newest value.
 */

/** Latest trade price of a token → `price:current:{tokenId}` (TTL 30 s). */
export interface PriceUpdate {
  tokenId: string;
  mint: string;
  /** Quote per whole token as an exact decimal string (never rounded through a float). */
  price: string;
  slot: bigint;
  /** Transaction index in the block; null when the source does not know it (sorts before index 0). */
  txIndex: number | null;
  /** Event order inside the transaction. */
  eventIndex: number;
  /** Unix seconds of the block. */
  blockTime: number;
  /** Quote volume of the last hour, exact decimal string, when the pipeline knows it. */
  volume1hQuote?: string;
  /** Price change over the last hour in percent (display only), when known. */
  change1hPct?: number | null;
  /** ISO-8601 time of the trade. */
  lastTradeTime: string;
}

/** A member of the `tokens:hot` sorted set (TTL 1 min, refreshed on each write). */
export interface HotScoreUpdate {
  tokenId: string;
  score: number;
  /** Slot the score was computed at; an older slot never replaces a newer score of the same token. */
  slot: bigint;
}

/** A token's composite score → `token:score:{tokenId}` (TTL 5 min). */
export interface TokenScoreUpdate {
  tokenId: string;
  /** Last committed slot the score was computed from. */
  slot: bigint;
  technicalScore: number;
  holderScore: number;
  socialScore: number;
  totalScore: number;
  mlProbability: number | null;
  /** ISO-8601 time the score was calculated (written as `last_updated`). */
  calculatedAt: string;
}

/** The active trading signal of a token → `signal:active:{tokenId}` (TTL 1 h). */
export interface ActiveSignalUpdate {
  tokenId: string;
  slot: bigint;
  signalType: string;
  /** Price at the signal, exact decimal string. */
  price: string;
  score: number;
  /** ISO-8601 time the signal was raised. */
  timestamp: string;
  /** Row id of the signal in PostgreSQL, when the caller has one. */
  signalId?: string;
}

/** Kinds of announcement published on the events channel. */
export type CacheEventType = 'new_token' | 'trade' | 'graduation' | 'signal';

/**
 * A pub/sub announcement. Published as the JSON string `{"type", "slot", ...payload}`; bigints inside the
 * payload are written as decimal strings, and `slot` is a decimal string too.
 */
export interface CacheEvent {
  type: CacheEventType;
  slot: bigint;
  payload: Record<string, unknown>;
}

/** Everything the cache learns from one committed batch. All fields optional; empty batches are no-ops. */
export interface RedisBatch {
  prices?: PriceUpdate[];
  hotScores?: HotScoreUpdate[];
  tokenScores?: TokenScoreUpdate[];
  activeSignals?: ActiveSignalUpdate[];
  /** Published in array order, after the keys of the same batch are written. */
  events?: CacheEvent[];
}

/**
 * The cache state rebuilt from PostgreSQL after an outage: latest price per recently traded token, hot
 * scores, latest scores and active signals. Written with the same newer-slot-wins rule; nothing is
 * published.
 */
export interface RebuildSnapshot {
  prices: PriceUpdate[];
  hotScores: HotScoreUpdate[];
  tokenScores: TokenScoreUpdate[];
  activeSignals: ActiveSignalUpdate[];
}
