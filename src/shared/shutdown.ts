/**
 * Graceful shutdown: wait for SIGINT/SIGTERM (or for the work to end by itself), then stop within a
 * deadline. A second signal during shutdown is left to Node's default (immediate exit).
 */
import { FatalError } from './errors.js';
import { withTimeout } from './time.js';

/** Resolves with the name of the first SIGINT or SIGTERM received. */
export function waitForShutdownSignal(): { signal: Promise<string>; dispose(): void } {
  let dispose = (): void => undefined;
  const signal = new Promise<string>((resolve) => {
    const onSignal = (name: NodeJS.Signals): void => {
      dispose();
      resolve(name);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    dispose = () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    };
  });
  return { signal, dispose: () => dispose() };
}

/** Runs `stop`, failing with a FatalError when it takes longer than `timeoutMs`. */
export async function stopWithin(timeoutMs: number, stop: () => Promise<void>): Promise<void> {
  await withTimeout(stop(), timeoutMs, () => new FatalError(`shutdown took longer than ${timeoutMs} ms`, 'Raise SHUTDOWN_TIMEOUT_MS if the database is slow; the checkpoint guarantees nothing committed is lost.'));
}
