/**
 * The three kinds of failure, and what each one means for the caller:
 * - `DecodeError`: this input is bad. Count it, quarantine it (with the byte offset where reading
 *   stopped), go on.
 * - `RetryableError`: the world is briefly unavailable (network, lock, 429). Back off and retry.
 * - `FatalError`: nothing sensible can continue. Flush what can be flushed, exit non-zero with a
 *   message that says what the user should do.
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

export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RetryableError';
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
