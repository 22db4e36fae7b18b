/** Durations in milliseconds, so constants read as `5 * SECOND`. */
export const MILLISECOND = 1;
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Settles as `work` does, unless `ms` pass first: then rejects with `timeoutError()`. A value that
 * arrives after the time-out is handed to `disposeLate` (a connection nobody will use); a rejection
 * after the time-out is ignored (never unhandled). The timer is cleared as soon as `work` settles.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, timeoutError: () => Error, disposeLate?: (late: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(timeoutError());
    }, ms);
    work.then(
      (value) => {
        if (timedOut) disposeLate?.(value);
        else {
          clearTimeout(timer);
          resolve(value);
        }
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Monotonic clock in nanoseconds, for latency measurements. */
export function monotonicNs(): bigint {
  return process.hrtime.bigint();
}
