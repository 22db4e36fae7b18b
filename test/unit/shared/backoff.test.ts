import { describe, expect, it } from 'vitest';
import { computeBackoffDelayMs } from '../../../src/shared/backoff.js';

describe('reconnect back-off', () => {
  const options = { initialDelayMs: 100, maxDelayMs: 5_000 };

  it('doubles the ceiling per attempt and stays between half the ceiling and the ceiling', () => {
    const low = [0, 1, 2, 3, 10].map((attempt) => computeBackoffDelayMs(attempt, { ...options, random: () => 0 }));
    const high = [0, 1, 2, 3, 10].map((attempt) => computeBackoffDelayMs(attempt, { ...options, random: () => 0.999999 }));
    expect(low).toEqual([50, 100, 200, 400, 2_500]);
    expect(high).toEqual([100, 200, 400, 800, 5_000]);
  });

  it('spreads delays with jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => computeBackoffDelayMs(4, options)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(800);
  });
});
