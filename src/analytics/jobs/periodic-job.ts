/**
 * A job run every `intervalMs` inside the service: never two runs at once (a slow run delays the next
 * instead of piling up), failures logged and counted but never fatal, stopped cleanly on shutdown.
 */
import { describeError } from '../../shared/errors.js';

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface PeriodicJob {
  start(): void;
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
  /** Runs once now (waiting for a run in progress first). */
  runNow(): Promise<void>;
  readonly runs: number;
  readonly failures: number;
}

export function createPeriodicJob(name: string, intervalMs: number, work: () => Promise<void>, logger: JobLogger): PeriodicJob {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let runs = 0;
  let failures = 0;

  async function runOnce(): Promise<void> {
    try {
      await work();
      runs += 1;
    } catch (error) {
      failures += 1;
      logger.warn({ job: name, err: describeError(error) }, 'job failed; will run again at its next interval');
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    async runNow() {
      await running;
      running = runOnce();
      await running;
    },
    get runs() {
      return runs;
    },
    get failures() {
      return failures;
    },
  };
}
