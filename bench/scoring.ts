/**
 * Scoring benchmark: a database holding the launches of one busy hour at Pump.fun's busiest day's rate
 * (71,735 launches a day ≈ 3,000 in an hour, each with its early trades), scored in full the way the
 * service's scoring job does it (read inputs → score → write token_scores → signals → cache batch).
 * Prints tokens scored per second, the process CPU the run took, and the share of one core the job needs
 * at SCORING_INTERVAL_MS (60 s) plus the fast job for young busy tokens (15 s). PostgreSQL's own CPU is
 * not in the process figure; the wall-clock share bounds both together.
 *   npx tsx bench/scoring.ts [--launches 3000]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createPgPool } from '../src/postgres/pg-pool.js';
import { writeBatch } from '../src/postgres/batch-writer.js';
import { emptyBatch, type Batch } from '../src/contracts/rows.js';
import { listActiveTokens } from '../src/postgres/scores-repository.js';
import { createMintFactsReader } from '../src/analytics/jobs/mint-facts-reader.js';
import { readInputs, runScoring } from '../src/analytics/jobs/scoring-run.js';
import { scoreInputs } from '../src/analytics/scoring/score-batch.js';
import { scoringSettingsFromConfig, signalSettingsFromConfig } from '../src/analytics/jobs/settings-from-config.js';
import { createMigratedDatabase } from '../test/helpers/database.js';
import { testConfig } from '../test/helpers/app-config.js';
import { generateHistory } from '../test/helpers/synthetic-history.js';

const LAUNCHES_PER_DAY_BUSIEST = 71_735;
const WRITE_GROUP = 100;

export interface ScoringBenchResult {
  tokens: number;
  trades: number;
  seconds: number;
  tokensPerSecond: number;
  cpuSeconds: number;
  coreShareFull: number;
  coreSharePureFormulas: number;
}

export async function benchScoring(options: { launches?: number } = {}): Promise<ScoringBenchResult> {
  const launches = options.launches ?? Math.round(LAUNCHES_PER_DAY_BUSIEST / 24);
  const database = await createMigratedDatabase('bench_scoring');
  const pool = createPgPool({ connectionString: database.url, max: 4 });
  try {
    const now = new Date();
    const history = generateHistory({ seed: 5, launches, start: new Date(now.getTime() - 3_600_000), spacingSeconds: 3_600 / launches, tradingMinutes: 20, until: now });
    const trades = await writeHistory(pool, history.map((l) => l.batch));
    const config = testConfig({ DATABASE_URL: database.url });
    const deps = { db: pool, settings: scoringSettingsFromConfig(config), signalSettings: signalSettingsFromConfig(config), mintReader: createMintFactsReader({ db: pool, rpc: null }), publish: async () => undefined };
    const active = (await listActiveTokens(pool, now, 60)).map((t) => t.tokenId);
    await runScoring(deps, active.slice(0, 200), now); // warm-up (JIT, plans)
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await runScoring(deps, active, now);
    const seconds = (performance.now() - started) / 1_000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const inputs = await readInputs(deps, active, now);
    const pureStarted = performance.now();
    for (let i = 0; i < 5; i++) scoreInputs(inputs, deps.settings, null);
    const pureSeconds = (performance.now() - pureStarted) / 1_000 / 5;
    const fastShare = 0.25; // young busy tokens are a subset scored 4x as often; bounded by 4 × the full run's share of them
    const out: ScoringBenchResult = {
      tokens: result.scored, trades, seconds, tokensPerSecond: Math.round(result.scored / seconds), cpuSeconds,
      coreShareFull: cpuSeconds / (config.SCORING_INTERVAL_MS / 1_000), coreSharePureFormulas: pureSeconds / (config.SCORING_INTERVAL_MS / 1_000),
    };
    console.log(`scoring: ${out.tokens} active tokens (${launches} launches in the last hour, ${trades} trades) scored in ${seconds.toFixed(2)} s → ${out.tokensPerSecond} tokens/s (wall, PostgreSQL included)`);
    console.log(`scoring: process CPU ${cpuSeconds.toFixed(2)} s per full run → ${(out.coreShareFull * 100).toFixed(1)} % of one core at one run per ${config.SCORING_INTERVAL_MS / 1_000} s; wall-clock share ${(seconds / (config.SCORING_INTERVAL_MS / 1_000) * 100).toFixed(1)} % (upper bound incl. the database)`);
    console.log(`scoring: formulas alone ${(pureSeconds * 1_000).toFixed(1)} ms for ${inputs.length} tokens (${Math.round(inputs.length / pureSeconds)} tokens/s); fast job (young busy tokens every 15 s) adds at most ${(out.coreShareFull * 4 * fastShare * 100).toFixed(1)} % if a quarter of the tokens are young and busy`);
    return out;
  } finally {
    await pool.end();
    await database.drop();
  }
}

async function writeHistory(pool: ReturnType<typeof createPgPool>, batches: Batch[]): Promise<number> {
  let trades = 0;
  for (let i = 0; i < batches.length; i += WRITE_GROUP) {
    const merged = emptyBatch();
    for (const b of batches.slice(i, i + WRITE_GROUP)) {
      merged.tokens.push(...b.tokens);
      merged.pools.push(...b.pools);
      merged.trades.push(...b.trades);
      merged.graduations.push(...b.graduations);
    }
    trades += merged.trades.length;
    await writeBatch(pool, merged);
  }
  return trades;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { launches: { type: 'string' } } });
  await benchScoring({ launches: values.launches ? Number(values.launches) : undefined });
}
