/**
 * The holder jobs inside the service (off when HOLDERS_ENABLED=false):
 * - `holder-snapshots` every HOLDER_SCHEDULER_INTERVAL_MS: snapshots the tokens that are due (young
 *   active tokens every HOLDER_SNAPSHOT_YOUNG_INTERVAL_MS, others that traded since their last snapshot
 *   every HOLDER_SNAPSHOT_INTERVAL_MS; see postgres/holder-schedule-repository.ts) and refreshes their
 *   top holders;
 * - `holder-reconcile` every HOLDER_RECONCILE_INTERVAL_MS: reads up to HOLDER_RECONCILE_MAX_TOKENS tokens'
 *   accounts over RPC (about to graduate first, then the most traded), corrects the balances, and takes a
 *   fresh snapshot of each. A token that fails is logged and skipped; the run goes on.
 */
import type { Config } from '../../config.js';
import type { PgPool } from '../../postgres/pg-pool.js';
import { readTokensDueForSnapshot, readTokensToReconcile } from '../../postgres/holder-schedule-repository.js';
import { describeError } from '../../shared/errors.js';
import { createPeriodicJob, type JobLogger, type PeriodicJob } from './periodic-job.js';
import { createHolderAccountsReader, type HolderAccountsReader } from './holder-accounts-rpc.js';
import { readHolderSettings } from './settings-from-config.js';
import { reconcileToken } from './reconcile-holders.js';
import { snapshotToken } from './snapshot-holders.js';

export interface HolderJobsDeps {
  pool: PgPool;
  config: Config;
  logger: JobLogger;
  rpcUrl: string;
  /** Injected for tests; default: a reader over `rpcUrl` at RPC_REQUESTS_PER_SECOND. */
  reader?: HolderAccountsReader;
}

export interface HolderJobs {
  start(): void;
  stop(): Promise<void>;
  jobs: Record<string, PeriodicJob>;
}

export function createHolderJobs(deps: HolderJobsDeps): HolderJobs {
  const { config, pool, logger } = deps;
  const jobs: Record<string, PeriodicJob> = {};
  if (config.HOLDERS_ENABLED) {
    const settings = readHolderSettings(config);
    const reader = deps.reader ?? createHolderAccountsReader({ rpcUrl: deps.rpcUrl, requestsPerSecond: config.RPC_REQUESTS_PER_SECOND });
    jobs.snapshots = createPeriodicJob('holder-snapshots', config.HOLDER_SCHEDULER_INTERVAL_MS, async () => {
      const due = await readTokensDueForSnapshot(pool, new Date(), {
        youngIntervalMs: config.HOLDER_SNAPSHOT_YOUNG_INTERVAL_MS,
        intervalMs: config.HOLDER_SNAPSHOT_INTERVAL_MS,
        youngMinutes: config.HOLDER_YOUNG_TOKEN_MINUTES,
        activeMinutes: config.HOLDER_ACTIVE_MINUTES,
        limit: config.HOLDER_MAX_TOKENS_PER_RUN,
      });
      await forEachToken(due, logger, 'snapshot', (id) => snapshotToken(pool, id, settings));
    }, logger);
    jobs.reconcile = createPeriodicJob('holder-reconcile', config.HOLDER_RECONCILE_INTERVAL_MS, async () => {
      const ids = await readTokensToReconcile(pool, new Date(), config.HOLDER_ACTIVE_MINUTES, config.HOLDER_RECONCILE_PROGRESS_PCT, config.HOLDER_RECONCILE_MAX_TOKENS);
      await forEachToken(ids, logger, 'reconcile', async (id) => {
        const result = await reconcileToken(pool, reader, id);
        if (result && result.corrected > 0) logger.info({ mint: result.mint, corrected: result.corrected, slot: result.slot.toString() }, 'holder balances corrected from RPC');
        await snapshotToken(pool, id, settings);
      });
    }, logger);
  }
  return {
    jobs,
    start: () => Object.values(jobs).forEach((job) => job.start()),
    stop: async () => {
      await Promise.all(Object.values(jobs).map((job) => job.stop()));
    },
  };
}

async function forEachToken(ids: readonly string[], logger: JobLogger, what: string, work: (id: string) => Promise<unknown>): Promise<void> {
  for (const id of ids) {
    try {
      await work(id);
    } catch (error) {
      logger.warn({ tokenId: id, err: describeError(error) }, `holder ${what} failed for a token; the run goes on`);
    }
  }
}
