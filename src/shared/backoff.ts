/**
 * Reconnect back-off: exponential with "equal jitter" (a uniform delay between half the exponential
 * ceiling and the ceiling), so that many clients dropped by the same server restart do not reconnect in
 * lockstep, and no client retries with a zero delay.
 */
export interface BackoffOptions {
  /** Ceiling of the first retry, in ms. */
  initialDelayMs: number;
  /** Largest ceiling, in ms. */
  maxDelayMs: number;
  /** Growth of the ceiling per failed attempt. */
  multiplier?: number;
  /** Uniform random number in [0, 1); injectable for tests. */
  random?: () => number;
}

/** Delay before retry number `attempt` (0 = first retry), in ms: uniform in [ceiling/2, ceiling]. */
export function computeBackoffDelayMs(attempt: number, options: BackoffOptions): number {
  const multiplier = options.multiplier ?? 2;
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(0, attempt), 30);
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * multiplier ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
