/**
 * Token-bucket rate limiting for Solana RPC, and a `fetch` that goes through it and honours HTTP 429
 * `Retry-After` (the whole bucket pauses, so every caller waits, not just the one that was refused).
 */
export interface RateLimiter {
  /** Waits until a request may be sent, and takes one token. */
  acquire(): Promise<void>;
  /** No request is let through for `ms` (a server asked us to back off). */
  pauseFor(ms: number): void;
  /** Requests that had to wait. */
  readonly waits: number;
}

export interface TokenBucketOptions {
  /** Sustained requests per second. */
  requestsPerSecond: number;
  /** Requests allowed at once after an idle period (default: requestsPerSecond, at least 1). */
  burst?: number;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
}

/** Creates a token bucket: `burst` tokens, refilled at `requestsPerSecond`. */
export function createTokenBucket(options: TokenBucketOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const capacity = Math.max(1, options.burst ?? options.requestsPerSecond);
  const refillPerMs = options.requestsPerSecond / 1_000;
  let tokens = capacity;
  let updatedAt = now();
  let pausedUntil = 0;
  let waits = 0;
  let tail: Promise<void> = Promise.resolve();

  function refill(): void {
    const at = now();
    tokens = Math.min(capacity, tokens + (at - updatedAt) * refillPerMs);
    updatedAt = at;
  }
  async function takeOne(): Promise<void> {
    for (let waited = false; ; waited = true) {
      refill();
      const pauseMs = pausedUntil - now();
      const tokenMs = tokens >= 1 ? 0 : Math.ceil((1 - tokens) / refillPerMs);
      const delayMs = Math.max(pauseMs, tokenMs);
      if (delayMs <= 0) {
        tokens -= 1;
        if (waited) waits += 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return {
    acquire() {
      // Callers are served in order: each waits for the previous one's token.
      const turn = tail.then(takeOne);
      tail = turn.catch(() => undefined);
      return turn;
    },
    pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    get waits() {
      return waits;
    },
  };
}

/** Reads `Retry-After` (delay in seconds, or an HTTP date) as milliseconds; null when absent or invalid. */
export function parseRetryAfterMs(header: string | null, nowMs: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

export interface RateLimitedFetchOptions {
  fetchImpl?: typeof fetch;
  /** Retries after a 429 before giving the 429 to the caller (default 8). */
  maxRetries?: number;
  /** Pause after a 429 without `Retry-After` (default 1 s). */
  defaultRetryAfterMs?: number;
  /** Called on every 429 with the pause applied. */
  onRateLimited?: (retryAfterMs: number) => void;
}

/** A `fetch` that takes a token per request and, on 429, pauses the bucket for `Retry-After` and retries. */
export function createRateLimitedFetch(limiter: RateLimiter, options: RateLimitedFetchOptions = {}): typeof fetch {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxRetries = options.maxRetries ?? 8;
  return async (input, init) => {
    for (let attempt = 0; ; attempt += 1) {
      await limiter.acquire();
      const response = await fetchImpl(input, init);
      if (response.status !== 429 || attempt >= maxRetries) return response;
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after')) ?? options.defaultRetryAfterMs ?? 1_000;
      await response.arrayBuffer().catch(() => undefined);
      limiter.pauseFor(retryAfterMs);
      options.onRateLimited?.(retryAfterMs);
    }
  };
}
