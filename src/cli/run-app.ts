/**
 * Runs the app until a shutdown signal arrives or a finite source has been fully ingested, then stops
 * it gracefully (flush + checkpoint). Shared by `ingest`, `replay` and `demo`.
 */
import type { App } from '../app.js';
import type { Logger } from '../shared/logger.js';
import { stopWithin, waitForShutdownSignal } from '../shared/shutdown.js';

export async function runUntilDone(app: App, logger: Logger, shutdownTimeoutMs: number, extraDone?: Promise<unknown>): Promise<number> {
  const shutdown = waitForShutdownSignal();
  let failure: unknown = null;
  const ended = app.done.then(
    () => 'drained',
    (error: unknown) => {
      failure = error;
      return 'failed';
    },
  );
  const reason = await Promise.race([shutdown.signal, ended, ...(extraDone ? [extraDone.then(() => 'finished')] : [])]);
  shutdown.dispose();
  logger.info({ component: 'app', reason }, 'stopping');
  await stopWithin(shutdownTimeoutMs, () => app.stop());
  if (failure) throw failure;
  return 0;
}
