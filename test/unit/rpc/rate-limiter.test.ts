import { describe, expect, it } from 'vitest';
import { createRateLimitedFetch, createTokenBucket, parseRetryAfterMs } from '../../../src/rpc/rate-limiter.js';

describe('token bucket', () => {
  it('lets a burst through, then paces at the configured rate', async () => {
    const bucket = createTokenBucket({ requestsPerSecond: 50, burst: 5 });
    const started = Date.now();
    for (let i = 0; i < 15; i += 1) await bucket.acquire();
    const elapsed = Date.now() - started;
    // 5 at once, then 10 more at 50/s = ~200 ms.
    expect(elapsed).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeLessThan(600);
    expect(bucket.waits).toBe(10);
  });

  it('pauses every caller for a Retry-After', async () => {
    const bucket = createTokenBucket({ requestsPerSecond: 1_000 });
    bucket.pauseFor(150);
    const started = Date.now();
    await Promise.all([bucket.acquire(), bucket.acquire()]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, rejects garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect([parseRetryAfterMs('2', now), parseRetryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now), parseRetryAfterMs('soon', now), parseRetryAfterMs(null, now)]).toEqual([2_000, 3_000, null, null]);
  });

  it('the limited fetch retries a 429 after the advertised delay and returns the success', async () => {
    const answers = [new Response('', { status: 429, headers: { 'retry-after': '0.1' } }), new Response('ok', { status: 200 })];
    const calledAt: number[] = [];
    const fakeFetch = (async () => {
      calledAt.push(Date.now());
      return answers.shift() as Response;
    }) as typeof fetch;
    const pauses: number[] = [];
    const limited = createRateLimitedFetch(createTokenBucket({ requestsPerSecond: 1_000 }), { fetchImpl: fakeFetch, onRateLimited: (ms) => pauses.push(ms) });
    const response = await limited('http://x');
    expect({ status: response.status, body: await response.text(), pauses, calls: calledAt.length }).toEqual({ status: 200, body: 'ok', pauses: [100], calls: 2 });
    expect((calledAt[1] as number) - (calledAt[0] as number)).toBeGreaterThanOrEqual(95);
  });
});
