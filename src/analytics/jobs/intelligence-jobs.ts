/**
 * The token-intelligence jobs that run inside the service:
 * - scoring: every active token (traded within SCORING_ACTIVE_MINUTES) every SCORING_INTERVAL_MS;
 * - scoring-fast: young (< SCORING_YOUNG_MINUTES) busy (≥ SCORING_BUSY_TRADES_5M trades in 5 min)
 *   tokens every SCORING_FAST_INTERVAL_MS;
 * - signal-tracking: open buy signals followed through new trades every SIGNAL_TRACK_INTERVAL_MS;
 * - social: social metrics of active tokens every SOCIAL_INTERVAL_MS;
 * - retraining: the graduation model every ML_RETRAIN_INTERVAL_MS.
 * The two scoring jobs share one lock, so a token is never scored (and signalled) twice at once.
 */
import type { Config } from '../../config.js';
import type { PgPool } from '../../postgres/pg-pool.js';
import { listActiveTokens } from '../../postgres/scores-repository.js';
import type { RedisBatch } from '../../contracts/cache-batch.js';
import { createRpcClient } from '../../rpc/rpc-client.js';
import { trainGraduationModel } from './train-graduation-model.js';
import { createPeriodicJob, type JobLogger, type PeriodicJob } from './periodic-job.js';
import { runSignalTracking } from './signal-tracking-run.js';
import { signalSettingsFromConfig, scoringSettingsFromConfig } from './settings-from-config.js';
import { createSocialJob } from './social-job.js';
import { createMintFactsReader } from './mint-facts-reader.js';
import { runScoring, type ScoringRunDeps } from './scoring-run.js';

export interface IntelligenceDeps {
  pool: PgPool;
  config: Config;
  logger: JobLogger;
  publish(batch: RedisBatch): Promise<void>;
}

export interface IntelligenceJobs {
  start(): void;
  stop(): Promise<void>;
  jobs: Record<string, PeriodicJob>;
}

export function createIntelligenceJobs(deps: IntelligenceDeps): IntelligenceJobs {
  const { config, pool, logger } = deps;
  const rpc = config.SCORING_MINT_RPC ? createRpcClient({ rpcUrl: config.RPC_URL, requestsPerSecond: config.RPC_REQUESTS_PER_SECOND }) : null;
  const run: ScoringRunDeps = {
    db: pool, settings: scoringSettingsFromConfig(config), signalSettings: signalSettingsFromConfig(config),
    mintReader: createMintFactsReader({ db: pool, rpc, logger }), publish: deps.publish,
  };
  let lock: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = lock.then(work, work);
    lock = next.catch(() => undefined);
    return next;
  };
  const score = (youngBusyOnly: boolean) => () => serial(async () => {
    const now = new Date();
    const active = await listActiveTokens(pool, now, config.SCORING_ACTIVE_MINUTES);
    const due = youngBusyOnly ? active.filter((t) => isYoungAndBusy(t, now, config)) : active;
    const result = await runScoring(run, due.map((t) => t.tokenId), now);
    logger.info({ job: youngBusyOnly ? 'scoring-fast' : 'scoring', ...result, ms: Date.now() - now.getTime() }, 'tokens scored');
  });
  const jobs: Record<string, PeriodicJob> = {
    scoring: createPeriodicJob('scoring', config.SCORING_INTERVAL_MS, score(false), logger),
    scoringFast: createPeriodicJob('scoring-fast', config.SCORING_FAST_INTERVAL_MS, score(true), logger),
    signalTracking: createPeriodicJob('signal-tracking', config.SIGNAL_TRACK_INTERVAL_MS, async () => {
      await serial(() => runSignalTracking(pool, run.signalSettings, new Date()));
    }, logger),
    social: createSocialJob({ pool, config, logger }),
    retraining: createPeriodicJob('model-retraining', config.ML_RETRAIN_INTERVAL_MS, async () => {
      const result = await trainGraduationModel({ db: pool, now: new Date(), trainingDays: config.ML_TRAINING_DAYS, snapshotMinutes: config.ML_SNAPSHOT_MINUTES, minTokens: config.ML_MIN_TRAINING_TOKENS });
      logger.info(result.status === 'trained' ? { job: 'model-retraining', version: result.model.version, activated: result.activated, auc: result.model.report.test.auc, brier: result.model.report.test.brier } : { job: 'model-retraining', skipped: result.reason }, 'graduation model training');
    }, logger),
  };
  return {
    jobs,
    start: () => Object.values(jobs).forEach((job) => job.start()),
    stop: async () => {
      await Promise.all(Object.values(jobs).map((job) => job.stop()));
    },
  };
}

function isYoungAndBusy(token: { creationTime: Date | null; trades5m: number }, now: Date, config: Config): boolean {
  if (token.creationTime === null) return false;
  return now.getTime() - token.creationTime.getTime() < config.SCORING_YOUNG_MINUTES * 60_000 && token.trades5m >= config.SCORING_BUSY_TRADES_5M;
}
