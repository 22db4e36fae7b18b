/**
 * The graduation model trained by `megatron model train` on a synthetic history whose outcome depends on
 * known features (early buyers up, creator dumping down): it must find them on the time-ordered
 * held-out launches, store itself with its report, and then be served by the scoring run. The same
 * history is replayed by `megatron backtest`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import { createMintFactsReader } from '../../../src/analytics/jobs/mint-facts-reader.js';
import { runScoring } from '../../../src/analytics/jobs/scoring-run.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { SETTINGS } from '../../helpers/scoring-fixtures.js';
import { generateHistory, type SyntheticLaunch } from '../../helpers/synthetic-history.js';
import { runCommand } from './cli-io.js';

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const START = new Date(NOW.getTime() - 84 * 3_600_000);

describe('graduation model and backtest on a synthetic history', () => {
  let database: TestDatabase;
  let pool: PgPool;
  let history: SyntheticLaunch[];
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createMigratedDatabase('graduation_model');
    pool = createPgPool({ connectionString: database.url, max: 4 });
    history = generateHistory({ seed: 42, launches: 400, start: START, spacingSeconds: 600, tradingMinutes: 30 });
    for (const launch of history) await writeBatch(pool, launch.batch);
    env = { DATABASE_URL: database.url, ML_MIN_TRAINING_TOKENS: '100', ML_SNAPSHOT_MINUTES: '5,15,30' };
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('trains, reports discrimination and calibration on held-out launches, and stores the model', async () => {
    const result = await runCommand(['model', 'train', '--now', NOW.toISOString()], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    const report = out.report;
    console.log(JSON.stringify({ auc: report.test.auc, brier: report.test.brier, baseline: report.test.baselineBrier, train: report.train, testTokens: report.test.tokens, reliability: report.test.reliability.filter((b: { count: number }) => b.count > 0) }));
    expect(out.activated).toBe(true);
    expect(report.train.tokens).toBe(320);
    expect(report.test.tokens).toBe(80);
    expect(report.test.auc).toBeGreaterThan(0.7);
    expect(report.test.brier).toBeLessThan(report.test.baselineBrier);
    expect(report.test.reliability.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(report.test.rows);
    const coefficient = (name: string) => report.coefficients.find((c: { feature: string }) => c.feature === name).coefficient;
    expect(coefficient('log_unique_buyers')).toBeGreaterThan(0);
    expect(coefficient('creator_sold')).toBeLessThan(0);
    const { rows } = await pool.query('select name, version, is_active, features, report from ml_models');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'graduation', version: out.version, is_active: true, report: { test: { auc: report.test.auc } } });
    expect(out.version).toMatch(/^gm-\d{14}$/);
  });

  it('serves the active model in the scoring run (probability, confidence, version)', async () => {
    const launch = history[390]!;
    const asOf = new Date(launch.creationTime.getTime() + 20 * 60_000);
    const signalSettings = { buyMinScore: 999, buyMinProbability: 1, sellMaxScore: 0, takeProfitPct: 100, stopLossPct: 35, maxHoldMinutes: 120 };
    const published: unknown[] = [];
    const result = await runScoring({ db: pool, settings: SETTINGS, signalSettings, mintReader: createMintFactsReader({ db: pool, rpc: null }), publish: async (b) => void published.push(b) }, [launch.tokenId], asOf);
    expect(result).toMatchObject({ scored: 1, signals: 0 });
    const { rows: [row] } = await pool.query('select ml_graduation_probability::float8 as p, ml_confidence_score::float8 as c, ml_model_version from token_scores where token_id = $1', [launch.tokenId]);
    expect(row.ml_model_version).toBe(result.modelVersion);
    expect(row.p).toBeGreaterThan(0);
    expect(row.p).toBeLessThan(1);
    expect(row.c).toBeGreaterThan(0);
    expect(published).toHaveLength(1);
  });

  it('backtests a window per score version with signals, hit rate, PnL and drawdown', async () => {
    const from = new Date(START.getTime() + 60 * 3_600_000);
    const to = new Date(from.getTime() + 8 * 3_600_000);
    const result = await runCommand(['backtest', '--from', from.toISOString(), '--to', to.toISOString(), '--step-minutes', '5', '--variant', 'RED_FLAG_TOP10_MAX_PCT=90'], { ...env, SIGNAL_BUY_MIN_SCORE: '300', SIGNAL_BUY_MIN_PROBABILITY: '0.2' });
    expect(result.stderr).toBe('');
    const reports = JSON.parse(result.stdout);
    console.log(JSON.stringify(reports[0]));
    expect(reports).toHaveLength(2);
    expect(reports[0].scoreVersion).not.toBe(reports[1].scoreVersion);
    for (const report of reports) {
      expect(report.signals.buy).toBeGreaterThan(0);
      expect(report.closed + report.open.count).toBe(report.signals.buy);
      expect(Object.values(report.exits as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(report.closed);
      if (report.closed > 0) expect(report.hitRate).toBeGreaterThanOrEqual(0);
      expect(report.realizedPnlPct.count).toBe(report.closed);
    }
  });
});
