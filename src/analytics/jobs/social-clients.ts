/**
 * The outside social sources, each optional:
 * - TweetScout (https://api.tweetscout.io/v2, header `ApiKey`): `GET /info/{handle}` (account info with
 *   `followers_count`) and `GET /score/{handle}` (`{ "score": number }`). Rate-limited to
 *   TWEETSCOUT_REQUESTS_PER_MINUTE with 429 Retry-After honoured.
 * - Telegram Bot API: `GET /bot{token}/getChatMemberCount?chat_id=@name` → `{ ok, result: number }`.
 * A source that is not configured, fails or answers nonsense gives null; the caller lowers confidence.
 */
import { createRateLimitedFetch, createTokenBucket } from '../../rpc/rate-limiter.js';
import { fetchBounded } from './bounded-fetch.js';

const API_MAX_BYTES = 256 * 1024;

export interface TwitterAccount {
  followers: number | null;
  score: number | null;
}

export interface SocialClients {
  twitter: ((handle: string) => Promise<TwitterAccount | null>) | null;
  telegramMembers: ((chat: string) => Promise<number | null>) | null;
}

export interface SocialClientOptions {
  tweetScoutUrl: string;
  tweetScoutKey: string | undefined;
  tweetScoutPerMinute: number;
  telegramUrl: string;
  telegramToken: string | undefined;
  timeoutMs: number;
}

export function createSocialClients(o: SocialClientOptions): SocialClients {
  return {
    twitter: o.tweetScoutKey ? createTweetScout(o, o.tweetScoutKey) : null,
    telegramMembers: o.telegramToken ? createTelegram(o, o.telegramToken) : null,
  };
}

function createTweetScout(o: SocialClientOptions, key: string): (handle: string) => Promise<TwitterAccount | null> {
  const limited = createRateLimitedFetch(createTokenBucket({ requestsPerSecond: o.tweetScoutPerMinute / 60, burst: Math.min(5, o.tweetScoutPerMinute) }));
  const base = o.tweetScoutUrl.replace(/\/$/, '');
  const get = async (path: string): Promise<Record<string, unknown> | null> => {
    const response = await fetchBounded(`${base}${path}`, { timeoutMs: o.timeoutMs, maxBytes: API_MAX_BYTES, headers: { ApiKey: key, accept: 'application/json' }, fetchImpl: limited, retries: 1 });
    return response.ok ? parseObject(response.text) : null;
  };
  return async (handle) => {
    const encoded = encodeURIComponent(handle);
    const [info, score] = await Promise.all([get(`/info/${encoded}`), get(`/score/${encoded}`)]);
    if (!info && !score) return null;
    return { followers: finite(info?.['followers_count']), score: finite(score?.['score']) };
  };
}

function createTelegram(o: SocialClientOptions, token: string): (chat: string) => Promise<number | null> {
  const base = o.telegramUrl.replace(/\/$/, '');
  return async (chat) => {
    const response = await fetchBounded(`${base}/bot${token}/getChatMemberCount?chat_id=${encodeURIComponent(`@${chat}`)}`, { timeoutMs: o.timeoutMs, maxBytes: API_MAX_BYTES, retries: 1 });
    const body = response.ok ? parseObject(response.text) : null;
    return body?.['ok'] === true ? finite(body['result']) : null;
  };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function finite(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}
