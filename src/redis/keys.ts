/**
 * Redis key names and lifetimes, as the seed design's "Redis Cache Schema" lists them. A key prefix
 * (empty in production, unique per test file) goes in front of every key, never in front of the channel.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

/** `price:current:{token_id}` lives 30 s: a token without trades drops out of the live price view. */
export const PRICE_TTL_MS = 30 * SECOND_MS;
/** `tokens:hot` (and its per-member slot hash) live 1 min, refreshed on each write. */
export const HOT_SET_TTL_MS = 1 * MINUTE_MS;
/** `token:score:{token_id}` lives 5 min. */
export const TOKEN_SCORE_TTL_MS = 5 * MINUTE_MS;
/** `signal:active:{token_id}` lives 1 h. */
export const ACTIVE_SIGNAL_TTL_MS = 60 * MINUTE_MS;

/** Default pub/sub channel for announcements. */
export const DEFAULT_EVENTS_CHANNEL = 'megatron:events';

/** Builds the key names for one prefix. */
export function createKeyNames(prefix: string) {
  return {
    price: (tokenId: string) => `${prefix}price:current:${tokenId}`,
    tokenScore: (tokenId: string) => `${prefix}token:score:${tokenId}`,
    activeSignal: (tokenId: string) => `${prefix}signal:active:${tokenId}`,
    hotSet: `${prefix}tokens:hot`,
    /** Hash member → slot of its score, so an older hot score never replaces a newer one. */
    hotSetSlots: `${prefix}tokens:hot:slot`,
  };
}

export type KeyNames = ReturnType<typeof createKeyNames>;
