/**
 * The failures the code distinguishes, and what each one means for the caller:
 * - `DecodeError`: this input is bad (bytes that do not fit their layout). Count it, quarantine it with
 *   the byte offset where reading stopped, go on. Thrown by the borsh and wire readers, turned into a
 *   quarantine record by the decoders and normalisers; never thrown past them.
 * - `FatalError`: nothing sensible can continue (bad command line, missing DATABASE_URL, a shutdown
 *   that overran its deadline). `main` prints the message and the hint, and exits non-zero. The start-up
 *   checks (postgres/startup-checks.ts, redis/startup-check.ts, stream/endpoint-check.ts, the HTTP port in
 *   app.ts) put cause and fix in the message as one line, with no hint, and never a secret.
 * - Retryable failures have no class of their own: whether to back off is decided where the retry
 *   happens, from what the error already carries (the SQLSTATE table in postgres/sqlstate.ts, HTTP 429
 *   in rpc/rate-limiter.ts, the status in analytics/jobs/bounded-fetch.ts, every stream drop in the
 *   reconnect loop), so there is nothing to wrap.
 * Wrap causes with `{ cause }` so the original error stays inspectable.
 */
export class DecodeError extends Error {
  constructor(
    message: string,
    /** Byte offset (from the start of the payload) where reading failed; null when no position applies. */
    readonly offset: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DecodeError';
  }
}

export class FatalError extends Error {
  constructor(
    message: string,
    /** What the user can do about it, printed after the message. */
    readonly hint: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FatalError';
  }
}

/** A readable one-line description of any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
