/**
 * Waiting for a promise unless a signal aborts first.
 *
 * Not `Promise.race([promise, aborted])` with one long-lived "aborted" promise: every race leaves a
 * reaction on that promise until it settles, so a loop that races once per stream update retains one
 * closure per update for the life of the connection. Here the abort listener is removed as soon as the
 * promise settles.
 */

/** Resolves with the promise's value, or with `undefined` as soon as `signal` aborts (the promise is then ignored). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.resolve(undefined);
  }
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
